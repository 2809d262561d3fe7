// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli: the planner from a terminal or CI.
#include "cli.h"

#include "i18n/translations.h"

#include <QCoreApplication>

#include <cstdio>
#include <iostream>

using namespace cw::cli;

namespace {

void printHelp(bool toStderr = false)
{
    QString text = Cli::tr("Usage: clusterwright-cli [--json] [--catalog FILE]... COMMAND [ARGS]\n\n"
                      "Plan, price and export Kubernetes clusters for AI workloads on GKE and EKS.\n\n"
                      "Commands:\n");
    for (const auto& c : commands()) {
        text += QStringLiteral("  %1\n      %2\n")
                    .arg(QCoreApplication::translate("Cli", c.synopsis), QCoreApplication::translate("Cli", c.summary));
    }
    text += Cli::tr("\nOptions:\n"
               "  --json            print results as JSON on stdout\n"
               "  --catalog FILE    merge a catalog override file on top of the embedded catalog\n"
               "                    (may be given more than once; ~/.config/clusterwright/catalog.d/*.yaml\n"
               "                    is always merged)\n"
               "  --lang LANG       language of messages (en, de, ja); default: the system locale\n"
               "  -h, --help        show this help\n"
               "  -V, --version     show the version\n\n"
               "Exit codes: 0 ok, 1 the plan has errors or a check failed, 2 usage or I/O error.\n");
    if (toStderr)
        err(text.toStdString());
    else
        out(text.toStdString());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clusterwright-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CW_VERSION));

    std::vector<std::string> raw;
    for (int i = 1; i < argc; ++i)
        raw.emplace_back(argv[i]);

    // --lang first, so that every later message is translated.
    QString lang;
    for (size_t i = 0; i + 1 < raw.size(); ++i) {
        if (raw[i] == "--lang")
            lang = QString::fromStdString(raw[i + 1]);
    }
    cw::i18n::installTranslators(lang);

    Args args;
    for (size_t i = 0; i < raw.size(); ++i) {
        const std::string& a = raw[i];
        if (a == "--json") {
            args.json = true;
        } else if (a == "--catalog" || a == "--lang") {
            if (i + 1 >= raw.size())
                return usageError(Cli::tr("%1 needs a value").arg(QString::fromStdString(a)));
            if (a == "--catalog")
                args.catalogFiles.push_back(raw[i + 1]);
            ++i;
        } else if (a == "-h" || a == "--help") {
            if (args.command.empty()) {
                printHelp();
                return kOk;
            }
            args.options.emplace_back("help", "");
        } else if (a == "-V" || a == "--version") {
            out("clusterwright-cli " CW_VERSION "\n");
            return kOk;
        } else if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string name = a.substr(2);
            std::string value;
            if (auto eq = name.find('='); eq != std::string::npos) {
                value = name.substr(eq + 1);
                name = name.substr(0, eq);
            } else if (i + 1 < raw.size() && raw[i + 1].rfind("--", 0) != 0
                       && (name == "provider" || name == "cluster" || name == "out" || name == "target"
                           || name == "adr" || name == "view")) {
                value = raw[++i];
            }
            args.options.emplace_back(name, value);
        } else if (args.command.empty()) {
            args.command = a;
        } else {
            args.positional.push_back(a);
        }
    }
    if (args.command.empty()) {
        printHelp(true);
        return kUsage;
    }
    for (const auto& c : commands()) {
        if (args.command == c.name) {
            if (args.has("help")) {
                out(Cli::tr("Usage: clusterwright-cli %1\n\n%2\n")
                        .arg(QCoreApplication::translate("Cli", c.synopsis), QCoreApplication::translate("Cli", c.summary))
                        .toStdString());
                return kOk;
            }
            return c.run(args);
        }
    }
    std::vector<std::string> names;
    for (const auto& c : commands())
        names.emplace_back(c.name);
    const std::string s = cw::diag::closestMatch(args.command, names);
    return usageError(s.empty() ? Cli::tr("unknown command '%1'").arg(QString::fromStdString(args.command))
                                : Cli::tr("unknown command '%1'; did you mean '%2'?")
                                      .arg(QString::fromStdString(args.command), QString::fromStdString(s)));
}
