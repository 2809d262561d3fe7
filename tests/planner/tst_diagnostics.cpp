// SPDX-License-Identifier: GPL-3.0-or-later
// The message tables: unique codes in their module's range, every code documented in
// docs/diagnostics.md with the same text, and placeholders that the arguments can fill.
#include "diag/diagnostic.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <set>

using namespace cw;

class TestDiagnostics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codesAreUniqueAndInRange()
    {
        std::set<std::string> seen;
        for (const auto& m : diag::allMessages()) {
            const std::string code = m.code;
            QVERIFY2(seen.insert(code).second, ("duplicate code " + code).c_str());
            QVERIFY2(code.size() == 5 && code.rfind("CW", 0) == 0, code.c_str());
            QVERIFY2(std::string(m.text).find('\n') == std::string::npos, code.c_str());
        }
        QVERIFY(seen.size() > 100);
    }

    void everyCodeIsDocumented()
    {
        QFile f(QStringLiteral(CW_SOURCE_DIR "/docs/diagnostics.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString doc = QString::fromUtf8(f.readAll());
        QStringList missing;
        for (const auto& m : diag::allMessages()) {
            // A table row: | CWnnn | severity | `text` | ...
            const QString text = QString::fromUtf8(m.text).replace(QLatin1Char('|'), QStringLiteral("\\|"));
            const QString row = QStringLiteral("| %1 | %2 | `%3` |")
                                    .arg(QString::fromLatin1(m.code), QString::fromLatin1(diag::severityName(m.severity)), text);
            if (!doc.contains(row))
                missing << row;
        }
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not documented as in the table:\n") + missing.join(QLatin1Char('\n'))));
    }

    void substitution()
    {
        QCOMPARE(diag::substitute("a %1 b %2 %1", {"x", "y"}), std::string("a x b y x"));
        QCOMPARE(diag::substitute("100%", {}), std::string("100%"));
        // An argument containing a placeholder is not substituted again.
        QCOMPARE(diag::substitute("%1 and %2", {"%2", "z"}), std::string("%2 and z"));
    }

    void suggestions()
    {
        const std::vector<std::string> names = {"nvidia-h100-80gb", "nvidia-b200", "nvidia-l4"};
        QCOMPARE(diag::closestMatch("nvidia-h100", names), std::string("nvidia-h100-80gb"));
        QCOMPARE(diag::closestMatch("nvidia-l5", names), std::string("nvidia-l4"));
        QCOMPARE(diag::closestMatch("amd-mi300", names), std::string());
    }

    // A machine type the catalog lacks: the nearest size of the same series, not the nearest
    // spelling (which for "n2-highmem-8" was "n2-highmem-2").
    void machineSuggestions()
    {
        const std::vector<std::string> gce = {"n2-highmem-2", "n2-highmem-4", "n2-highmem-16", "n2-highmem-32",
                                              "n2-standard-8", "c3-standard-4-lssd", "c3-standard-8-lssd", "c3-standard-8"};
        QCOMPARE(diag::closestMachineName("n2-highmem-8", gce), std::string("n2-highmem-16"));
        QCOMPARE(diag::closestMachineName("n2-highmem-3", gce), std::string("n2-highmem-4"));
        QCOMPARE(diag::closestMachineName("n2-highmem-64", gce), std::string("n2-highmem-32"));
        QCOMPARE(diag::closestMachineName("c3-standard-22-lssd", gce), std::string("c3-standard-8-lssd"));
        QCOMPARE(diag::closestMachineName("c3-standard-6", gce), std::string("c3-standard-8"));
        // A digit too many is a typo: the size without it.
        QCOMPARE(diag::closestMachineName("n2-highmem-162", gce), std::string("n2-highmem-16"));
        // No such series: the spelling.
        QCOMPARE(diag::closestMachineName("n2-standrd-8", gce), std::string("n2-standard-8"));
        const std::vector<std::string> aws = {"m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge", "m5.metal", "g6.xlarge"};
        QCOMPARE(diag::closestMachineName("m5.3xlarge", aws), std::string("m5.4xlarge"));
        QCOMPARE(diag::closestMachineName("m5.medium", aws), std::string("m5.large"));
        QCOMPARE(diag::closestMachineName("g6.2xlarge", aws), std::string("g6.xlarge"));
        QCOMPARE(diag::closestMachineName("m6.2xlarge", aws), std::string("m5.2xlarge"));
    }
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_diagnostics.moc"
