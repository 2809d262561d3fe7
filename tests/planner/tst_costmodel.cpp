// SPDX-License-Identifier: GPL-3.0-or-later
// The cost module without the solver: Autopilot billing, fees, refusals and substitutes.
#include "costgolden.h"

#include "catalog/catalog.h"
#include "io/planreader.h"
#include "model/quantity.h"
#include "solve/solution.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cw;

namespace {

QString dataDir() { return QStringLiteral(CW_TEST_DATA_DIR "/cost"); }

model::Plan readPlan(const QString& path)
{
    io::PlanReadResult r = io::readPlanFile(path.toStdString());
    if (!r.plan) {
        for (const auto& d : r.diagnostics.items())
            qWarning("%s", d.format().c_str());
        return {};
    }
    return *r.plan;
}

catalog::Catalog loadCatalog(const std::vector<std::string>& overrides)
{
    diag::Diagnostics diags;
    catalog::Catalog cat = catalog::Catalog::load(overrides, diags);
    for (const auto& d : diags.items())
        qWarning("%s", d.format().c_str());
    return cat;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.path() + QLatin1Char('/') + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return path;
}

model::Workload workload(const char* cpu, const char* memory)
{
    model::Workload w;
    w.name = "w";
    w.cluster = "ap";
    w.resources.cpuMilli = *model::parseCpuMilli(cpu);
    w.resources.memoryBytes = *model::parseBytes(memory);
    return w;
}

} // namespace

class TestCostModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Autopilot's rules for one Pod, case by case from the catalog's figures (250m steps,
    // 250m / 512Mi minimums, 1 to 6.5 GiB per vCPU, 1Gi default and 10Gi maximum storage).
    void requests_data()
    {
        QTest::addColumn<QString>("cpu");
        QTest::addColumn<QString>("memory");
        QTest::addColumn<QString>("ephemeral");
        QTest::addColumn<QString>("billed");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("minimums") << "100m" << "200Mi" << "" << "250m 512Mi 1Gi" << QStringList{"CW620", "CW621", "CW625"};
        QTest::newRow("already-valid") << "500m" << "1Gi" << "2Gi" << "500m 1Gi 2Gi" << QStringList{};
        QTest::newRow("rounded") << "600m" << "1Gi" << "1Gi" << "750m 1Gi 1Gi" << QStringList{"CW623"};
        QTest::newRow("ratio-raises-cpu") << "300m" << "3584Mi" << "1Gi" << "750m 3584Mi 1Gi" << QStringList{"CW622", "CW623"};
        QTest::newRow("memory-raised") << "1100m" << "512Mi" << "20Gi" << "1250m 1280Mi 10Gi" << QStringList{"CW623", "CW624", "CW626"};
        QTest::newRow("exact-ratio") << "1" << "6656Mi" << "1Gi" << "1 6656Mi 1Gi" << QStringList{};
        QTest::newRow("just-over-ratio") << "1" << "6657Mi" << "1Gi" << "1250m 6657Mi 1Gi" << QStringList{"CW622", "CW623"};
        QTest::newRow("big") << "30" << "64Gi" << "1Gi" << "30 64Gi 1Gi" << QStringList{};
    }

    void requests()
    {
        QFETCH(QString, cpu);
        QFETCH(QString, memory);
        QFETCH(QString, ephemeral);
        QFETCH(QString, billed);
        QFETCH(QStringList, codes);
        model::Workload w = workload(cpu.toUtf8().constData(), memory.toUtf8().constData());
        if (!ephemeral.isEmpty())
            w.resources.ephemeralStorageBytes = *model::parseBytes(ephemeral.toStdString());
        const auto r = cost::autopilotRequests(w.resources, catalog::Catalog::embedded().rules().autopilot);
        const QString got = QString::fromStdString(model::formatCpuMilli(r.cpuMilli) + " " + model::formatBytes(r.memoryBytes)
                                                   + " " + model::formatBytes(r.ephemeralBytes));
        QCOMPARE(got, billed);
        QStringList gotCodes;
        for (const auto& a : r.adjustments) {
            gotCodes << QString::fromStdString(a.code);
            QVERIFY(!a.message().empty());
        }
        QCOMPARE(gotCodes, codes);
    }

    void daemonSetMinimums()
    {
        model::Resources r;
        r.cpuMilli = 5;
        r.memoryBytes = 4 * model::kMi;
        const auto& rules = catalog::Catalog::embedded().rules().autopilot;
        const auto b = cost::autopilotRequests(r, rules, true);
        QCOMPARE(b.cpuMilli, rules.daemonSetMinCpuMilli);
        // the DaemonSet minimum, or more when the memory-per-vCPU minimum asks for more
        QCOMPARE(b.memoryBytes, std::max(rules.daemonSetMinMemory,
                                         (b.cpuMilli * rules.memoryPerCpuMin + 999) / 1000));
        QVERIFY(b.memoryBytes >= rules.daemonSetMinMemory);
        QCOMPARE(b.ephemeralBytes, int64_t(0));
    }

    // Each catalog refusal matched against the workload fields it names.
    void refusals_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QStringList>("features");
        QTest::newRow("none") << "" << QStringList{};
        QTest::newRow("privileged") << "privileged" << QStringList{"privileged"};
        QTest::newRow("sys-admin") << "SYS_ADMIN" << QStringList{"capability:SYS_ADMIN"};
        QTest::newRow("cap-prefixed") << "CAP_SYS_ADMIN" << QStringList{"capability:SYS_ADMIN"};
        QTest::newRow("net-bind-is-fine") << "NET_BIND_SERVICE" << QStringList{};
        QTest::newRow("host-path-write") << "hostPathWrite" << QStringList{"hostPathWrite"};
        QTest::newRow("host-path-read-only") << "hostPathRead" << QStringList{};
        QTest::newRow("host-port") << "hostPort" << QStringList{"hostPort"};
        QTest::newRow("driver-selector") << "driverSelector" << QStringList{"customGpuDriver"};
        QTest::newRow("driver-pool") << "driverPool" << QStringList{"customGpuDriver"};
        QTest::newRow("driver-latest") << "driverLatest" << QStringList{};
    }

    void refusals()
    {
        QFETCH(QString, field);
        QFETCH(QStringList, features);
        model::Workload w = workload("1", "1Gi");
        model::Cluster c;
        c.name = "ap";
        model::NodePool pool;
        pool.name = "gpu";
        pool.machineTypes = {"g2-standard-12"};
        c.nodePools.push_back(pool);
        if (field == QLatin1String("privileged"))
            w.privileged = true;
        else if (field.contains(QLatin1Char('_')))
            w.capabilities = {field.toStdString()};
        else if (field == QLatin1String("hostPathWrite"))
            w.hostPaths = {{"/var/data", false}};
        else if (field == QLatin1String("hostPathRead"))
            w.hostPaths = {{"/etc/ssl", true}};
        else if (field == QLatin1String("hostPort"))
            w.hostPorts = {9100};
        else if (field.startsWith(QLatin1String("driver"))) {
            w.resources.gpu = model::GpuRequest{"nvidia-l4", 1, {}};
            if (field == QLatin1String("driverSelector"))
                w.nodeSelector["cloud.google.com/gke-gpu-driver-version"] = "disabled";
            w.pool = "gpu";
            c.nodePools[0].gpuDriverVersion = field == QLatin1String("driverPool") ? "disabled" : "latest";
        }
        const auto r = cost::autopilotRefusals(w, &c, catalog::Catalog::embedded());
        QStringList got;
        for (const auto& x : r) {
            got << QString::fromStdString(x.feature);
            QVERIFY(!x.reason.empty());
            QVERIFY(catalog::Catalog::embedded().source(x.source));
        }
        QCOMPARE(got, features);
    }

    void unknownRefusalFeatureIsReported()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("refused.yaml"), R"(apiVersion: clusterwright/catalog/v1
