// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli tpu as a user runs it: tables, JSON, exit codes and the reasons.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include "clirun.h"

namespace {

using namespace clitest;

QJsonObject json(const Run& r)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(r.out));
    return doc.object();
}

} // namespace

class TestTpuCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void text_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("stdoutHas");
        QTest::addColumn<QStringList>("stderrHas");
        QTest::newRow("v4-32 explained")
            << QStringList{"tpu", "v4-32"} << 0
            << QStringList{"2x2x4     v4-32  16     4      ct4p-hightpu-4t  4               multi-host  no       none",
                           "v4-32 counts TensorCores (2 per chip): 16 chips, topology 2x2x4, 4 hosts × 4 chips (ct4p-hightpu-4t); no v4 host has 8 chips"}
            << QStringList{};
        QTest::newRow("v4 4x4x1 refused")
            << QStringList{"tpu", "v4", "4x4x1"} << 1 << QStringList{}
            << QStringList{"error CW404: '4x4x1' is not a valid v4 topology", "nearest: 2x2x4 (16 chips), 2x4x4 (32 chips), 4x4x4 (64 chips)"};
        QTest::newRow("v5p 8x8x2 refused")
            << QStringList{"tpu", "v5p", "8x8x2"} << 1 << QStringList{} << QStringList{"error CW404", "nearest: 4x4x8 (128 chips)"};
        QTest::newRow("v5p descending refused")
            << QStringList{"tpu", "v5p", "8x4x4"} << 1 << QStringList{} << QStringList{"error CW405", "write it as 4x4x8"};
        QTest::newRow("v5e 2x4: both layouts")
            << QStringList{"tpu", "v5e", "2x4"} << 0
            << QStringList{"1      ct5lp-hightpu-8t  8               single-host", "2      ct5lp-hightpu-4t  4               multi-host",
                           "TPU_WORKER_ID=1: chips (0,2) to (1,3)"}
            << QStringList{};
        QTest::newRow("v4 by chips: every shape")
            << QStringList{"tpu", "v4", "128"} << 0 << QStringList{"4x4x8", "4x8x4", "8x4x4", "yes"} << QStringList{};
        QTest::newRow("label as generation")
            << QStringList{"tpu", "tpu-v5-lite-podslice", "16"} << 0 << QStringList{"4x4", "v5litepod-16"} << QStringList{};
        QTest::newRow("no such size")
            << QStringList{"tpu", "v5e", "12"} << 1 << QStringList{} << QStringList{"error CW420: no v5e topology has 12 chips; nearest sizes: 8 (2x4), 16 (4x4)"};
        QTest::newRow("slice of another generation")
            << QStringList{"tpu", "v4", "v5p-8"} << 1 << QStringList{} << QStringList{"error CW422: 'v5p-8' is a v5p slice, not v4"};
        QTest::newRow("odd TensorCores")
            << QStringList{"tpu", "v4-31"} << 1 << QStringList{} << QStringList{"error CW411"};
        QTest::newRow("unknown generation")
            << QStringList{"tpu", "v5f"} << 1 << QStringList{} << QStringList{"error CW410", "did you mean 'v5e'?"};
        QTest::newRow("no generation") << QStringList{"tpu"} << 2 << QStringList{} << QStringList{"tpu needs a GENERATION"};
        QTest::newRow("too many arguments") << QStringList{"tpu", "v4", "16", "32"} << 2 << QStringList{} << QStringList{"tpu needs a GENERATION"};
    }
    void text()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QStringList, stdoutHas);
        QFETCH(QStringList, stderrHas);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, exitCode);
        for (const QString& s : stdoutHas)
            QVERIFY2(r.out.contains(s), qPrintable(r.out));
        for (const QString& s : stderrHas)
            QVERIFY2(r.err.contains(s), qPrintable(r.err));
        if (exitCode != 0)
            QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        else
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    void jsonValid()
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("tpu"), QStringLiteral("v5e"), QStringLiteral("8")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = json(r);
        QCOMPARE(o[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(o[QStringLiteral("generation")].toObject()[QStringLiteral("acceleratorLabel")].toString(), QStringLiteral("tpu-v5-lite-podslice"));
        const QJsonObject t = o[QStringLiteral("topologies")].toArray().first().toObject();
        QCOMPARE(t[QStringLiteral("topology")].toString(), QStringLiteral("2x4"));
        QCOMPARE(t[QStringLiteral("name")].toString(), QStringLiteral("v5litepod-8"));
        const QJsonArray layouts = t[QStringLiteral("layouts")].toArray();
        QCOMPARE(layouts.size(), 2);
        QCOMPARE(layouts[0].toObject()[QStringLiteral("machineType")].toString(), QStringLiteral("ct5lp-hightpu-8t"));
        QCOMPARE(layouts[0].toObject()[QStringLiteral("tpuPerPod")].toInt(), 8);
        QCOMPARE(layouts[1].toObject()[QStringLiteral("hosts")].toInt(), 2);
        QCOMPARE(layouts[1].toObject()[QStringLiteral("tpuPerPod")].toInt(), 4);
    }

    void jsonInvalid()
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("tpu"), QStringLiteral("v4"), QStringLiteral("8x8x2")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = json(r);
        QCOMPARE(o[QStringLiteral("ok")].toBool(), false);
        QCOMPARE(o[QStringLiteral("diagnostics")].toArray().first().toObject()[QStringLiteral("code")].toString(), QStringLiteral("CW404"));
        const QJsonArray nearest = o[QStringLiteral("nearest")].toArray();
        QCOMPARE(nearest.first().toObject()[QStringLiteral("topology")].toString(), QStringLiteral("4x4x8"));
        QCOMPARE(nearest.first().toObject()[QStringLiteral("twisted")].toBool(), true);
    }

    // The whole v5p table ends at the largest documented slice, 16x16x24.
    void jsonAllSizes()
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("tpu"), QStringLiteral("v5p")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = json(r)[QStringLiteral("topologies")].toArray();
        QCOMPARE(rows.first().toObject()[QStringLiteral("topology")].toString(), QStringLiteral("2x2x1"));
        QCOMPARE(rows.last().toObject()[QStringLiteral("topology")].toString(), QStringLiteral("16x16x24"));
        QCOMPARE(rows.last().toObject()[QStringLiteral("chips")].toInt(), 6144);
        QCOMPARE(rows.last().toObject()[QStringLiteral("cubes")].toInt(), 96);
    }

    void jsonWorkers()
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("tpu"), QStringLiteral("v4"), QStringLiteral("2x2x4")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray workers = json(r)[QStringLiteral("workers")].toArray();
        QCOMPARE(workers.size(), 4);
        const QJsonArray chips = workers[2].toObject()[QStringLiteral("chips")].toArray();
        QCOMPARE(chips.size(), 4);
        for (const auto& c : chips)
            QCOMPARE(c.toArray()[2].toInt(), 2); // worker 2 holds the z = 2 layer
    }
};

QTEST_GUILESS_MAIN(TestTpuCli)
#include "tst_tpucli.moc"
