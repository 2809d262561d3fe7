// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalog/catalog.h"
#include "check/plancheck.h"
#include "io/planreader.h"
#include "io/planwriter.h"
#include "resources/embedded.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace cw;

namespace {

QString dataDir()
{
    return QStringLiteral(CW_TEST_DATA_DIR "/plan");
}

// Reads a plan and checks it against the embedded catalog, as `clusterwright-cli check` does.
diag::Diagnostics readAndCheck(const QString& path, std::optional<model::Plan>* planOut = nullptr)
{
    io::PlanReadResult r = io::readPlanFile(path.toStdString());
    diag::Diagnostics diags = r.diagnostics;
    if (r.plan)
        check::checkPlan(*r.plan, catalog::Catalog::embedded(), diags);
    if (planOut)
        *planOut = r.plan;
    return diags;
}

QStringList formatted(const diag::Diagnostics& diags)
{
    QStringList out;
    for (const auto& d : diags.items())
        out << QString::fromStdString(d.format());
    return out;
}

} // namespace

class TestPlanReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Good and bad files side by side: a good file has no error; a bad one has the given
    // code at the given place, with the reason in its message.
    void files_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("code");   // empty: no error expected
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("reason");

        const QString examples = QStringLiteral(CW_SOURCE_DIR "/resources/examples/");
        for (const QString& f : QDir(examples).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(QStringLiteral("example ") + f)) << examples + f << QString() << 0 << 0 << QString();
        QTest::newRow("good minimal") << "good/minimal.yaml" << QString() << 0 << 0 << QString();

        auto bad = [](const char* name, const char* code, int line, int column, const char* reason) {
            QTest::newRow(name) << QStringLiteral("bad/%1.yaml").arg(QLatin1String(name)) << QString::fromLatin1(code)
                                << line << column << QString::fromUtf8(reason);
        };
        bad("unknown-key-workload", "CW004", 16, 5, "unknown key 'replica' in workload 'w1'; did you mean 'replicas'?");
        bad("unknown-key-pool", "CW004", 12, 7, "did you mean 'maxNodes'?");
        bad("unknown-key-cluster", "CW004", 8, 5, "unknown key 'mod' in cluster 'c1'; did you mean 'mode'?");
        bad("unknown-key-top", "CW004", 2, 1, "did you mean 'kind'?");
        bad("newer-api-version", "CW011", 1, 13, "newer than this version of Clusterwright understands");
        bad("foreign-api-version", "CW012", 1, 13, "unknown apiVersion 'v1'");
        bad("wrong-kind", "CW013", 2, 7, "kind must be 'Plan', not 'Deployment'");
        bad("empty", "CW014", 1, 1, "the file is empty");
        bad("syntax-error", "CW002", 17, 1, "end of map flow not found");
        bad("replicas-negative", "CW009", 16, 15, "'replicas' is -1, outside the accepted range 1..1000000");
        bad("replicas-absurd", "CW009", 16, 15, "'replicas' is 2000000");
        bad("replicas-not-a-number", "CW005", 16, 15, "'replicas' must be a whole number, not 'three'");
        bad("replicas-fraction", "CW005", 16, 15, "must be a whole number, not '1.5'");
        bad("memory-bad-suffix", "CW010", 16, 35, "unknown suffix 'Gb'");
        bad("memory-absurd", "CW009", 16, 35, "'resources.memory' is 200Ti, outside the accepted range 0..100Ti");
        bad("cpu-negative", "CW010", 16, 22, "negative values are not allowed");
        bad("missing-resources", "CW006", 13, 5, "missing required key 'resources' in workload 'w1'");
        bad("missing-cluster-ref", "CW006", 13, 5, "missing required key 'cluster' in workload 'w1'");
        bad("unknown-cluster-ref", "CW101", 14, 14, "refers to cluster 'c2', which the plan does not define; did you mean 'c1'?");
        bad("unknown-pool-pin", "CW102", 16, 11, "pinned to pool 'p2', which cluster 'c1' does not have; did you mean 'p1'?");
        bad("bad-provider", "CW008", 7, 15, "'provider' has an invalid value 'aws'; expected one of: gke | eks");
        bad("bad-workload-kind", "CW008", 15, 11, "expected one of: training | inference | batch | notebook");
        bad("duplicate-workload", "CW015", 17, 11, "duplicate workload name 'w1' (first defined at line 13)");
        bad("duplicate-key", "CW007", 16, 5, "duplicate key 'kind' (first at line 15)");
        bad("name-upper-case", "CW016", 13, 11, "names are lower case; for example 'w1'");
        bad("pool-name-too-long", "CW016", 10, 13, "41 characters long; the limit is 40");
        bad("autopilot-with-pools", "CW108", 11, 5, "is a GKE Autopilot cluster, which has no node pools");
        bad("eks-autopilot", "CW107", 8, 11, "mode 'autopilot' exists only on GKE");
        bad("min-above-max", "CW109", 12, 17, "minNodes (5) is greater than maxNodes (2)");
        bad("gpu-and-tpu", "CW110", 16, 79, "requests both GPUs and TPUs");
        bad("partition-count", "CW121", 16, 97, "exactly one partition per Pod");
        bad("two-documents", "CW018", 18, 1, "the file holds 2 YAML documents");
        bad("taint-bad-effect", "CW008", 12, 43, "'effect' has an invalid value 'NoRun'");
        bad("toleration-exists-with-value", "CW017", 16, 53, "'operator: Exists' and 'value' cannot both be set");
        bad("hours-absurd", "CW009", 16, 20, "'hoursPerMonth' is 800, outside the accepted range 0..744");
        bad("label-bad-value", "CW021", 12, 16, "label 'team=bad value!' is not valid");
        bad("resources-not-a-map", "CW005", 16, 16, "'resources' must be a mapping, not 'lots'");
        bad("hostile-name", "CW016", 13, 11, "'$(touch /tmp/x)' is not a valid name");
        // Checks against the catalog
        bad("unknown-machine-type", "CW103", 11, 20, "unknown machine type 'n2-standard-7' in the gke catalog");
        bad("unknown-gpu-type", "CW104", 16, 52, "unknown accelerator 'nvidia-h100'; did you mean 'nvidia-h100-80gb'?");
        bad("mig-not-on-gke", "CW106", 16, 82, "GKE does not support MIG partition size 1g.10gb on nvidia-tesla-a100; GKE supports: 1g.5gb, 2g.10gb, 3g.20gb, 7g.40gb");
        bad("mig-unknown-profile", "CW105", 16, 82, "'9g.99gb' is not a MIG profile of nvidia-tesla-a100");
        bad("tpu-topology-on-cpu-machine", "CW112", 12, 20, "is not a TPU host");
        bad("tpu-machine-without-topology", "CW113", 11, 20, "is a TPU host; set tpuTopology");
    }

    void files()
    {
        QFETCH(QString, file);
        QFETCH(QString, code);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, reason);
        const QString path = QDir::isAbsolutePath(file) ? file : dataDir() + QLatin1Char('/') + file;
        QVERIFY2(QFile::exists(path), qPrintable(path));
        const diag::Diagnostics diags = readAndCheck(path);
        if (code.isEmpty()) {
            QVERIFY2(!diags.hasErrors(), qPrintable(formatted(diags).join(QLatin1Char('\n'))));
            return;
        }
        bool found = false;
        for (const auto& d : diags.items()) {
            if (QString::fromStdString(d.code) != code)
                continue;
            found = true;
            QCOMPARE(d.severity, diag::Severity::Error);
            QCOMPARE(QString::fromStdString(d.where.file), path);
            QCOMPARE(d.where.line, line);
            QCOMPARE(d.where.column, column);
            QVERIFY2(QString::fromStdString(d.message()).contains(reason),
                     qPrintable(QString::fromStdString(d.message())));
            // The one-line form a user sees names the place, the code and the reason.
            QVERIFY(QString::fromStdString(d.format())
                        .startsWith(QStringLiteral("%1:%2:%3: error %4: ").arg(path).arg(line).arg(column).arg(code)));
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no %1 among:\n").arg(code) + formatted(diags).join(QLatin1Char('\n'))));
    }

    void missingFile()
    {
        io::PlanReadResult r = io::readPlanFile("/nonexistent/plan.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics.size(), size_t(1));
        QCOMPARE(QString::fromStdString(r.diagnostics.items()[0].code), QStringLiteral("CW001"));
        QVERIFY(QString::fromStdString(r.diagnostics.items()[0].message()).contains(QStringLiteral("No such file")));
    }

    void readsEverything()
    {
        io::PlanReadResult r = io::readPlanFile(QStringLiteral(CW_SOURCE_DIR "/resources/examples/llm-training-gke.yaml").toStdString());
        QVERIFY(r.ok());
        const model::Plan& plan = *r.plan;
        QCOMPARE(QString::fromStdString(plan.name), QStringLiteral("llm-training-gke"));
        QCOMPARE(plan.clusters.size(), size_t(1));
        const model::NodePool& pool = plan.clusters[0].nodePools[0];
        QCOMPARE(QString::fromStdString(pool.machineType()), QStringLiteral("a3-highgpu-8g"));
        QCOMPARE(*pool.maxNodes, 8);
        QVERIFY(pool.gvnic);
        QVERIFY(pool.queuedProvisioning);
        QVERIFY(!pool.autoRepair);
        QCOMPARE(pool.placement, model::Placement::Compact);
        QCOMPARE(pool.taints.size(), size_t(1));
        QCOMPARE(QString::fromStdString(pool.taints[0].key), QStringLiteral("nvidia.com/gpu"));
        const model::Workload& w = plan.workloads[0];
        QCOMPARE(w.replicas, 8);
        QVERIFY(w.gang);
        QCOMPARE(w.resources.cpuMilli, int64_t(200000));
        QCOMPARE(w.resources.memoryBytes, int64_t(1800) << 30);
        QCOMPARE(w.resources.gpu->count, 8);
        QCOMPARE(QString::fromStdString(w.resources.gpu->type), QStringLiteral("nvidia-h100-80gb"));
        QCOMPARE(w.data->sizeGiB, int64_t(40960));
        QCOMPARE(*w.maxRunHours, 168);
        // Provenance: the GPU count's position is known.
        QCOMPARE(w.origin.field("resources.gpu.count").line, 43);
    }

    // read → write → read gives the same plan, and writing twice gives the same bytes.
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        const QString examples = QStringLiteral(CW_SOURCE_DIR "/resources/examples/");
        for (const QString& f : QDir(examples).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(f)) << examples + f;
        QTest::newRow("minimal") << dataDir() + QStringLiteral("/good/minimal.yaml");
        QTest::newRow("everything") << dataDir() + QStringLiteral("/good/everything.yaml");
    }
    void roundTrip()
    {
        QFETCH(QString, file);
        io::PlanReadResult first = io::readPlanFile(file.toStdString());
        QVERIFY2(first.ok(), qPrintable(formatted(first.diagnostics).join(QLatin1Char('\n'))));
        const std::string text = io::writePlanText(*first.plan);
        io::PlanReadResult second = io::readPlanText(text, "written.yaml");
        QVERIFY2(second.ok(), qPrintable(formatted(second.diagnostics).join(QLatin1Char('\n')) + QString::fromStdString(text)));
        QVERIFY(*first.plan == *second.plan);
        QCOMPARE(io::writePlanText(*second.plan), text);
    }

    void equalityIgnoresPositions()
    {
        io::PlanReadResult a = io::readPlanFile((dataDir() + QStringLiteral("/good/minimal.yaml")).toStdString());
        QVERIFY(a.ok());
        model::Plan b = *a.plan;
        b.workloads[0].origin = {};
        QVERIFY(*a.plan == b);
        b.workloads[0].replicas = 2;
        QVERIFY(!(*a.plan == b));
    }

    void quotesStringsThatLookTyped()
    {
        model::Plan plan;
        plan.name = "true";
        plan.description = "1.5";
        const std::string text = io::writePlanText(plan);
        QVERIFY(text.find("name: \"true\"") != std::string::npos);
        QVERIFY(text.find("description: \"1.5\"") != std::string::npos);
    }

    void atomicWrite()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/plan.yaml")).toStdString();
        io::PlanReadResult r = io::readPlanFile((dataDir() + QStringLiteral("/good/minimal.yaml")).toStdString());
        QVERIFY(r.ok());
        std::string error;
        QVERIFY2(io::writePlanFile(*r.plan, path, &error), error.c_str());
        QVERIFY(io::readPlanFile(path).ok());
        // A failed write leaves the old file as it was.
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        model::Plan changed = *r.plan;
        changed.name = "changed";
        const bool wrote = io::writePlanFile(changed, path, &error);
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (::geteuid() != 0) { // root ignores permissions
            QVERIFY(!wrote);
            QVERIFY(!error.empty());
        }
        io::PlanReadResult after = io::readPlanFile(path);
        QVERIFY(after.ok());
        QCOMPARE(QString::fromStdString(after.plan->name), wrote ? QStringLiteral("changed") : QStringLiteral("minimal"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary file left behind
    }

    void atomicWriteKeepsPermissionsAndLinks()
    {
        QTemporaryDir dir;
        io::PlanReadResult r = io::readPlanFile((dataDir() + QStringLiteral("/good/minimal.yaml")).toStdString());
        QVERIFY(r.ok());
        const QString target = dir.path() + QStringLiteral("/target.yaml");
        const QString link = dir.path() + QStringLiteral("/link.yaml");
        std::string error;
        QVERIFY(io::writePlanFile(*r.plan, target.toStdString(), &error));
        QVERIFY(QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(QFile::link(target, link));
        model::Plan changed = *r.plan;
        changed.name = "changed";
        QVERIFY2(io::writePlanFile(changed, link.toStdString(), &error), error.c_str());
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(QString::fromStdString(io::readPlanFile(target.toStdString()).plan->name), QStringLiteral("changed"));
        const auto perms = QFile::permissions(target);
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner) && perms.testFlag(QFileDevice::WriteOwner));
        QVERIFY(!perms.testFlag(QFileDevice::ReadGroup) && !perms.testFlag(QFileDevice::ReadOther));
    }

    void quotedValuesAreExplained()
    {
        const std::string text = "apiVersion: clusterwright/v1alpha1\nkind: Plan\nspec:\n  hoursPerMonth: \"700\"\n  freeTierCredit: \"false\"\n  clusters: []\n";
        io::PlanReadResult r = io::readPlanText(text, "q.yaml");
        QVERIFY(!r.ok());
        const QStringList lines = formatted(r.diagnostics);
        QVERIFY2(lines.join(QLatin1Char('\n')).contains(QStringLiteral("q.yaml:4:18: error CW005: 'hoursPerMonth' must be a whole number without quotes, not \"700\"")),
                 qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("true or false without quotes")));
    }

    void badLabelKeyIsLocated()
    {
        const std::string text = "apiVersion: clusterwright/v1alpha1\nkind: Plan\nspec:\n  clusters:\n  - name: c\n    provider: gke\n    location: us-central1\n    nodePools:\n    - name: p\n      machineType: n2-standard-8\n      labels:\n        good: x\n        bad key: y\n  workloads: []\n";
        io::PlanReadResult r = io::readPlanText(text, "l.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(formatted(r.diagnostics).first(), QStringLiteral("l.yaml:13:9: error CW021: label 'bad key=y' is not valid: the name part may contain only letters, digits, '-', '_' and '.'"));
    }

    void apiVersions()
    {
        QCOMPARE(io::classifyApiVersion("clusterwright/v1alpha1"), io::ApiVersionStatus::Current);
        QCOMPARE(io::classifyApiVersion("clusterwright/v1alpha2"), io::ApiVersionStatus::Newer);
        QCOMPARE(io::classifyApiVersion("clusterwright/v1beta1"), io::ApiVersionStatus::Newer);
        QCOMPARE(io::classifyApiVersion("clusterwright/v1"), io::ApiVersionStatus::Newer);
        QCOMPARE(io::classifyApiVersion("clusterwright/v2alpha1"), io::ApiVersionStatus::Newer);
        QCOMPARE(io::classifyApiVersion("clusterwright/v1alpha0"), io::ApiVersionStatus::Older);
        QCOMPARE(io::classifyApiVersion("clusterwright/beta"), io::ApiVersionStatus::Foreign);
        QCOMPARE(io::classifyApiVersion("apps/v1"), io::ApiVersionStatus::Foreign);
    }

    void embeddedExamplesMatchFiles()
    {
        const QString examples = QStringLiteral(CW_SOURCE_DIR "/resources/examples/");
        for (const QString& f : QDir(examples).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
            const auto embedded = resources::file(("examples/" + f).toStdString());
            QVERIFY2(embedded.has_value(), qPrintable(f));
            QFile file(examples + f);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(QByteArray(embedded->data(), qsizetype(embedded->size())), file.readAll());
        }
    }
};

QTEST_GUILESS_MAIN(TestPlanReader)
#include "tst_planreader.moc"
