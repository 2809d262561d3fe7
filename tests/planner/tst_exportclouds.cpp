// SPDX-License-Identifier: GPL-3.0-or-later
// The exported commands.sh, run by the real gcloud and aws CLIs against a loopback mock of
// the GKE, Service Usage, EC2 and EKS APIs (tests/tools/mock_cloud.py): the requests they
// send must carry the plan's machine types, counts, accelerators, partitions, gVNIC,
// placement, TPU topology, Spot and queued provisioning. Skipped where a CLI is missing.
#include "catalog/catalog.h"
#include "check/plancheck.h"
#include "export/bundle.h"
#include "io/planreader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;

namespace {

const char* kProject = "mock-project-1";

model::Plan readPlan(const QString& path)
{
    io::PlanReadResult r = io::readPlanFile(path.toStdString());
    diag::Diagnostics diags = r.diagnostics;
    if (r.plan)
        check::checkPlan(*r.plan, catalog::Catalog::embedded(), diags);
    if (!r.plan || diags.hasErrors())
        qFatal("cannot read %s", qPrintable(path));
    return *r.plan;
}

// The mock server, started for one test and stopped with it.
class MockCloud
{
public:
    explicit MockCloud(const QString& logPath) : m_log(logPath)
    {
        m_process.setProgram(QStringLiteral("/usr/bin/python3"));
        m_process.setArguments({QStringLiteral(CW_SOURCE_DIR "/tests/tools/mock_cloud.py"), QStringLiteral("--log"), logPath});
        m_process.start();
        if (!m_process.waitForStarted())
            return;
        while (m_port == 0 && m_process.waitForReadyRead(20000)) {
            const QByteArray line = m_process.readLine().trimmed();
            if (line.startsWith("PORT "))
                m_port = line.mid(5).toInt();
        }
    }
    ~MockCloud()
    {
        m_process.kill();
        m_process.waitForFinished();
    }
    int port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/").arg(m_port); }

    // Every request since the last call, in order.
    QList<QJsonObject> take()
    {
        QList<QJsonObject> out;
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        f.seek(m_offset);
        while (!f.atEnd())
            out << QJsonDocument::fromJson(f.readLine()).object();
        m_offset = f.pos();
        return out;
    }

private:
    QString m_log;
    QProcess m_process;
    int m_port = 0;
    qint64 m_offset = 0;
};

struct Run {
    int exitCode = -1;
    QString output;
};

Run runScript(const QString& script, const QStringList& steps, const QProcessEnvironment& env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("/bin/bash"), QStringList{script} + steps);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
}

QString pretty(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

// A line diff of two texts (longest common subsequence): "-" expected only, "+" actual only.
QString lineDiff(const QString& expectedText, const QString& actualText)
{
    const QStringList a = expectedText.split(QLatin1Char('\n'));
    const QStringList b = actualText.split(QLatin1Char('\n'));
    std::vector<std::vector<int>> lcs(size_t(a.size() + 1), std::vector<int>(size_t(b.size() + 1), 0));
    for (qsizetype i = a.size() - 1; i >= 0; --i) {
        for (qsizetype j = b.size() - 1; j >= 0; --j)
            lcs[size_t(i)][size_t(j)] = a[i] == b[j] ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                                                     : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
    }
    QStringList out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() || j < b.size()) {
        if (i < a.size() && j < b.size() && a[i] == b[j]) {
            out << QStringLiteral("  ") + a[i];
            ++i;
            ++j;
        } else if (j < b.size() && (i == a.size() || lcs[size_t(i)][size_t(j + 1)] >= lcs[size_t(i + 1)][size_t(j)])) {
            out << QStringLiteral("+ ") + b[j++];
        } else {
            out << QStringLiteral("- ") + a[i++];
        }
    }
    return out.join(QLatin1Char('\n'));
}

QString upper(const std::string& s)
{
    return QString::fromStdString(s).toUpper();
}

