// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli solve and explain: exit codes, the readable table and the JSON.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "clirun.h"

namespace {

using namespace clitest;

QString solveCase(const char* name)
{
    return QStringLiteral(CW_TEST_DATA_DIR "/solve/%1/plan.yaml").arg(QLatin1String(name));
}

} // namespace

class TestCliSolve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void solveTable()
    {
        const Run r = cli({QStringLiteral("solve"), example("llm-training-gke.yaml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("cluster gke-train (GKE standard, us-central1)")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("a3-h100")));
        QVERIFY(r.out.contains(QStringLiteral("a3-highgpu-8g")));
        QVERIFY(r.out.contains(QStringLiteral("lower bound")));
        QVERIFY(r.out.contains(QStringLiteral("stranded per hour")));
        QVERIFY(r.out.contains(QStringLiteral("Total")));
    }

    void solveJson_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("llm-training") << example("llm-training-gke.yaml") << 0;
        // Its Autopilot cluster runs a privileged log shipper that Autopilot refuses: unplaced.
        QTest::newRow("inference") << example("inference-gke.yaml") << 1;
        QTest::newRow("tpu") << example("tpu-training-gke.yaml") << 0;
        QTest::newRow("unplaced") << solveCase("gpu-model-mismatch") << 1;
    }
    void solveJson()
    {
        QFETCH(QString, file);
        QFETCH(int, exitCode);
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("solve"), file});
        QCOMPARE(r.exitCode, exitCode);
        const QJsonObject o = parse(r.out);
        for (const char* key : {"hourlyCost", "monthlyCost", "solveMillis", "clusters", "diagnostics"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        const QJsonArray clusters = o[QStringLiteral("clusters")].toArray();
        QVERIFY(!clusters.isEmpty());
        double total = 0;
        for (const auto& v : clusters) {
            const QJsonObject c = v.toObject();
            for (const char* key : {"name", "hourlyCost", "lowerBoundHourlyCost", "gap", "nodes", "placements", "utilization",
                                    "stranded", "unplaced"})
                QVERIFY2(c.contains(QLatin1String(key)), key);
            total += c[QStringLiteral("hourlyCost")].toDouble();
            QVERIFY(c[QStringLiteral("lowerBoundHourlyCost")].toDouble() <= c[QStringLiteral("hourlyCost")].toDouble() + 1e-9);
            for (const auto& n : c[QStringLiteral("nodes")].toArray()) {
                const QJsonObject g = n.toObject();
                for (const char* key : {"pool", "machineType", "count", "capacity"})
                    QVERIFY2(g.contains(QLatin1String(key)), key);
            }
            for (const auto& p : c[QStringLiteral("placements")].toArray()) {
                const QJsonObject pl = p.toObject();
                for (const char* key : {"workload", "replica", "pool", "node"})
                    QVERIFY2(pl.contains(QLatin1String(key)), key);
            }
            const QJsonObject u = c[QStringLiteral("utilization")].toObject();
            for (const char* key : {"cpu", "memory", "gpu", "tpu"})
                QVERIFY2(u.contains(QLatin1String(key)), key);
            for (const auto& p : c[QStringLiteral("unplaced")].toArray()) {
                const QJsonObject un = p.toObject();
                for (const char* key : {"workload", "replica", "reason"})
                    QVERIFY2(un.contains(QLatin1String(key)), key);
            }
        }
        QVERIFY(std::abs(total - o[QStringLiteral("hourlyCost")].toDouble()) < 1e-6);
    }

    void solveUnplacedReason()
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("solve"), solveCase("gpu-model-mismatch")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject u = parse(r.out)[QStringLiteral("clusters")].toArray().first().toObject()[QStringLiteral("unplaced")]
                                  .toArray().first().toObject();
        QCOMPARE(u[QStringLiteral("workload")].toString(), QStringLiteral("train"));
        QCOMPARE(u[QStringLiteral("reason")].toString(), QStringLiteral("needs 8 × nvidia-h100-80gb; pool v5e offers none"));
        QCOMPARE(u[QStringLiteral("code")].toString(), QStringLiteral("CW301"));
    }

    void solveOneCluster()
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("solve"), QStringLiteral("--cluster"), QStringLiteral("gke-tpu-v4"),
                           example("tpu-training-gke.yaml")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray clusters = parse(r.out)[QStringLiteral("clusters")].toArray();
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(clusters.first().toObject()[QStringLiteral("name")].toString(), QStringLiteral("gke-tpu-v4"));
    }

    void solveUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no plan") << QStringList{QStringLiteral("solve")} << QStringLiteral("solve needs exactly one PLAN file");
        QTest::newRow("unknown cluster") << QStringList{QStringLiteral("solve"), QStringLiteral("--cluster"), QStringLiteral("gke-tpu-v5"),
                                                         example("tpu-training-gke.yaml")}
                                         << QStringLiteral("the plan has no cluster 'gke-tpu-v5'; did you mean 'gke-tpu-v4'?");
        QTest::newRow("missing file") << QStringList{QStringLiteral("solve"), QStringLiteral("/nonexistent/plan.yaml")}
                                      << QStringLiteral("/nonexistent/plan.yaml");
        QTest::newRow("explain args") << QStringList{QStringLiteral("explain"), example("tpu-training-gke.yaml")}
                                      << QStringLiteral("explain needs a PLAN file and a WORKLOAD name");
        QTest::newRow("explain unknown") << QStringList{QStringLiteral("explain"), example("genai-platform.yaml"), QStringLiteral("llama-trian")}
                                         << QStringLiteral("the plan has no workload 'llama-trian'; did you mean 'llama-train'?");
    }
    void solveUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void solveBrokenPlan()
    {
        const Run r = cli({QStringLiteral("solve"), QStringLiteral(CW_TEST_DATA_DIR "/plan/bad/min-above-max.yaml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("CW109")));
    }

    void explainTable()
    {
        const Run r = cli({QStringLiteral("explain"), example("genai-platform.yaml"), QStringLiteral("api-gateway")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Workload api-gateway (cluster gke-ai): 10 of 10 replicas placed")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Why: ")));
        QVERIFY(r.out.contains(QStringLiteral("->")));
        QVERIFY(r.out.contains(QStringLiteral("taints its nodes nvidia.com/gpu=present:NoSchedule")));
    }

    void explainJson()
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("explain"), solveCase("gpu-model-mismatch"), QStringLiteral("train")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = parse(r.out);
        QCOMPARE(o[QStringLiteral("workload")].toString(), QStringLiteral("train"));
        QCOMPARE(o[QStringLiteral("placedReplicas")].toInt(), 0);
        QCOMPARE(o[QStringLiteral("whyCode")].toString(), QStringLiteral("CW364"));
        const QJsonArray options = o[QStringLiteral("options")].toArray();
        QCOMPARE(options.size(), 2);
        for (const auto& v : options) {
            const QJsonObject opt = v.toObject();
            QVERIFY(!opt[QStringLiteral("fits")].toBool());
            QVERIFY(opt.contains(QStringLiteral("hourlyPricePerReplica")));
            QVERIFY(!opt[QStringLiteral("reason")].toString().isEmpty());
            QVERIFY(!opt[QStringLiteral("checks")].toArray().isEmpty());
        }
        const Run ok = cli({QStringLiteral("--json"), QStringLiteral("explain"), solveCase("gpu-model-mismatch"), QStringLiteral("serve")});
        QCOMPARE(ok.exitCode, 0);
        QCOMPARE(parse(ok.out)[QStringLiteral("placedReplicas")].toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestCliSolve)
#include "tst_cli_solve.moc"
