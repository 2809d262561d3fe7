// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "i18n/translations.h"

#include "check/plancheck.h"
#include "io/planreader.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace cw::cli {

namespace {

bool wide(char32_t u)
{
    return (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF && u != 0x303F) || (u >= 0xAC00 && u <= 0xD7A3)
        || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
        || (u >= 0xFFE0 && u <= 0xFFE6) || (u >= 0x20000 && u <= 0x3FFFD);
}

} // namespace

size_t displayWidth(const QString& s)
{
    size_t n = 0;
    for (char32_t u : s.toUcs4())
        n += wide(u) ? 2 : 1;
    return n;
}

size_t displayWidth(const std::string& s)
{
    return displayWidth(QString::fromStdString(s));
}

QString fit(const QString& s, int width)
{
    const size_t w = size_t(width < 0 ? -width : width);
    const size_t have = displayWidth(s);
    if (have >= w)
        return s;
    const QString spaces(qsizetype(w - have), QLatin1Char(' '));
    return width < 0 ? s + spaces : spaces + s;
}

std::string fit(const std::string& s, int width)
{
    return fit(QString::fromStdString(s), width).toStdString();
}

bool Args::has(const std::string& name) const
{
    for (const auto& [k, v] : options) {
        if (k == name)
            return true;
    }
    return false;
}

std::optional<std::string> Args::value(const std::string& name) const
{
    for (const auto& [k, v] : options) {
        if (k == name)
            return v;
    }
    return std::nullopt;
}

bool Args::onlyOptions(const std::vector<std::string>& known) const
{
    for (const auto& [k, v] : options) {
        if (k == "help" || std::find(known.begin(), known.end(), k) != known.end())
            continue;
        const std::string s = diag::closestMatch(k, known);
        usageError(s.empty() ? Cli::tr("%1 does not know the option --%2").arg(QString::fromStdString(command), QString::fromStdString(k))
                             : Cli::tr("%1 does not know the option --%2; did you mean --%3?")
                                   .arg(QString::fromStdString(command), QString::fromStdString(k), QString::fromStdString(s)));
        return false;
    }
    return true;
}

void out(const std::string& text)
{
    std::fwrite(text.data(), 1, text.size(), stdout);
}

void err(const std::string& text)
{
    std::fflush(stdout);
    std::fwrite(text.data(), 1, text.size(), stderr);
}

void printJson(const nlohmann::json& j)
{
    out(j.dump(2) + "\n");
}

void printDiagnostics(const diag::Diagnostics& diags)
{
    for (const auto& d : diags.items())
        err(i18n::formatDiagnostic(d).toStdString() + "\n");
}

nlohmann::json diagnosticsJson(const diag::Diagnostics& diags)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : diags.items()) {
        nlohmann::json j = {
            {"code", d.code},
            {"severity", std::string(diag::severityName(d.severity))},
            {"message", d.message()},
            {"file", d.where.file},
            {"line", d.where.line},
            {"column", d.where.column},
        };
        if (!d.object.empty())
            j["object"] = d.object;
        list.push_back(std::move(j));
    }
    return list;
}

bool isIoError(const diag::Diagnostics& diags)
{
    return !diags.empty() && diags.items().front().code == "CW001";
}

int usageError(const QString& message)
{
    err("clusterwright-cli: " + message.toStdString() + "\n");
    err(Cli::tr("Try 'clusterwright-cli --help'.").toStdString() + "\n");
    return kUsage;
}

std::optional<catalog::Catalog> loadCatalog(const Args& args)
{
    std::vector<std::string> files = catalog::Catalog::userOverrideFiles();
    files.insert(files.end(), args.catalogFiles.begin(), args.catalogFiles.end());
    diag::Diagnostics diags;
    catalog::Catalog cat = catalog::Catalog::load(files, diags);
    if (diags.hasErrors()) {
        printDiagnostics(diags);
        return std::nullopt;
    }
    return cat;
}

std::optional<model::Plan> loadPlan(const std::string& path, const catalog::Catalog& cat,
                                    diag::Diagnostics* diagsOut, bool quiet)
{
    io::PlanReadResult r = io::readPlanFile(path);
    diag::Diagnostics diags = r.diagnostics;
    if (r.plan)
        check::checkPlan(*r.plan, cat, diags);
    if (!quiet)
        printDiagnostics(diags);
    if (diagsOut)
        *diagsOut = diags;
    if (!r.plan || diags.hasErrors())
        return std::nullopt;
    return r.plan;
}

} // namespace cw::cli