QString effectName(model::TaintEffect e)
{
    switch (e) {
    case model::TaintEffect::NoSchedule: return QStringLiteral("NO_SCHEDULE");
    case model::TaintEffect::PreferNoSchedule: return QStringLiteral("PREFER_NO_SCHEDULE");
    case model::TaintEffect::NoExecute: return QStringLiteral("NO_EXECUTE");
    }
    return {};
}

// What the GKE API must receive for one node pool, derived from the plan alone.
QJsonObject expectedNodePool(const model::Cluster& c, const model::NodePool& p, const std::string& machine,
                             const QString& name, bool firstMember, const catalog::Catalog& cat)
{
    const bool queued = p.queuedProvisioning;
    const bool flex = p.capacity == model::Capacity::FlexStart;
    QJsonObject pool;
    pool[QStringLiteral("name")] = name;
    QJsonObject config;
    config[QStringLiteral("machineType")] = QString::fromStdString(machine);
    const catalog::MachineType* m = cat.machineType(model::Provider::Gke, machine);
    if (m && m->gpu) {
        QJsonObject acc;
        acc[QStringLiteral("acceleratorType")] = QString::fromStdString(m->gpu->type);
        acc[QStringLiteral("acceleratorCount")] = QString::number(m->gpu->count);
        acc[QStringLiteral("gpuDriverInstallationConfig")] = QJsonObject{
            {QStringLiteral("gpuDriverVersion"), upper(p.gpuDriverVersion.empty() ? "default" : p.gpuDriverVersion)}};
        if (!p.gpuPartitionSize.empty())
            acc[QStringLiteral("gpuPartitionSize")] = QString::fromStdString(p.gpuPartitionSize);
        if (p.gpuSharing) {
            acc[QStringLiteral("gpuSharingConfig")] = QJsonObject{
                {QStringLiteral("gpuSharingStrategy"), upper(p.gpuSharing->strategy).replace(QLatin1Char('-'), QLatin1Char('_'))},
                {QStringLiteral("maxSharedClientsPerGpu"), QString::number(p.gpuSharing->maxClientsPerGpu)}};
        }
        config[QStringLiteral("accelerators")] = QJsonArray{acc};
    }
    if (p.capacity == model::Capacity::Spot)
        config[QStringLiteral("spot")] = true;
    if (flex)
        config[QStringLiteral("flexStart")] = true;
    if (queued || flex) {
        config[QStringLiteral("reservationAffinity")] = QJsonObject{{QStringLiteral("consumeReservationType"), QStringLiteral("NO_RESERVATION")}};
    } else if (p.capacity == model::Capacity::Reservation) {
        config[QStringLiteral("reservationAffinity")] = QJsonObject{
            {QStringLiteral("consumeReservationType"), QStringLiteral("SPECIFIC_RESERVATION")},
            {QStringLiteral("key"), QStringLiteral("compute.googleapis.com/reservation-name")},
            {QStringLiteral("values"), QJsonArray{QString::fromStdString(p.reservation)}}};
    }
    if (p.gvnic)
        config[QStringLiteral("gvnic")] = QJsonObject{{QStringLiteral("enabled"), true}};
    QJsonObject labels;
    for (const auto& [k, v] : p.labels)
        labels[QString::fromStdString(k)] = QString::fromStdString(v);
    if (p.flexible)
        labels[QStringLiteral("clusterwright.io/pool")] = QString::fromStdString(p.name);
    if (!labels.isEmpty())
        config[QStringLiteral("labels")] = labels;
    QJsonArray taints;
    for (const auto& t : p.taints) {
        taints.append(QJsonObject{{QStringLiteral("key"), QString::fromStdString(t.key)},
                                  {QStringLiteral("value"), QString::fromStdString(t.value)},
                                  {QStringLiteral("effect"), effectName(t.effect)}});
    }
    if (!taints.isEmpty())
        config[QStringLiteral("taints")] = taints;
    if (p.diskSizeGiB)
        config[QStringLiteral("diskSizeGb")] = int(*p.diskSizeGiB);
    pool[QStringLiteral("config")] = config;

    // Sizes: the plan counts whole pools; the API's initialNodeCount counts per zone.
    const int zones = !p.zones.empty() ? int(p.zones.size()) : (c.isZonal() ? 1 : 3);
    int total = firstMember ? p.initialNodes.value_or(p.minNodes) : 0;
    const bool autoscaled = p.maxNodes && (*p.maxNodes > p.minNodes || queued || flex);
    if (queued || flex)
        total = 0;
    pool[QStringLiteral("initialNodeCount")] = (total + zones - 1) / zones;
    if (autoscaled) {
        QJsonObject as{{QStringLiteral("enabled"), true},
                       {QStringLiteral("totalMinNodeCount"), queued || flex || !firstMember ? 0 : p.minNodes},
                       {QStringLiteral("totalMaxNodeCount"), *p.maxNodes}};
        if (queued || flex)
            as[QStringLiteral("locationPolicy")] = QStringLiteral("ANY");
        pool[QStringLiteral("autoscaling")] = as;
    }
    pool[QStringLiteral("management")] = QJsonObject{{QStringLiteral("autoRepair"), p.autoRepair && !queued && !flex}};
    if (!p.zones.empty()) {
        QJsonArray z;
        for (const auto& zone : p.zones)
            z.append(QString::fromStdString(zone));
        pool[QStringLiteral("locations")] = z;
    }
    if (p.maxPodsPerNode)
        pool[QStringLiteral("maxPodsConstraint")] = QJsonObject{{QStringLiteral("maxPodsPerNode"), QString::number(*p.maxPodsPerNode)}};
    if (p.placement == model::Placement::Compact || p.isTpu()) {
        QJsonObject placement;
        if (p.placement == model::Placement::Compact)
            placement[QStringLiteral("type")] = QStringLiteral("COMPACT");
        if (p.isTpu())
            placement[QStringLiteral("tpuTopology")] = QString::fromStdString(p.tpuTopology);
        pool[QStringLiteral("placementPolicy")] = placement;
    }
    if (queued)
        pool[QStringLiteral("queuedProvisioning")] = QJsonObject{{QStringLiteral("enabled"), true}};
    return pool;
}