kind: Rules
autopilot:
  refused:
  - {feature: privileged, reason: "no privileged Pods", source: gke-autopilot-security}
  - {feature: seccompUnconfined, reason: "no unconfined seccomp", source: gke-autopilot-security}
)");
        const catalog::Catalog cat = loadCatalog({path.toStdString()});
        model::Workload w = workload("1", "1Gi");
        w.privileged = true;
        diag::Diagnostics diags;
        const auto r = cost::autopilotRefusals(w, nullptr, cat, &diags);
        QCOMPARE(r.size(), size_t(1));
        QCOMPARE(QString::fromStdString(r[0].reason), QStringLiteral("no privileged Pods"));
        QCOMPARE(diags.size(), size_t(1));
        QCOMPARE(QString::fromStdString(diags.items()[0].code), QStringLiteral("CW608"));
    }

    // The golden folders: every scope this test knows.
    void golden_data()
    {
        QTest::addColumn<QString>("folder");
        const QStringList cases = QDir(dataDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QVERIFY(!cases.isEmpty());
        for (const QString& c : cases)
            QTest::newRow(c.toUtf8().constData()) << dataDir() + QLatin1Char('/') + c;
    }

    void golden()
    {
        QFETCH(QString, folder);
        const model::Plan plan = readPlan(folder + QStringLiteral("/plan.yaml"));
        QVERIFY(!plan.name.empty());
        std::vector<std::string> overrides;
        if (QFile::exists(folder + QStringLiteral("/catalog.yaml")))
            overrides.push_back((folder + QStringLiteral("/catalog.yaml")).toStdString());
        const catalog::Catalog cat = loadCatalog(overrides);
        const QStringList expected = costgolden::readLines(folder + QStringLiteral("/expected.txt"));
        QVERIFY2(!expected.isEmpty(), "expected.txt is missing or empty");
        QVERIFY2(QFile::exists(folder + QStringLiteral("/README.md")), "every case explains its figures in README.md");
        std::set<QString> scopes;
        for (const QString& l : expected)
            scopes.insert(costgolden::scopeOf(l));
        QStringList got;
        QStringList wanted;
        int known = 0;
        for (const QString& scope : scopes) {
            QStringList lines;
            if (scope == QLatin1String("autopilot"))
                lines = costgolden::autopilotLines(plan, cat);
            else if (scope == QLatin1String("autopilot-spot"))
                lines = costgolden::autopilotLines(plan, cat, true);
            else if (scope == QLatin1String("fees"))
                lines = costgolden::feeLines(plan, cat);
            else if (scope == QLatin1String("substitute eks"))
                lines = costgolden::substituteLines(plan, cat, model::Provider::Eks);
            else if (scope == QLatin1String("substitute gke"))
                lines = costgolden::substituteLines(plan, cat, model::Provider::Gke);
            else
                continue; // another test's scope (the comparison, with the solver)
            ++known;
            if (scope == QLatin1String("autopilot-spot")) {
                for (QString& l : lines)
                    l.replace(0, 9, QStringLiteral("autopilot-spot"));
            }
            got << lines;
            for (const QString& l : expected) {
                if (costgolden::scopeOf(l) == scope)
                    wanted << l;
            }
        }
        if (known == 0)
            QSKIP("no scope of this test in this case");
        if (qEnvironmentVariableIsSet("CW_GOLDEN_DUMP"))
            std::fputs(qPrintable(got.join(QLatin1Char('\n')) + QLatin1Char('\n')), stdout);
        QCOMPARE(got.join(QLatin1Char('\n')), wanted.join(QLatin1Char('\n')));
    }

    // Every price comes from the catalog: a catalog with other prices moves the figures by
    // exactly the difference.
    void pricesComeFromTheCatalog()
    {
        const model::Plan plan = readPlan(dataDir() + QStringLiteral("/autopilot-100-small-pods/plan.yaml"));
        const model::Plan gang = readPlan(dataDir() + QStringLiteral("/h100-training-gang/plan.yaml"));
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("prices.yaml"), R"(apiVersion: clusterwright/catalog/v1
kind: Sources
sources:
- {id: my-contract, title: "negotiated prices", asOf: "2026-07-01"}
---
apiVersion: clusterwright/catalog/v1
kind: Rules
fees:
  gke:
    clusterHour: {usd: 0.25, source: my-contract}
autopilot:
  generalPurpose:
    cpu: {usd: 0.1, source: my-contract}
  accelerator:
    premiums:
    - accelerator: nvidia-h100-80gb
      perAcceleratorHour: {usd: 0.5, source: my-contract}
---
apiVersion: clusterwright/catalog/v1
kind: PriceBook
provider: gke
machineTypes:
- name: a3-highgpu-8g
  onDemand: {usd: 20, source: my-contract}
)");
        const catalog::Catalog& base = catalog::Catalog::embedded();
        const catalog::Catalog custom = loadCatalog({path.toStdString()});
        auto price = [&](const model::Plan& p, const catalog::Catalog& cat, const char* name) {
            const auto bill = cost::priceAutopilot(p, p.workloadsOf(p.clusters.front().name), p.clusters.front().daemonSets, cat);
            return *bill.workload(name);
        };
        // tiny: 60 Pods billed 250m each → 15 vCPU; the CPU price moves from the catalog's to 0.1.
        const auto a = price(plan, base, "tiny");
        const auto b = price(plan, custom, "tiny");
        const double oldCpu = base.rules().autopilot.cpu.value();
        QVERIFY(std::abs((b.hourly - a.hourly) - 15.0 * (0.1 - oldCpu)) < 1e-9);
        // The H100 gang: 8 nodes; the VM part moves to 20 and the premium becomes 8 × 0.5 per node.
        const auto g1 = price(gang, base, "train");
        const auto g2 = price(gang, custom, "train");
        QVERIFY(g1.premiumUnknown);
        QVERIFY(!g2.premiumUnknown);
        QCOMPARE(g2.nodes->nodes, 8);
        const double oldVm = base.machineType(model::Provider::Gke, "a3-highgpu-8g")->onDemand.value();
        QVERIFY(std::abs((g2.hourly - g1.hourly) - 8 * ((20 - oldVm) + 8 * 0.5)) < 1e-9);
        // Fees: 0.25 an hour.
        const auto fees = cost::clusterFees({{"c", model::Provider::Gke, model::ClusterMode::Standard, false, {}, {}}},
                                            true, 730, custom);
        QCOMPARE(fees.hourly, 0.25);
        QVERIFY(std::abs(fees.monthly - 0.25 * 730) < 1e-9);
    }

    // The Autopilot hook of the solver: refused Pods are unplaced with the reason.
    void solverHook()
    {
        const model::Plan plan = readPlan(dataDir() + QStringLiteral("/autopilot-privileged-refused/plan.yaml"));
        solve::ClusterSolution cs;
        cost::fillAutopilotCluster(plan, plan.clusters.front(), catalog::Catalog::embedded(), cs);
        QCOMPARE(cs.mode, model::ClusterMode::Autopilot);
        QVERIFY(cs.nodes.empty());
        QCOMPARE(cs.unplaced.size(), size_t(3));
        QCOMPARE(QString::fromStdString(cs.unplaced[0].workload), QStringLiteral("node-agent"));
        QVERIFY(QString::fromStdString(cs.unplaced[0].reason).contains(QStringLiteral("privileged")));
        const auto bill = cost::priceAutopilot(plan, plan.workloadsOf("ap"), {}, catalog::Catalog::embedded());
        QCOMPARE(cs.hourlyCost, bill.hourly);
        QVERIFY(cs.hourlyCost > 0);
    }
};

QTEST_GUILESS_MAIN(TestCostModel)
#include "tst_costmodel.moc"
