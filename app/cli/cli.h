// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalog/catalog.h"
#include "diag/diagnostic.h"
#include "model/plan.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>

#include <optional>
#include <string>
#include <vector>

namespace cw::cli {

// Exit codes shared by every command.
enum ExitCode { kOk = 0, kPlanErrors = 1, kUsage = 2 };

// The command line after the global options were taken out.
struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options; // --key value / --flag ""
    bool json = false;
    std::vector<std::string> catalogFiles;

    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    // Reports the first option the command does not know (with a suggestion) as a usage
    // error and returns false; every command calls it with its own options.
    bool onlyOptions(const std::vector<std::string>& known) const;
};

// Prints text to stdout or stderr; every message to the user goes through these.
void out(const std::string& text);
void err(const std::string& text);
void printJson(const nlohmann::json& j);

// Prints diagnostics to stderr as "file:line:col: error CWnnn: message".
void printDiagnostics(const diag::Diagnostics& diags);
nlohmann::json diagnosticsJson(const diag::Diagnostics& diags);

// Loads the catalog with --catalog files and the user's catalog.d; on errors prints them
// and returns nullopt.
std::optional<catalog::Catalog> loadCatalog(const Args& args);
// Reads a plan and checks it against the catalog; prints diagnostics (unless json) and
// returns the plan when it has no errors. diagsOut receives every diagnostic.
std::optional<model::Plan> loadPlan(const std::string& path, const catalog::Catalog& cat,
                                    diag::Diagnostics* diagsOut = nullptr, bool quiet = false);

// Did reading the plan fail on I/O (CW001 first), rather than on its contents? Decides
// between exit codes kUsage and kFailed.
bool isIoError(const diag::Diagnostics& diags);

// A usage error: prints the message and a hint, returns kUsage.
int usageError(const QString& message);

// The width of s on a terminal, in columns: one per character, two for East Asian wide and
// full-width characters (Japanese text), so that translated tables stay aligned.
size_t displayWidth(const std::string& s);
size_t displayWidth(const QString& s);
// s padded with spaces to width columns: left-aligned for a negative width, right-aligned
// for a positive one (as QString::arg's fieldWidth); unchanged when it is as wide or wider.
std::string fit(const std::string& s, int width);
QString fit(const QString& s, int width);

// The CLI's translation context "Cli"; Cli::tr() so that lupdate files every string there.
struct Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// One sub-command: its name, a one-line summary and its entry point.
struct Command {
    const char* name;
    const char* synopsis;   // marked for translation, e.g. "check PLAN"
    const char* summary;    // marked for translation
    int (*run)(const Args&);
};
const std::vector<Command>& commands();

// Command entry points.
int runCheck(const Args& args);
int runCatalog(const Args& args);
int runSolve(const Args& args);
int runExplain(const Args& args);
int runTpu(const Args& args);
int runExport(const Args& args);
int runCompare(const Args& args);

} // namespace cw::cli
