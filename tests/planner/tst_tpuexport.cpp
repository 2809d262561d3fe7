// SPDX-License-Identifier: GPL-3.0-or-later
// The TPU pieces of the export: golden folders tests/data/tpuexport/<case>/ hold plan.yaml
// and what it exports (workloads.yaml, commands.txt, diagnostics.txt); the manifests must
// validate strictly against the upstream schemas. CW_UPDATE_GOLDEN=1 rewrites the goldens.
#include "catalog/catalog.h"
#include "export/tpu.h"
#include "io/planreader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <yaml-cpp/yaml.h>

using namespace cw;

namespace {

QString goldenDir()
{
    return QStringLiteral(CW_TEST_DATA_DIR "/tpuexport");
}

QString readText(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<missing %1>").arg(path);
    return QString::fromUtf8(f.readAll());
}

void writeText(const QString& path, const QString& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text.toUtf8());
}

struct Exported {
    QString workloads;   // every TPU workload's documents, in plan order
    QString commands;    // every TPU pool's commands
    QString diagnostics;
    std::vector<exporter::TpuManifest> manifests;
};

Exported exportPlan(const model::Plan& plan)
{
    const catalog::Catalog& cat = catalog::Catalog::embedded();
    Exported e;
    diag::Diagnostics diags;
    for (const auto& w : plan.workloads) {
        if (!w.hasTpu())
            continue;
        const auto x = exporter::exportTpuWorkload(plan, w, cat);
        diags.append(x.diagnostics);
        if (!x.manifests.empty())
            e.workloads += QStringLiteral("# workload %1\n").arg(QString::fromStdString(w.name))
                         + QString::fromStdString(exporter::joinDocuments(x.manifests));
        e.manifests.insert(e.manifests.end(), x.manifests.begin(), x.manifests.end());
    }
    for (const auto& c : plan.clusters) {
        for (const auto& p : c.nodePools) {
            if (!p.isTpu())
                continue;
            const auto r = exporter::tpuNodePoolCommands(plan, c, p, cat);
            diags.append(r.diagnostics);
            for (const auto& cmd : r.commands) {
                e.commands += QStringLiteral("# %1\n").arg(QString::fromStdString(cmd.comment));
                QStringList words;
                for (const auto& a : cmd.argv)
                    words << QString::fromStdString(a);
                e.commands += words.join(QLatin1Char(' ')) + QLatin1Char('\n');
            }
        }
    }
    for (const auto& d : diags.items())
        e.diagnostics += QString::fromStdString(d.format()) + QLatin1Char('\n');
    return e;
}

} // namespace

class TestTpuExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data()
    {
        QTest::addColumn<QString>("dir");
        const QDir root(goldenDir());
        for (const QString& d : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            QTest::newRow(qPrintable(d)) << root.filePath(d);
    }
    void golden()
    {
        QFETCH(QString, dir);
        io::PlanReadResult r = io::readPlanFile((dir + QStringLiteral("/plan.yaml")).toStdString());
        QVERIFY(r.plan);
        const Exported e = exportPlan(*r.plan);
        if (qEnvironmentVariableIntValue("CW_UPDATE_GOLDEN")) {
            writeText(dir + QStringLiteral("/workloads.yaml"), e.workloads);
            writeText(dir + QStringLiteral("/commands.txt"), e.commands);
            writeText(dir + QStringLiteral("/diagnostics.txt"), e.diagnostics);
        }
        QCOMPARE(e.workloads.split(QLatin1Char('\n')), readText(dir + QStringLiteral("/workloads.yaml")).split(QLatin1Char('\n')));
        QCOMPARE(e.commands.split(QLatin1Char('\n')), readText(dir + QStringLiteral("/commands.txt")).split(QLatin1Char('\n')));
        QCOMPARE(e.diagnostics.split(QLatin1Char('\n')), readText(dir + QStringLiteral("/diagnostics.txt")).split(QLatin1Char('\n')));
        // Same input, same bytes.
        QCOMPARE(exportPlan(*r.plan).workloads, e.workloads);
    }

    // Every exported document validates strictly against the Kubernetes 1.34 and JobSet schemas.
    void validatesStrictly_data()
    {
        golden_data();
    }
    void validatesStrictly()
    {
        QFETCH(QString, dir);
        io::PlanReadResult r = io::readPlanFile((dir + QStringLiteral("/plan.yaml")).toStdString());
        QVERIFY(r.plan);
        const Exported e = exportPlan(*r.plan);
        if (e.manifests.empty()) {
            // Only a single-host workload exports nothing, and says so.
            QVERIFY2(e.diagnostics.contains(QStringLiteral("CW463")), qPrintable(e.diagnostics));
            return;
        }
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString file = tmp.filePath(QStringLiteral("manifests.yaml"));
        writeText(file, QString::fromStdString(exporter::joinDocuments(e.manifests)));
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral(CW_SOURCE_DIR "/tests/tools/validate_manifests.py"), QStringLiteral("--schemas"),
                 QStringLiteral(CW_SOURCE_DIR "/tests/data/schemas"), QStringLiteral("--k8s-version"), QStringLiteral("1.34"), file});
        QVERIFY(p.waitForFinished(120000));
        const QString out = QString::fromUtf8(p.readAll());
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(out));
        QCOMPARE(int(out.count(QStringLiteral("OK "))), int(e.manifests.size()));
        QVERIFY2(!out.contains(QStringLiteral("FAIL")), qPrintable(out));
    }

    // The validator is strict: a Job with a misspelt field fails, so the test above can fail.
    void validatorRejectsAMistake()
    {
        io::PlanReadResult r = io::readPlanFile(CW_SOURCE_DIR "/resources/examples/tpu-training-gke.yaml");
        QVERIFY(r.plan);
        const auto x = exporter::exportTpuWorkload(*r.plan, *r.plan->workload("t5-pretrain-v4"), catalog::Catalog::embedded());
        QCOMPARE(x.manifests.size(), size_t(2));
        QString text = QString::fromStdString(exporter::joinDocuments(x.manifests));
        text.replace(QStringLiteral("completionMode:"), QStringLiteral("completionMod:"));
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("bad.yaml"));
        writeText(file, text);
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral(CW_SOURCE_DIR "/tests/tools/validate_manifests.py"), QStringLiteral("--schemas"),
                 QStringLiteral(CW_SOURCE_DIR "/tests/data/schemas"), QStringLiteral("--k8s-version"), QStringLiteral("1.34"), file});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAll()).contains(QStringLiteral("FAIL")));
    }

    // The Job of the v4-32 slice, read back: 4 hosts, 4 chips each, worker ids from the
    // completion index, every worker's DNS name.
    void v4JobStructure()
    {
        io::PlanReadResult r = io::readPlanFile(CW_SOURCE_DIR "/resources/examples/tpu-training-gke.yaml");
        QVERIFY(r.plan);
        const auto x = exporter::exportTpuWorkload(*r.plan, *r.plan->workload("t5-pretrain-v4"), catalog::Catalog::embedded());
        QVERIFY(x.diagnostics.empty());
        const YAML::Node svc = YAML::Load(x.manifests[0].yaml);
        const YAML::Node job = YAML::Load(x.manifests[1].yaml);
        QCOMPARE(QString::fromStdString(svc["spec"]["clusterIP"].as<std::string>()), QStringLiteral("None"));
        const std::string service = svc["metadata"]["name"].as<std::string>();
        const YAML::Node spec = job["spec"];
        QCOMPARE(spec["completions"].as<int>(), 4);
        QCOMPARE(spec["parallelism"].as<int>(), 4);
        QCOMPARE(spec["backoffLimit"].as<int>(), 0);
        QCOMPARE(QString::fromStdString(spec["completionMode"].as<std::string>()), QStringLiteral("Indexed"));
        const YAML::Node pod = spec["template"]["spec"];
        QCOMPARE(pod["subdomain"].as<std::string>(), service);
        QCOMPARE(QString::fromStdString(pod["nodeSelector"]["cloud.google.com/gke-tpu-accelerator"].as<std::string>()), QStringLiteral("tpu-v4-podslice"));
        QCOMPARE(QString::fromStdString(pod["nodeSelector"]["cloud.google.com/gke-tpu-topology"].as<std::string>()), QStringLiteral("2x2x4"));
        const YAML::Node c = pod["containers"][0];
        QCOMPARE(c["resources"]["limits"]["google.com/tpu"].as<std::string>(), std::string("4"));
        QCOMPARE(c["resources"]["requests"]["google.com/tpu"].as<std::string>(), std::string("4"));
        QCOMPARE(QString::fromStdString(c["env"][0]["name"].as<std::string>()), QStringLiteral("TPU_WORKER_ID"));
        QCOMPARE(QString::fromStdString(c["env"][0]["valueFrom"]["fieldRef"]["fieldPath"].as<std::string>()),
                 QStringLiteral("metadata.annotations['batch.kubernetes.io/job-completion-index']"));
        QCOMPARE(QString::fromStdString(c["env"][1]["value"].as<std::string>()),
                 QStringLiteral("t5-pretrain-v4-0.%1,t5-pretrain-v4-1.%1,t5-pretrain-v4-2.%1,t5-pretrain-v4-3.%1")
                     .arg(QString::fromStdString(service)));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("code");
        QTest::newRow("no image") << "image" << "CW461";
        QTest::newRow("invalid topology") << "topology" << "CW460";
        QTest::newRow("name too long for a host name") << "name" << "CW462";
    }
    void refusals()
    {
        QFETCH(QString, change);
        QFETCH(QString, code);
        io::PlanReadResult r = io::readPlanFile(CW_SOURCE_DIR "/resources/examples/tpu-training-gke.yaml");
        QVERIFY(r.plan);
        model::Plan plan = *r.plan;
        model::Workload& w = *plan.workload("t5-pretrain-v4");
        if (change == QLatin1String("image"))
            w.image.clear();
        else if (change == QLatin1String("topology"))
            w.resources.tpu->topology = "4x4x1";
        else
            w.name = std::string(62, 'a');
        const auto x = exporter::exportTpuWorkload(plan, w, catalog::Catalog::embedded());
        QVERIFY(x.manifests.empty());
        QCOMPARE(QString::fromStdString(x.diagnostics.items().front().code), code);
    }
};

QTEST_GUILESS_MAIN(TestTpuExport)
#include "tst_tpuexport.moc"
