// SPDX-License-Identifier: GPL-3.0-or-later
// clusterwright-cli as a user runs it: exit codes, stdout/stderr and JSON.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "clirun.h"

namespace {

using namespace clitest;

QString badPlan(const char* name)
{
    return QStringLiteral(CW_TEST_DATA_DIR "/plan/bad/%1").arg(QLatin1String(name));
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checkExamples_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f : {"genai-platform.yaml", "llm-training-gke.yaml", "tpu-training-gke.yaml", "inference-gke.yaml", "platform-eks.yaml"})
            QTest::newRow(f) << example(f);
    }
    void checkExamples()
    {
        QFETCH(QString, file);
        const Run r = cli({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral(": ok: plan")), qPrintable(r.out));
        QVERIFY(!r.err.contains(QStringLiteral("error")));
    }

    void checkBrokenPlan()
    {
        const QString file = badPlan("unknown-key-workload.yaml");
        const Run r = cli({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.contains(file + QStringLiteral(":16:5: error CW004: unknown key 'replica'")), qPrintable(r.err));
    }

    void checkJson()
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("check"), badPlan("min-above-max.yaml")});
        QCOMPARE(r.exitCode, 1);
        QJsonParseError e;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
        QVERIFY2(e.error == QJsonParseError::NoError, qPrintable(r.out));
        const QJsonObject o = doc.object();
        QCOMPARE(o[QStringLiteral("ok")].toBool(), false);
        QCOMPARE(o[QStringLiteral("errors")].toInt(), 1);
        const QJsonObject d = o[QStringLiteral("diagnostics")].toArray().first().toObject();
        QCOMPARE(d[QStringLiteral("code")].toString(), QStringLiteral("CW109"));
        QCOMPARE(d[QStringLiteral("severity")].toString(), QStringLiteral("error"));
        QCOMPARE(d[QStringLiteral("line")].toInt(), 12);
        QCOMPARE(d[QStringLiteral("column")].toInt(), 17);
        QVERIFY(r.err.isEmpty()); // with --json, diagnostics are in the JSON, not on stderr

        const Run ok = cli({QStringLiteral("check"), example("genai-platform.yaml"), QStringLiteral("--json")});
        QCOMPARE(ok.exitCode, 0);
        const QJsonObject okj = QJsonDocument::fromJson(ok.out.toUtf8()).object();
        QCOMPARE(okj[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(okj[QStringLiteral("plan")].toObject()[QStringLiteral("workloads")].toInt(), 12);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList{} << "Usage:";
        QTest::newRow("unknown command") << QStringList{"chek", "x"} << "did you mean 'check'?";
        QTest::newRow("check without file") << QStringList{"check"} << "exactly one PLAN";
        QTest::newRow("missing file") << QStringList{"check", "/nonexistent.yaml"} << "cannot read /nonexistent.yaml";
        QTest::newRow("bad provider") << QStringList{"catalog", "list", "--provider", "azure"} << "--provider must be gke or eks";
        QTest::newRow("catalog without sub-command") << QStringList{"catalog"} << "list or show";
        QTest::newRow("catalog option without value") << QStringList{"--catalog"} << "needs a value";
        QTest::newRow("unknown option") << QStringList{"catalog", "list", "--provder", "eks"} << "does not know the option --provder; did you mean --provider?";
        QTest::newRow("missing override") << QStringList{"--catalog", "/nonexistent-override.yaml", "catalog", "list"} << "cannot read";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message) || r.out.contains(message), qPrintable(r.err + r.out));
    }

    void helpAndVersion()
    {
        Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("check PLAN")));
        QVERIFY(r.out.contains(QStringLiteral("Exit codes")));
        r = cli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("clusterwright-cli ")));
        r = cli({QStringLiteral("check"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("check PLAN")));
    }

    void catalogList()
    {
        const Run r = cli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--provider"), QStringLiteral("eks"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray types = o[QStringLiteral("machineTypes")].toArray();
        QVERIFY(types.size() > 50);
        bool p5 = false;
        for (const auto& t : types) {
            const QJsonObject m = t.toObject();
            QCOMPARE(m[QStringLiteral("provider")].toString(), QStringLiteral("eks"));
            if (m[QStringLiteral("name")].toString() == QLatin1String("p5.48xlarge")) {
                p5 = true;
                QCOMPARE(m[QStringLiteral("gpu")].toObject()[QStringLiteral("count")].toInt(), 8);
                QVERIFY(m[QStringLiteral("onDemandHourly")].toDouble() > 0);
            }
        }
        QVERIFY(p5);
        QVERIFY(!o[QStringLiteral("priceDate")].toString().isEmpty());

        const Run text = cli({QStringLiteral("catalog"), QStringLiteral("list")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("GKE us-central1")));
        QVERIFY(text.out.contains(QStringLiteral("EKS us-east-1")));
        QVERIFY(text.out.contains(QStringLiteral("(!)")));  // unverified prices are flagged
    }

    void catalogShow()
    {
        Run r = cli({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("a3-highgpu-8g"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o[QStringLiteral("unverified")].toBool(), true);
        QCOMPARE(o[QStringLiteral("onDemandParts")].toArray().size(), 2);
        for (const auto& p : o[QStringLiteral("prices")].toArray()) {
            QVERIFY(!p.toObject()[QStringLiteral("source")].toString().isEmpty());
            QVERIFY(!p.toObject()[QStringLiteral("asOf")].toString().isEmpty());
        }
        r = cli({QStringLiteral("catalog"), QStringLiteral("show"), QStringLiteral("a3-highgpu-8")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("did you mean 'a3-highgpu-8g'?")), qPrintable(r.err));
    }

    void catalogOverride()
    {
        QTemporaryDir dir;
        QFile f(dir.path() + QStringLiteral("/o.yaml"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: clusterwright/catalog/v1\nkind: Sources\nsources:\n- {id: deal, title: Deal, asOf: \"2026-11-01\"}\n---\n"
                "apiVersion: clusterwright/catalog/v1\nkind: PriceBook\nprovider: eks\nregion: us-east-1\n"
                "machineTypes:\n- name: p5.48xlarge\n  onDemand: {usd: 40, source: deal}\n");
        f.close();
        const Run r = cli({QStringLiteral("--catalog"), f.fileName(), QStringLiteral("catalog"), QStringLiteral("show"),
                           QStringLiteral("p5.48xlarge"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("onDemandHourly")].toDouble(), 40.0);
    }

    // --lang switches the help, the command summaries and the diagnostics; the location,
    // severity and code of a diagnostic stay as they are for editors and scripts.
    void translatedOutput_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("commands");    // "Commands:"
        QTest::addColumn<QString>("summary");     // a word of the check command's summary
        QTest::addColumn<QString>("cannotRead");  // "cannot read %1: %2"
        QTest::newRow("de") << "de" << "Befehle:" << "Katalog" << "kann nicht gelesen werden";
        QTest::newRow("ja") << "ja" << QString::fromUtf8("コマンド") << QString::fromUtf8("カタログ") << QString::fromUtf8("を読み込めません");
    }
    void translatedOutput()
    {
        QFETCH(QString, lang);
        QFETCH(QString, commands);
        QFETCH(QString, summary);
        QFETCH(QString, cannotRead);
        const Run help = cli({QStringLiteral("--lang"), lang, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(commands), qPrintable(help.out));
        QVERIFY2(help.out.contains(summary), qPrintable(help.out));
        QVERIFY(!help.out.contains(QStringLiteral("Commands:")));
        const Run bad = cli({QStringLiteral("--lang"), lang, QStringLiteral("check"), QStringLiteral("/nonexistent/plan.yaml")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(QStringLiteral("error CW001: ")), qPrintable(bad.err));
        QVERIFY2(bad.err.contains(cannotRead), qPrintable(bad.err));
        QVERIFY2(bad.err.contains(QStringLiteral("/nonexistent/plan.yaml")), qPrintable(bad.err));
        // English stays English.
        const Run en = cli({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")});
        QVERIFY(en.out.contains(QStringLiteral("Commands:")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