// The request body without what gcloud adds on its own (scopes, surge settings, auto-upgrade).
QJsonObject withoutDefaults(QJsonObject pool)
{
    pool.remove(QStringLiteral("upgradeSettings"));
    QJsonObject config = pool[QStringLiteral("config")].toObject();
    config.remove(QStringLiteral("oauthScopes"));
    pool[QStringLiteral("config")] = config;
    QJsonObject management = pool[QStringLiteral("management")].toObject();
    management.remove(QStringLiteral("autoUpgrade"));
    pool[QStringLiteral("management")] = management;
    return pool;
}

QString findCli(const char* name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

const char* kRecorder = R"(#!/bin/bash
printf '%s' "${0##*/}" >> "$RECORDER_LOG"
for a in "$@"; do printf ' %s' "$a" >> "$RECORDER_LOG"; done
printf '\n' >> "$RECORDER_LOG"
)";

void addRecorder(const QString& bin, const QString& name)
{
    QDir().mkpath(bin);
    QFile f(bin + QLatin1Char('/') + name);
    f.open(QIODevice::WriteOnly);
    f.write(kRecorder);
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

} // namespace

class TestExportClouds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gke_data()
    {
        QTest::addColumn<QString>("plan");
        const QString dir = QStringLiteral(CW_TEST_DATA_DIR "/export/");
        for (const QString& c : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const model::Plan plan = readPlan(dir + c + QStringLiteral("/plan.yaml"));
            for (const auto& cluster : plan.clusters) {
                if (cluster.provider == model::Provider::Gke) {
                    QTest::newRow(qPrintable(c)) << dir + c + QStringLiteral("/plan.yaml");
                    break;
                }
            }
        }
    }

    void gke()
    {
        QFETCH(QString, plan);
        const QString gcloud = findCli("gcloud");
        if (gcloud.isEmpty())
            QSKIP("gcloud is not installed: the GKE commands were not run against the mock");
        const auto& cat = catalog::Catalog::embedded();
        const model::Plan p = readPlan(plan);
        exporter::ExportOptions options;
        options.target = exporter::Target::Gke;
        const exporter::Bundle bundle = exporter::exportBundle(p, cat, options);
        QVERIFY(bundle.ok());

        QTemporaryDir tmp;
        QVERIFY(exporter::writeBundle(bundle, tmp.filePath(QStringLiteral("bundle")).toStdString()).ok);
        MockCloud mock(tmp.filePath(QStringLiteral("requests.jsonl")));
        QVERIFY2(mock.port() > 0, "the mock server did not start");
        QFile token(tmp.filePath(QStringLiteral("token")));
        QVERIFY(token.open(QIODevice::WriteOnly));
        token.write("mock-access-token\n");
        token.close();
        QDir().mkpath(tmp.filePath(QStringLiteral("gcloud-config")));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CLOUDSDK_CONFIG"), tmp.filePath(QStringLiteral("gcloud-config")));
        env.insert(QStringLiteral("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"), token.fileName());
        env.insert(QStringLiteral("CLOUDSDK_CORE_PROJECT"), QString::fromLatin1(kProject));
        env.insert(QStringLiteral("CLOUDSDK_API_ENDPOINT_OVERRIDES_CONTAINER"), mock.url());
        env.insert(QStringLiteral("CLOUDSDK_API_ENDPOINT_OVERRIDES_SERVICEUSAGE"), mock.url());
        env.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_PROMPTS"), QStringLiteral("1"));
        env.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING"), QStringLiteral("1"));
        env.insert(QStringLiteral("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"), QStringLiteral("1"));
        env.insert(QStringLiteral("KUBECONFIG"), tmp.filePath(QStringLiteral("kubeconfig")));
        env.insert(QStringLiteral("PROJECT_ID"), QString::fromLatin1(kProject));

        for (const auto& clusterName : bundle.clusters) {
            const model::Cluster& c = *p.cluster(clusterName);
            const QString script = tmp.filePath(QStringLiteral("bundle/%1/commands.sh").arg(QString::fromStdString(clusterName)));
            const Run r = runScript(script, {QStringLiteral("cluster"), QStringLiteral("kubeconfig")}, env);
            QVERIFY2(r.exitCode == 0, qPrintable(r.output));
            const QList<QJsonObject> requests = mock.take();
            const QString base = QStringLiteral("/v1/projects/%1/locations/%2").arg(QLatin1String(kProject), QString::fromStdString(c.location));

            // The cluster.
            QJsonObject cluster;
            QJsonObject clusterRequest;
            QMap<QString, QJsonObject> pools;
            int posts = 0;
            int polls = 0;
            bool defaultDeleted = false;
            for (const QJsonObject& req : requests) {
                const QString method = req[QStringLiteral("method")].toString();
                const QString path = req[QStringLiteral("path")].toString();
                const QJsonObject body = req[QStringLiteral("body")].toObject();
                if (method == QLatin1String("POST") && path == base + QStringLiteral("/clusters")) {
                    cluster = body[QStringLiteral("cluster")].toObject();
                    ++posts;
                } else if (method == QLatin1String("POST") && path.endsWith(QLatin1String("/nodePools"))) {
                    const QJsonObject pool = body[QStringLiteral("nodePool")].toObject();
                    pools[pool[QStringLiteral("name")].toString()] = pool;
                    ++posts;
                } else if (method == QLatin1String("DELETE") && path.endsWith(QLatin1String("/nodePools/default-pool"))) {
                    defaultDeleted = true;
                    ++posts;
                } else if (method == QLatin1String("GET") && path.contains(QLatin1String("/operations/"))) {
                    ++polls;
                }
            }
            QCOMPARE(cluster[QStringLiteral("name")].toString(), QString::fromStdString(c.name));
            QVERIFY2(polls >= posts, "gcloud did not wait for every operation");
            if (c.mode == model::ClusterMode::Autopilot) {
                QCOMPARE(cluster[QStringLiteral("autopilot")].toObject()[QStringLiteral("enabled")].toBool(), true);
                QVERIFY(pools.isEmpty());
                continue;
            }
            QCOMPARE(cluster[QStringLiteral("workloadIdentityConfig")].toObject()[QStringLiteral("workloadPool")].toString(),
                     QStringLiteral("%1.svc.id.goog").arg(QLatin1String(kProject)));
            QCOMPARE(cluster[QStringLiteral("monitoringConfig")].toObject()[QStringLiteral("managedPrometheusConfig")]
                         .toObject()[QStringLiteral("enabled")].toBool(),
                     true);
            if (!c.releaseChannel.empty()) {
                QCOMPARE(cluster[QStringLiteral("releaseChannel")].toObject()[QStringLiteral("channel")].toString(),
                         upper(c.releaseChannel));
            }
            if (!c.kubernetesVersion.empty())
                QCOMPARE(cluster[QStringLiteral("initialClusterVersion")].toString(), QString::fromStdString(c.kubernetesVersion));
            bool readsGcs = false;
            for (const auto* w : p.workloadsOf(c.name))
                readsGcs = readsGcs || (w->data && w->data->source.rfind("gs://", 0) == 0 && !w->hasTpu());
            QCOMPARE(cluster[QStringLiteral("addonsConfig")].toObject()[QStringLiteral("gcsFuseCsiDriverConfig")]
                         .toObject()[QStringLiteral("enabled")].toBool(),
                     readsGcs);

            // Every pool of the plan, as the plan says.
            int expectedPools = 0;
            for (const auto& pool : c.nodePools) {
                if (pool.existing)
                    continue;
                if (pool.isTpu()) {
                    // A TPU slice's pool: its machine type, its topology and one node per host.
                    const QString name = QString::fromStdString(pool.name);
                    QVERIFY2(pools.contains(name), qPrintable(QStringLiteral("no request created TPU pool ") + name));
                    const QJsonObject sent = pools[name];
                    const QJsonObject config = sent[QStringLiteral("config")].toObject();
                    QCOMPARE(config[QStringLiteral("machineType")].toString(), QString::fromStdString(pool.machineType()));
                    QCOMPARE(sent[QStringLiteral("placementPolicy")].toObject()[QStringLiteral("tpuTopology")].toString(),
                             QString::fromStdString(pool.tpuTopology));
                    const catalog::MachineType* m = cat.machineType(model::Provider::Gke, pool.machineType());
                    QVERIFY(m && m->tpu);
                    int chips = 1;
                    for (const QString& d : QString::fromStdString(pool.tpuTopology).split(QLatin1Char('x')))
                        chips *= d.toInt();
                    const int hosts = chips / m->tpu->chips;
                    if (hosts > 1 && !pool.queuedProvisioning && pool.capacity != model::Capacity::FlexStart)
                        QCOMPARE(sent[QStringLiteral("initialNodeCount")].toInt(), hosts);
                    QJsonArray taints;
                    for (const auto& t : pool.taints) {
                        taints.append(QJsonObject{{QStringLiteral("key"), QString::fromStdString(t.key)},
                                                  {QStringLiteral("value"), QString::fromStdString(t.value)},
                                                  {QStringLiteral("effect"), effectName(t.effect)}});
                    }
                    QCOMPARE(config[QStringLiteral("taints")].toArray(), taints);
                    QCOMPARE(config[QStringLiteral("spot")].toBool(), pool.capacity == model::Capacity::Spot);
                    QCOMPARE(sent[QStringLiteral("queuedProvisioning")].toObject()[QStringLiteral("enabled")].toBool(),
                             pool.queuedProvisioning);
                    ++expectedPools;
                    continue;
                }
                const std::vector<std::string> machines = pool.flexible ? pool.machineTypes
                                                                        : std::vector<std::string>{pool.machineType()};
                for (size_t i = 0; i < machines.size(); ++i) {
                    QString name = QString::fromStdString(pool.name);
                    if (pool.flexible)
                        name += QLatin1Char('-') + QString::fromStdString(machines[i]);
                    QVERIFY2(pools.contains(name), qPrintable(QStringLiteral("no request created pool ") + name));
                    const QJsonObject expected = expectedNodePool(c, pool, machines[i], name, i == 0, cat);
                    const QString actualText = pretty(withoutDefaults(pools[name]));
                    const QString expectedText = pretty(expected);
                    if (actualText != expectedText) {
                        QFAIL(qPrintable(QStringLiteral("node pool %1: the request differs from the plan (- plan, + sent by gcloud):\n%2")
                                             .arg(name, lineDiff(expectedText, actualText))));
                    }
                    ++expectedPools;
                }
            }
            QCOMPARE(pools.size(), expectedPools);
            QCOMPARE(defaultDeleted, expectedPools > 0);
            QVERIFY(QFile(tmp.filePath(QStringLiteral("kubeconfig"))).size() > 0);
        }
    }

    void eks()
    {
        if (findCli("aws").isEmpty())
            QSKIP("the aws CLI is not installed: the EKS commands were not run against the mock");
        const auto& cat = catalog::Catalog::embedded();
        const model::Plan p = readPlan(QStringLiteral(CW_TEST_DATA_DIR "/export/platform-eks/plan.yaml"));
        const exporter::Bundle bundle = exporter::exportBundle(p, cat);
        QVERIFY(bundle.ok());
        QTemporaryDir tmp;
        QVERIFY(exporter::writeBundle(bundle, tmp.filePath(QStringLiteral("bundle")).toStdString()).ok);
        MockCloud mock(tmp.filePath(QStringLiteral("requests.jsonl")));
        QVERIFY(mock.port() > 0);
        // eksctl is not available here: a recorder stands in and its ClusterConfig is
        // checked against eksctl's schema by tst_export.
        const QString bin = tmp.filePath(QStringLiteral("bin"));
        addRecorder(bin, QStringLiteral("eksctl"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), bin + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("RECORDER_LOG"), tmp.filePath(QStringLiteral("calls")));
        env.insert(QStringLiteral("AWS_ENDPOINT_URL"), mock.url());
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAMOCKMOCKMOCKMOCK"));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("mock-secret"));
        env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), tmp.filePath(QStringLiteral("none")));
        env.insert(QStringLiteral("AWS_CONFIG_FILE"), tmp.filePath(QStringLiteral("none")));
        env.insert(QStringLiteral("KUBECONFIG"), tmp.filePath(QStringLiteral("kubeconfig")));

        const model::Cluster& c = p.clusters.front();
        const Run r = runScript(tmp.filePath(QStringLiteral("bundle/eks-ai/commands.sh")),
                                {QStringLiteral("cluster"), QStringLiteral("kubeconfig")}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.output));
        QStringList groups;
        bool described = false;
        for (const QJsonObject& req : mock.take()) {
            const QJsonObject body = req[QStringLiteral("body")].toObject();
            if (body[QStringLiteral("Action")].toString() == QLatin1String("CreatePlacementGroup")) {
                QCOMPARE(body[QStringLiteral("Strategy")].toString(), QStringLiteral("cluster"));
                groups << body[QStringLiteral("GroupName")].toString();
            }
            if (req[QStringLiteral("method")].toString() == QLatin1String("GET")
                && req[QStringLiteral("path")].toString() == QStringLiteral("/clusters/") + QString::fromStdString(c.name))
                described = true;
        }
        QStringList expectedGroups;
        for (const auto& pool : c.nodePools) {
            if (!pool.flexible && !pool.existing && (pool.efa || pool.placement == model::Placement::Compact))
                expectedGroups << QString::fromStdString(c.name + "-" + pool.name);
        }
        QVERIFY(!expectedGroups.isEmpty());
        QCOMPARE(groups, expectedGroups);
        QVERIFY2(described, "aws eks update-kubeconfig did not ask for the cluster");
        QFile calls(tmp.filePath(QStringLiteral("calls")));
        QVERIFY(calls.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(calls.readAll()), QStringLiteral("eksctl create cluster --config-file=cluster.yaml\n"));
        QFile kube(tmp.filePath(QStringLiteral("kubeconfig")));
        QVERIFY(kube.open(QIODevice::ReadOnly));
        QVERIFY(kube.readAll().contains("cluster/eks-ai"));
    }
};

QTEST_GUILESS_MAIN(TestExportClouds)
#include "tst_exportclouds.moc"
