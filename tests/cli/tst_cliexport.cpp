// SPDX-License-Identifier: GPL-3.0-or-later
// `clusterwright-cli export` as a user runs it: exit codes, messages, the bundle on disk and
// the --json document.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "clirun.h"

using namespace clitest;

class TestCliExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no plan") << QStringList{QStringLiteral("export"), QStringLiteral("--out"), QStringLiteral("x")}
                                 << QStringLiteral("export needs exactly one PLAN file");
        QTest::newRow("no --out") << QStringList{QStringLiteral("export"), example("platform-eks.yaml")}
                                  << QStringLiteral("export needs --out DIR");
        QTest::newRow("bad target") << QStringList{QStringLiteral("export"), example("platform-eks.yaml"), QStringLiteral("--out"),
                                                   QStringLiteral("x"), QStringLiteral("--target"), QStringLiteral("aks")}
                                    << QStringLiteral("--target must be gke, eks or all, not 'aks'");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("export"), example("platform-eks.yaml"), QStringLiteral("--out"),
                                                       QStringLiteral("x"), QStringLiteral("--targets"), QStringLiteral("eks")}
                                        << QStringLiteral("export does not know the option --targets; did you mean --target?");
        QTest::newRow("missing plan") << QStringList{QStringLiteral("export"), QStringLiteral("/nonexistent/plan.yaml"),
                                                     QStringLiteral("--out"), QStringLiteral("x")}
                                      << QStringLiteral("cannot read /nonexistent/plan.yaml");
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void exportsExample()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("bundle"));
        const Run r = cli({QStringLiteral("export"), example("llm-training-gke.yaml"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("exported 1 cluster(s) to ") + out), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("gke-train/: README.md, commands.sh, 13 manifest(s)")));
        QVERIFY(QFile::exists(out + QStringLiteral("/gke-train/commands.sh")));
        QVERIFY(QFile::exists(out + QStringLiteral("/.clusterwright-bundle")));
        // The plan is solved first: the README prices the solver's nodes.
        QFile readme(out + QStringLiteral("/gke-train/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        QVERIFY(readme.readAll().contains("Node counts from the solver"));
        readme.close();
        // Again into the same folder, without the solver: an earlier bundle is replaced.
        const Run again = cli({QStringLiteral("export"), example("llm-training-gke.yaml"), QStringLiteral("--out"), out,
                               QStringLiteral("--no-solve")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(readme.open(QIODevice::ReadOnly));
        QVERIFY(readme.readAll().contains("No solver result was given"));
    }

    void json()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("b"));
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("export"), example("genai-platform.yaml"),
                           QStringLiteral("--out"), out, QStringLiteral("--target"), QStringLiteral("eks")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j[QStringLiteral("ok")].toBool(), true);
        QCOMPARE(j[QStringLiteral("target")].toString(), QStringLiteral("eks"));
        const QJsonArray clusters = j[QStringLiteral("clusters")].toArray();
        QCOMPARE(clusters.size(), 1);
        const QJsonObject c = clusters[0].toObject();
        QCOMPARE(c[QStringLiteral("name")].toString(), QStringLiteral("eks-ai"));
        QCOMPARE(c[QStringLiteral("provider")].toString(), QStringLiteral("eks"));
        const QJsonArray files = c[QStringLiteral("files")].toArray();
        QVERIFY(files.contains(QStringLiteral("eks-ai/cluster.yaml")));
        for (const auto& f : files)
            QVERIFY2(QFile::exists(out + QLatin1Char('/') + f.toString()), qPrintable(f.toString()));
        // Every diagnostic has a code, a severity and a place.
        for (const auto& d : j[QStringLiteral("diagnostics")].toArray()) {
            const QJsonObject o = d.toObject();
            QVERIFY(o[QStringLiteral("code")].toString().startsWith(QLatin1String("CW")));
            QVERIFY(o[QStringLiteral("line")].toInt() > 0);
        }
    }

    void refusesForeignFolder()
    {
        QTemporaryDir tmp;
        QFile mine(tmp.filePath(QStringLiteral("mine.txt")));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.close();
        const Run r = cli({QStringLiteral("export"), example("platform-eks.yaml"), QStringLiteral("--out"), tmp.path()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is not empty and holds no Clusterwright bundle")), qPrintable(r.err));
        QCOMPARE(QDir(tmp.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden).size(), 1);
        const Run forced = cli({QStringLiteral("export"), example("platform-eks.yaml"), QStringLiteral("--out"), tmp.path(),
                                QStringLiteral("--force")});
        QCOMPARE(forced.exitCode, 0);
        QVERIFY(QFile::exists(tmp.filePath(QStringLiteral("eks-ai/cluster.yaml"))));
    }

    void refusesBadPlan()
    {
        // A plan the reader accepts but whose image cannot be written as is.
        QTemporaryDir tmp;
        QFile in(example("platform-eks.yaml"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.replace("image: vllm/vllm-openai:v0.6.3", "image: \"vllm/vllm-openai:v0.6.3; $(touch /tmp/x)\"");
        QFile plan(tmp.filePath(QStringLiteral("plan.yaml")));
        QVERIFY(plan.open(QIODevice::WriteOnly));
        plan.write(text);
        plan.close();
        const QString out = tmp.filePath(QStringLiteral("out"));
        const Run r = cli({QStringLiteral("export"), plan.fileName(), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("error CW506")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("plan.yaml:")), qPrintable(r.err)); // file:line:col
        QVERIFY(!QDir(out).exists());
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
