// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli compare: exit codes, the text, the JSON, the decision record and a
// catalog override that moves the figures.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "clirun.h"

namespace {

using namespace clitest;

QString costCase(const char* name)
{
    return QStringLiteral(CW_TEST_DATA_DIR "/cost/%1/plan.yaml").arg(QLatin1String(name));
}

QJsonObject option(const QJsonObject& root, const QString& name)
{
    for (const auto& o : root[QStringLiteral("options")].toArray()) {
        if (o.toObject()[QStringLiteral("name")].toString() == name)
            return o.toObject();
    }
    return {};
}

} // namespace

class TestCliCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyExample_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f : {"genai-platform.yaml", "inference-gke.yaml", "llm-training-gke.yaml", "platform-eks.yaml",
                              "tpu-training-gke.yaml"})
            QTest::newRow(f) << example(f);
    }

    void everyExample()
    {
        QFETCH(QString, file);
        const Run text = cli({QStringLiteral("compare"), file});
        QCOMPARE(text.exitCode, 0);
        for (const char* s : {"gke-standard", "gke-autopilot", "eks", "Per workload", "Fees", "Break-even"})
            QVERIFY2(text.out.contains(QLatin1String(s)), s);
        const Run json = cli({QStringLiteral("--json"), QStringLiteral("compare"), file});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = parse(json.out);
        QCOMPARE(o[QStringLiteral("options")].toArray().size(), 6);
        for (const auto& v : o[QStringLiteral("options")].toArray()) {
            const QJsonObject opt = v.toObject();
            for (const char* key : {"name", "hourlyCost", "monthlyCost", "fees", "workloads", "substitutions", "refused"})
                QVERIFY2(opt.contains(QLatin1String(key)), key);
            QVERIFY(opt[QStringLiteral("monthlyCost")].toDouble() > 0);
        }
    }

    void h100GangFigures()
    {
        const QJsonObject o = parse(cli({QStringLiteral("--json"), QStringLiteral("compare"), costCase("h100-training-gang")}).out);
        // 8 × (9.46006 + 8 × 4.20076) on GKE, 8 × 55.04 on EKS, plus $0.10/h per cluster.
        QCOMPARE(option(o, QStringLiteral("gke-standard"))[QStringLiteral("hourlyCost")].toDouble(), 344.62912);
        QCOMPARE(option(o, QStringLiteral("eks"))[QStringLiteral("hourlyCost")].toDouble(), 440.42);
        const QJsonObject ap = option(o, QStringLiteral("gke-autopilot"));
        QCOMPARE(ap[QStringLiteral("premium")].toString(), QStringLiteral("premium not included: unknown"));
        QCOMPARE(ap[QStringLiteral("complete")].toBool(), false);
        const QJsonObject eks = option(o, QStringLiteral("eks"));
        const QJsonObject sub = eks[QStringLiteral("substitutions")].toArray().at(0).toObject();
        QCOMPARE(sub[QStringLiteral("kind")].toString(), QStringLiteral("equivalent"));
        QCOMPARE(sub[QStringLiteral("family")].toString(), QStringLiteral("p5"));
        QCOMPARE(o[QStringLiteral("cheapest")].toString(), QStringLiteral("gke-standard"));
    }

    void refusedPodsAreListed()
    {
        const Run r = cli({QStringLiteral("compare"), costCase("autopilot-privileged-refused")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("CW601")), qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("Refused by Autopilot")));
        QVERIFY(r.out.contains(QStringLiteral("node-agent")));
        QVERIFY(r.out.contains(QStringLiteral("needs-standard")));
    }

    // A catalog override with other prices moves the figures by exactly the difference.
    void catalogOverrideMovesFigures()
    {
        QTemporaryDir dir;
        const QString path = dir.path() + QStringLiteral("/prices.yaml");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"(apiVersion: clusterwright/catalog/v1
kind: Sources
sources:
- {id: my-contract, title: "negotiated prices", asOf: "2026-07-01"}
---
apiVersion: clusterwright/catalog/v1
kind: PriceBook
provider: eks
machineTypes:
- name: p5.48xlarge
  onDemand: {usd: 40, source: my-contract}
)");
        f.close();
        const QJsonObject base = parse(cli({QStringLiteral("--json"), QStringLiteral("compare"), costCase("h100-training-gang")}).out);
        const QJsonObject custom = parse(cli({QStringLiteral("--json"), QStringLiteral("--catalog"), path, QStringLiteral("compare"),
                                              costCase("h100-training-gang")}).out);
        const double before = option(base, QStringLiteral("eks"))[QStringLiteral("hourlyCost")].toDouble();
        const double after = option(custom, QStringLiteral("eks"))[QStringLiteral("hourlyCost")].toDouble();
        QVERIFY2(std::abs((before - after) - 8 * (55.04 - 40.0)) < 1e-6, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
    }

    void writesTheDecisionRecord()
    {
        QTemporaryDir dir;
        const QString adr = dir.path() + QStringLiteral("/decision.md");
        const Run r = cli({QStringLiteral("compare"), example("inference-gke.yaml"), QStringLiteral("--adr"), adr});
        QCOMPARE(r.exitCode, 0);
        QFile f(adr);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        for (const char* s : {"# ADR: where to run inference-gke", "## Context", "## Options", "## The numbers",
                              "### Break-even", "## Decision", "## Consequences", "## Assumptions and sources",
                              "Refused by Autopilot", "log-shipper-ap", "2026-01-19 to 2026-09", "premium not included: unknown"})
            QVERIFY2(text.contains(QLatin1String(s)), s);
        // No temporary file is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void unwritableRecordIsAnError()
    {
        QTemporaryDir dir;
        const QString adr = dir.path() + QStringLiteral("/missing-folder/decision.md");
        const Run r = cli({QStringLiteral("compare"), costCase("h100-training-gang"), QStringLiteral("--adr"), adr});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("CW616")), qPrintable(r.err));
        QVERIFY(!QFile::exists(adr));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no plan") << QStringList{QStringLiteral("compare")} << 2;
        QTest::newRow("two plans") << QStringList{QStringLiteral("compare"), costCase("h100-training-gang"), costCase("h100-training-gang")} << 2;
        QTest::newRow("missing file") << QStringList{QStringLiteral("compare"), QStringLiteral("/nonexistent/plan.yaml")} << 2;
        QTest::newRow("adr without a file") << QStringList{QStringLiteral("compare"), costCase("h100-training-gang"), QStringLiteral("--adr")} << 2;
        QTest::newRow("plan with errors") << QStringList{QStringLiteral("compare"), QStringLiteral(CW_TEST_DATA_DIR "/plan/bad/unknown-gpu-type.yaml")} << 1;
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliCompare)
#include "tst_cli_compare.moc"
