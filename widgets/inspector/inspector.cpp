// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspector.h"

#include "catalog/catalog.h"
#include "document/editing.h"
#include "document/fieldtext.h"
#include "document/plandocument.h"
#include "formbuilder.h"
#include "io/planreader.h"
#include "model/names.h"
#include "model/quantity.h"
#include "panels/diagnosticsmodel.h"
#include "style/format.h"

#include <QApplication>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

#include <set>

namespace cw::widgets {

using document::ObjectRef;
using document::fieldtext::nameProblem;
using format::q;
using Choice = FormBuilder::Choice;
using io::PlanLimits;

namespace {

std::string s(const QString& text)
{
    return text.trimmed().toStdString();
}

template<typename E>
std::vector<Choice> enumChoices(const std::function<QString(E)>& text)
{
    std::vector<Choice> out;
    const auto& names = model::enumNames<E>();
    for (size_t i = 0; i < names.size(); ++i)
        out.push_back({q(names[i]), text ? text(E(i)) : q(names[i])});
    return out;
}

template<typename E>
std::function<void(const QString&)> enumSetter(const std::function<void(E)>& set)
{
    return [set](const QString& v) {
        if (auto e = model::enumFromString<E>(s(v)))
            set(*e);
    };
}

} // namespace

Inspector::Inspector(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_subtitle(new QLabel)
    , m_diagnostics(new QLabel)
    , m_scroll(new QScrollArea)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 0);
    layout->setSpacing(4);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() + 2);
    m_title->setFont(f);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    QPalette muted = m_subtitle->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_subtitle->setPalette(muted);
    m_diagnostics->setWordWrap(true);
    m_diagnostics->setTextFormat(Qt::RichText);
    m_diagnostics->setVisible(false);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_diagnostics);
    layout->addWidget(m_scroll, 1);
    setAccessibleName(tr("Inspector"));
    rebuild();
}

Inspector::~Inspector() = default;

void Inspector::setDocument(document::PlanDocument* document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_object = {};
    if (m_document) {
        connect(m_document, &document::PlanDocument::planChanged, this, &Inspector::refresh);
        connect(m_document, &document::PlanDocument::diagnosticsChanged, this, &Inspector::updateDiagnostics);
        m_object = ObjectRef::plan();
    }
    rebuild();
}

void Inspector::setObject(const ObjectRef& ref)
{
    ObjectRef target = ref;
    // A Pod is edited through its workload; a node through its pool.
    if (target.kind == ObjectRef::Kind::Pod)
        target = ObjectRef::workload(target.cluster, target.name);
    if (target.kind == ObjectRef::Kind::Node) {
        const auto slash = target.name.find('/');
        target = ObjectRef::pool(target.cluster, target.name.substr(0, slash));
    }
    if (!target.isValid())
        target = ObjectRef::plan();
    if (target == m_object)
        return;
    m_object = target;
    rebuild();
}

QWidget* Inspector::editorFor(const QString& path) const
{
    return m_builder ? m_builder->editorFor(path) : nullptr;
}

void Inspector::focusFirstEditor()
{
    if (!m_form)
        return;
    for (QWidget* w : m_form->findChildren<QWidget*>()) {
        if (w->focusPolicy() & Qt::TabFocus && w->isEnabled() && w->isVisibleTo(m_form)) {
            w->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

void Inspector::focusLocation(const diag::Location& where)
{
    if (!m_document || !m_builder || !where.isKnown())
        return;
    const model::Plan& plan = m_document->plan();
    const model::Provenance* origin = nullptr;
    if (m_object.kind == ObjectRef::Kind::Workload) {
        if (const model::Workload* w = plan.workload(m_object.name))
            origin = &w->origin;
    } else if (m_object.kind == ObjectRef::Kind::Pool) {
        const model::Cluster* c = plan.cluster(m_object.cluster);
        if (const model::NodePool* p = c ? c->pool(m_object.name) : nullptr)
            origin = &p->origin;
    } else if (m_object.kind == ObjectRef::Kind::Cluster) {
        if (const model::Cluster* c = plan.cluster(m_object.cluster))
            origin = &c->origin;
    }
    if (!origin)
        return;
    for (const auto& [path, pos] : origin->fields) {
        if (pos.line != where.line || pos.column != where.column)
            continue;
        QString key = q(path);
        if (key == QLatin1String("machineType") || key == QLatin1String("machineTypes"))
            key = QStringLiteral("machineTypes");
        if (QWidget* editor = m_builder->editorFor(key)) {
            m_scroll->ensureWidgetVisible(editor);
            editor->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

void Inspector::refresh()
{
    if (!m_document)
        return;
    if (m_object.kind != ObjectRef::Kind::Plan && !m_object.existsIn(m_document->plan())) {
        // Undone, removed or renamed away: show the plan instead of a stale form.
        m_object = ObjectRef::plan();
        rebuild();
        return;
    }
    if (m_builder)
        m_builder->refresh();
    updateDiagnostics();
}

void Inspector::updateDiagnostics()
{
    if (!m_document || !m_object.isValid()) {
        m_diagnostics->setVisible(false);
        return;
    }
    std::string object;
    if (m_object.kind == ObjectRef::Kind::Workload)
        object = m_object.name;
    else if (m_object.kind == ObjectRef::Kind::Pool)
        object = m_object.cluster + "/" + m_object.name;
    else if (m_object.kind == ObjectRef::Kind::Cluster)
        object = m_object.cluster;
    QStringList lines;
    const int iconSize = QApplication::style()->pixelMetric(QStyle::PM_SmallIconSize);
    Q_UNUSED(iconSize);
    for (const auto& d : m_document->diagnostics().items()) {
        if (object.empty() || d.object != object)
            continue;
        const QString color = d.severity == diag::Severity::Error ? QStringLiteral("#d13438")
            : d.severity == diag::Severity::Warning ? QStringLiteral("#b77900") : QString();
        const QString sev = DiagnosticsModel::severityText(d.severity);
        lines << QStringLiteral("<div style='margin-bottom:4px'><span style='%1'><b>%2 %3</b></span> %4</div>")
                     .arg(color.isEmpty() ? QString() : QStringLiteral("color:%1").arg(color), sev.toHtmlEscaped(),
                          q(d.code), DiagnosticsModel::translatedMessage(d).toHtmlEscaped());
    }
    m_diagnostics->setText(lines.join(QString()));
    m_diagnostics->setVisible(!lines.isEmpty());
}

void Inspector::rebuild()
{
    delete m_builder;
    m_builder = nullptr;
    m_form = new QWidget;
    m_form->setObjectName(QStringLiteral("InspectorForm"));
    auto* form = new QFormLayout(m_form);
    form->setContentsMargins(0, 4, 8, 8);
    m_builder = new FormBuilder(form, this);
    m_scroll->setWidget(m_form); // deletes the old form
    if (!m_document) {
        m_title->setText(tr("No plan"));
        m_subtitle->clear();
        m_diagnostics->setVisible(false);
        return;
    }
    switch (m_object.kind) {
    case ObjectRef::Kind::Workload:
        buildWorkload(m_object.name);
        break;
    case ObjectRef::Kind::Pool:
        buildPool(m_object.cluster, m_object.name);
        break;
    case ObjectRef::Kind::Cluster:
        buildCluster(m_object.cluster);
        break;
    default:
        buildPlan();
        break;
    }
    updateDiagnostics();
}

void Inspector::buildPlan()
{
    document::PlanDocument* doc = m_document;
    m_title->setText(tr("Plan %1").arg(q(doc->plan().name)));
    m_subtitle->setText(tr("Settings of the whole plan. Select a workload, a pool or a cluster to edit it."));
    FormBuilder& b = *m_builder;
    using document::PlanField;
    b.addText(tr("Name"), QStringLiteral("metadata.name"), [doc] { return q(doc->plan().name); }, {},
              [doc](const QString& v) { document::editPlan(doc, PlanField::Name, [v](auto& p) { p.name = s(v); }); });
    b.addText(tr("Description"), QStringLiteral("metadata.description"), [doc] { return q(doc->plan().description); }, {},
              [doc](const QString& v) { document::editPlan(doc, PlanField::Description, [v](auto& p) { p.description = v.toStdString(); }); });
    b.addInt(tr("Hours per month"), QStringLiteral("hoursPerMonth"), 1, PlanLimits::kMaxHoursPerMonth,
             [doc] { return std::optional<int>(doc->plan().hoursPerMonth); },
             [doc](std::optional<int> v, int g) {
                 document::editPlan(doc, PlanField::HoursPerMonth, [v](auto& p) { p.hoursPerMonth = v.value_or(1); }, g);
             }, {}, tr(" h"));
    b.addBool(tr("GKE free tier"), QStringLiteral("freeTierCredit"), [doc] { return doc->plan().freeTierCredit; },
              [doc](bool on) { document::editPlan(doc, PlanField::FreeTierCredit, [on](auto& p) { p.freeTierCredit = on; }); },
              tr("the billing account's free-tier credit is not used elsewhere"));
}

void Inspector::buildCluster(const std::string& clusterName)
{
    document::PlanDocument* doc = m_document;
    m_title->setText(tr("Cluster %1").arg(q(clusterName)));
    m_subtitle->setText(tr("Provider, location and version. Its pools and workloads are listed in the plan outline."));
    FormBuilder& b = *m_builder;
    using document::ClusterField;
    auto name = std::make_shared<std::string>(clusterName);
    auto C = [doc, name]() -> const model::Cluster* { return doc->plan().cluster(*name); };
    auto edit = [doc, name](ClusterField f, std::function<void(model::Cluster&)> fn, int g = 0) {
        document::editCluster(doc, *name, f, fn, g);
    };
    b.addText(tr("Name"), QStringLiteral("name"), [C] { return C() ? q(C()->name) : QString(); },
              [doc, name, C](const QString& v) {
                  const bool eks = C() && C()->provider == model::Provider::Eks;
                  QString p = nameProblem(v.trimmed(), eks ? PlanLimits::kMaxEksClusterNameLength : PlanLimits::kMaxClusterNameLength, true);
                  if (p.isEmpty() && s(v) != *name && doc->plan().cluster(s(v)))
                      p = tr("another cluster is called %1").arg(v.trimmed());
                  return p;
              },
              [this, doc, name](const QString& v) {
                  // The form follows the new name before the edit announces it.
                  const std::string old = *name;
                  *name = s(v);
                  m_object = ObjectRef::clusterRef(*name);
                  if (!document::editCluster(doc, old, ClusterField::Name, [v](auto& c) { c.name = s(v); })) {
                      *name = old;
                      m_object = ObjectRef::clusterRef(old);
                      return;
                  }
                  m_title->setText(tr("Cluster %1").arg(q(*name)));
                  Q_EMIT objectRenamed(m_object);
              });
    b.addChoice(tr("Provider"), QStringLiteral("provider"),
                [] { return enumChoices<model::Provider>([](model::Provider p) { return p == model::Provider::Gke ? tr("Google GKE") : tr("Amazon EKS"); }); },
                [C] { return C() ? q(model::toString(C()->provider)) : QString(); },
                enumSetter<model::Provider>([edit](model::Provider p) { edit(ClusterField::Provider, [p](auto& c) { c.provider = p; }); }));
    b.addChoice(tr("Mode"), QStringLiteral("mode"),
                [] { return enumChoices<model::ClusterMode>([](model::ClusterMode m) { return m == model::ClusterMode::Standard ? tr("Standard (node pools)") : tr("Autopilot (billed per Pod)"); }); },
                [C] { return C() ? q(model::toString(C()->mode)) : QString(); },
                enumSetter<model::ClusterMode>([edit](model::ClusterMode m) { edit(ClusterField::Mode, [m](auto& c) { c.mode = m; }); }));
    QStringList regions;
    for (const auto& book : doc->catalog().priceBooks())
        regions << q(book.region);
    b.addText(tr("Location"), QStringLiteral("location"), [C] { return C() ? q(C()->location) : QString(); },
              [](const QString& v) { return v.trimmed().isEmpty() ? tr("a region or zone is required") : QString(); },
              [edit](const QString& v) { edit(ClusterField::Location, [v](auto& c) { c.location = s(v); }); },
              tr("region or zone, e.g. us-central1"), regions);
    b.addText(tr("Kubernetes version"), QStringLiteral("kubernetesVersion"), [C] { return C() ? q(C()->kubernetesVersion) : QString(); }, {},
              [edit](const QString& v) { edit(ClusterField::KubernetesVersion, [v](auto& c) { c.kubernetesVersion = s(v); }); },
              tr("optional, e.g. 1.31"));
    b.addChoice(tr("Release channel"), QStringLiteral("releaseChannel"),
                [] {
                    std::vector<Choice> out{{QString(), tr("(not set)")}};
                    for (const auto& c : io::releaseChannels())
                        out.push_back({q(c), q(c)});
                    return out;
                },
                [C] { return C() ? q(C()->releaseChannel) : QString(); },
                [edit](const QString& v) { edit(ClusterField::ReleaseChannel, [v](auto& c) { c.releaseChannel = s(v); }); });
    b.addChoice(tr("EKS support tier"), QStringLiteral("support"),
                [] { return enumChoices<model::SupportTier>([](model::SupportTier t) { return t == model::SupportTier::Standard ? tr("standard") : tr("extended"); }); },
                [C] { return C() ? q(model::toString(C()->support)) : QString(); },
                enumSetter<model::SupportTier>([edit](model::SupportTier t) { edit(ClusterField::Support, [t](auto& c) { c.support = t; }); }));
    b.setEnabledWhen(QStringLiteral("support"), [C] { return C() && C()->provider == model::Provider::Eks; });
    b.setEnabledWhen(QStringLiteral("releaseChannel"), [C] { return C() && C()->provider == model::Provider::Gke; });
    b.addText(tr("Project"), QStringLiteral("project"), [C] { return C() ? q(C()->project) : QString(); }, {},
              [edit](const QString& v) { edit(ClusterField::Project, [v](auto& c) { c.project = s(v); }); },
              tr("GKE project id; optional"));
    b.addText(tr("DaemonSets"), QStringLiteral("daemonSets"),
              [C] { return C() ? document::fieldtext::formatDaemonSets(C()->daemonSets) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseDaemonSets(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto list = document::fieldtext::parseDaemonSets(v, &e))
                      edit(ClusterField::DaemonSets, [list](auto& c) { c.daemonSets = *list; });
              },
              tr("name=cpu/memory[@gpu|tpu|neuron]; …"));
}

void Inspector::buildPool(const std::string& clusterName, const std::string& poolName)
{
    document::PlanDocument* doc = m_document;
    const catalog::Catalog& cat = doc->catalog();
    m_title->setText(tr("Node pool %1").arg(q(poolName)));
    m_subtitle->setText(tr("In cluster %1. Machine types, scaling limits and node settings.").arg(q(clusterName)));
    FormBuilder& b = *m_builder;
    using document::PoolField;
    auto name = std::make_shared<std::string>(poolName);
    auto C = [doc, clusterName]() -> const model::Cluster* { return doc->plan().cluster(clusterName); };
    auto P = [C, name]() -> const model::NodePool* { return C() ? C()->pool(*name) : nullptr; };
    auto edit = [doc, clusterName, name](PoolField f, std::function<void(model::NodePool&)> fn, int g = 0) {
        document::editPool(doc, clusterName, *name, f, fn, g);
    };
    const model::Cluster* cluster = C();
    const model::Provider provider = cluster ? cluster->provider : model::Provider::Gke;

    b.addSection(tr("Pool"));
    b.addText(tr("Name"), QStringLiteral("name"), [P] { return P() ? q(P()->name) : QString(); },
              [C, name](const QString& v) {
                  QString p = nameProblem(v.trimmed(), PlanLimits::kMaxPoolNameLength, true);
                  if (p.isEmpty() && s(v) != *name && C() && C()->pool(s(v)))
                      p = tr("the cluster has another pool called %1").arg(v.trimmed());
                  return p;
              },
              [this, doc, name, clusterName](const QString& v) {
                  const std::string old = *name;
                  *name = s(v);
                  m_object = ObjectRef::pool(clusterName, *name);
                  if (!document::editPool(doc, clusterName, old, PoolField::Name, [v](auto& p) { p.name = s(v); })) {
                      *name = old;
                      m_object = ObjectRef::pool(clusterName, old);
                      return;
                  }
                  m_title->setText(tr("Node pool %1").arg(q(*name)));
                  Q_EMIT objectRenamed(m_object);
              });
    QStringList machines;
    if (const catalog::PriceBook* book = cat.priceBook(provider)) {
        for (const auto& m : book->machineTypes)
            machines << q(m.name);
    }
    b.addText(tr("Machine types"), QStringLiteral("machineTypes"),
              [P] { return P() ? document::fieldtext::formatList(P()->machineTypes) : QString(); },
              [](const QString& v) { return document::fieldtext::parseList(v).empty() ? tr("at least one machine type") : QString(); },
              [edit](const QString& v) {
                  const auto list = document::fieldtext::parseList(v);
                  edit(PoolField::MachineTypes, [list](auto& p) {
                      p.machineTypes = list;
                      p.flexible = list.size() > 1;
                  });
              },
              tr("one, or several for a flexible pool"), machines);
    b.addChoice(tr("Capacity"), QStringLiteral("capacity"),
                [] {
                    return enumChoices<model::Capacity>([](model::Capacity c) {
                        switch (c) {
                        case model::Capacity::OnDemand: return tr("on-demand");
                        case model::Capacity::Spot: return tr("Spot");
                        case model::Capacity::Reservation: return tr("reservation");
                        case model::Capacity::FlexStart: return tr("flex-start (DWS)");
                        }
                        return QString();
                    });
                },
                [P] { return P() ? q(model::toString(P()->capacity)) : QString(); },
                enumSetter<model::Capacity>([edit](model::Capacity c) { edit(PoolField::Capacity, [c](auto& p) { p.capacity = c; }); }));
    b.addText(tr("Reservation"), QStringLiteral("reservation"), [P] { return P() ? q(P()->reservation) : QString(); }, {},
              [edit](const QString& v) { edit(PoolField::Reservation, [v](auto& p) { p.reservation = s(v); }); },
              tr("name of the reservation"));
    b.setEnabledWhen(QStringLiteral("reservation"), [P] { return P() && P()->capacity == model::Capacity::Reservation; });
    b.addBool(tr("Existing"), QStringLiteral("existing"), [P] { return P() && P()->existing; },
              [edit](bool on) { edit(PoolField::Existing, [on](auto& p) { p.existing = on; }); },
              tr("the pool exists already; exports leave it alone"));

    b.addSection(tr("Scaling"));
    b.addInt(tr("Minimum nodes"), QStringLiteral("minNodes"), 0, PlanLimits::kMaxNodes,
             [P] { return std::optional<int>(P() ? P()->minNodes : 0); },
             [edit](std::optional<int> v, int g) { edit(PoolField::MinNodes, [v](auto& p) { p.minNodes = v.value_or(0); }, g); });
    b.addInt(tr("Maximum nodes"), QStringLiteral("maxNodes"), 0, PlanLimits::kMaxNodes,
             [P] { return P() ? P()->maxNodes : std::nullopt; },
             [edit](std::optional<int> v, int g) { edit(PoolField::MaxNodes, [v](auto& p) { p.maxNodes = v; }, g); }, tr("no limit"));
    b.addInt(tr("Initial nodes"), QStringLiteral("initialNodes"), 0, PlanLimits::kMaxNodes,
             [P] { return P() ? P()->initialNodes : std::nullopt; },
             [edit](std::optional<int> v, int g) { edit(PoolField::InitialNodes, [v](auto& p) { p.initialNodes = v; }, g); }, tr("= minimum"));
    b.addBool(tr("Queued provisioning"), QStringLiteral("queuedProvisioning"), [P] { return P() && P()->queuedProvisioning; },
              [edit](bool on) { edit(PoolField::QueuedProvisioning, [on](auto& p) { p.queuedProvisioning = on; }); },
              tr("nodes only through ProvisioningRequests (DWS)"));
    b.addBool(tr("Auto-repair"), QStringLiteral("autoRepair"), [P] { return P() && P()->autoRepair; },
              [edit](bool on) { edit(PoolField::AutoRepair, [on](auto& p) { p.autoRepair = on; }); });

    b.addSection(tr("Accelerators"));
    b.addText(tr("TPU topology"), QStringLiteral("tpuTopology"), [P] { return P() ? q(P()->tpuTopology) : QString(); }, {},
              [edit](const QString& v) { edit(PoolField::TpuTopology, [v](auto& p) { p.tpuTopology = s(v); }); },
              tr("e.g. 4x4 or 2x2x4; TPU hosts only"));
    b.addChoice(tr("MIG partition size"), QStringLiteral("gpuPartitionSize"),
                [P, C, &cat] {
                    std::vector<Choice> out{{QString(), tr("(whole GPUs)")}};
                    const model::NodePool* p = P();
                    if (!p || !C())
                        return out;
                    for (const auto& machineName : p->machineTypes) {
                        const catalog::MachineType* m = cat.machineType(C()->provider, machineName);
                        const catalog::Accelerator* a = m && m->gpu ? cat.accelerator(m->gpu->type) : nullptr;
                        if (!a)
                            continue;
                        for (const auto& mig : a->mig)
                            out.push_back({q(mig.name), tr("%1 (%2 per GPU)").arg(q(mig.name)).arg(mig.maxPerGpu)});
                        break;
                    }
                    return out;
                },
                [P] { return P() ? q(P()->gpuPartitionSize) : QString(); },
                [edit](const QString& v) { edit(PoolField::GpuPartitionSize, [v](auto& p) { p.gpuPartitionSize = s(v); }); });
    b.addChoice(tr("GPU sharing"), QStringLiteral("gpuSharing.strategy"),
                [] {
                    std::vector<Choice> out{{QString(), tr("(none)")}};
                    for (const auto& st : io::gpuSharingStrategies())
                        out.push_back({q(st), q(st)});
                    return out;
                },
                [P] { return P() && P()->gpuSharing ? q(P()->gpuSharing->strategy) : QString(); },
                [edit](const QString& v) {
                    edit(PoolField::GpuSharing, [v](auto& p) {
                        if (v.isEmpty()) {
                            p.gpuSharing.reset();
                        } else {
                            model::GpuSharing g = p.gpuSharing.value_or(model::GpuSharing{});
                            g.strategy = s(v);
                            if (g.maxClientsPerGpu < PlanLimits::kMinSharedClientsPerGpu)
                                g.maxClientsPerGpu = PlanLimits::kMinSharedClientsPerGpu;
                            p.gpuSharing = g;
                        }
                    });
                });
    b.addInt(tr("Clients per GPU"), QStringLiteral("gpuSharing.maxClientsPerGpu"), PlanLimits::kMinSharedClientsPerGpu,
             PlanLimits::kMaxSharedClientsPerGpu,
             [P] { return std::optional<int>(P() && P()->gpuSharing ? P()->gpuSharing->maxClientsPerGpu : PlanLimits::kMinSharedClientsPerGpu); },
             [edit](std::optional<int> v, int g) {
                 edit(PoolField::GpuSharing, [v](auto& p) {
                     if (p.gpuSharing)
                         p.gpuSharing->maxClientsPerGpu = v.value_or(PlanLimits::kMinSharedClientsPerGpu);
                 }, g);
             });
    b.setEnabledWhen(QStringLiteral("gpuSharing.maxClientsPerGpu"), [P] { return P() && P()->gpuSharing.has_value(); });
    b.addChoice(tr("GPU driver"), QStringLiteral("gpuDriverVersion"),
                [] {
                    std::vector<Choice> out{{QString(), tr("(default)")}};
                    for (const auto& v : io::gpuDriverVersions())
                        out.push_back({q(v), q(v)});
                    return out;
                },
                [P] { return P() ? q(P()->gpuDriverVersion) : QString(); },
                [edit](const QString& v) { edit(PoolField::GpuDriverVersion, [v](auto& p) { p.gpuDriverVersion = s(v); }); });

    b.addSection(tr("Nodes"));
    b.addInt(tr("Max Pods per node"), QStringLiteral("maxPodsPerNode"), 1, PlanLimits::kMaxPodsPerNode,
             [P] { return P() ? P()->maxPodsPerNode : std::nullopt; },
             [edit](std::optional<int> v, int g) { edit(PoolField::MaxPodsPerNode, [v](auto& p) { p.maxPodsPerNode = v; }, g); },
             tr("provider default"));
    b.addInt(tr("Boot disk"), QStringLiteral("diskSizeGiB"), PlanLimits::kMinDiskGiB, int(PlanLimits::kMaxDiskGiB),
             [P] { return P() && P()->diskSizeGiB ? std::optional<int>(int(*P()->diskSizeGiB)) : std::nullopt; },
             [edit](std::optional<int> v, int g) {
                 edit(PoolField::DiskSize, [v](auto& p) { p.diskSizeGiB = v ? std::optional<int64_t>(*v) : std::nullopt; }, g);
             },
             tr("provider default"), tr(" GiB"));
    b.addText(tr("Zones"), QStringLiteral("zones"), [P] { return P() ? document::fieldtext::formatList(P()->zones) : QString(); }, {},
              [edit](const QString& v) { edit(PoolField::Zones, [v](auto& p) { p.zones = document::fieldtext::parseList(v); }); },
              tr("e.g. us-central1-a, us-central1-b"));
    b.addText(tr("Node labels"), QStringLiteral("labels"), [P] { return P() ? document::fieldtext::formatStringMap(P()->labels) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseLabels(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto m = document::fieldtext::parseLabels(v, &e))
                      edit(PoolField::Labels, [m](auto& p) { p.labels = *m; });
              },
              tr("key=value, …"));
    b.addText(tr("Taints"), QStringLiteral("taints"), [P] { return P() ? document::fieldtext::formatTaints(P()->taints) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseTaints(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto t = document::fieldtext::parseTaints(v, &e))
                      edit(PoolField::Taints, [t](auto& p) { p.taints = *t; });
              },
              tr("key=value:NoSchedule; …"));
    b.addChoice(tr("Placement"), QStringLiteral("placement"),
                [] { return enumChoices<model::Placement>([](model::Placement p) { return p == model::Placement::None ? tr("(none)") : tr("compact"); }); },
                [P] { return P() ? q(model::toString(P()->placement)) : QString(); },
                enumSetter<model::Placement>([edit](model::Placement pl) { edit(PoolField::Placement, [pl](auto& p) { p.placement = pl; }); }));
    if (provider == model::Provider::Gke) {
        b.addBool(tr("gVNIC"), QStringLiteral("gvnic"), [P] { return P() && P()->gvnic; },
                  [edit](bool on) { edit(PoolField::Gvnic, [on](auto& p) { p.gvnic = on; }); },
                  tr("fixed when the pool is created"));
    } else {
        b.addBool(tr("EFA"), QStringLiteral("efa"), [P] { return P() && P()->efa; },
                  [edit](bool on) { edit(PoolField::Efa, [on](auto& p) { p.efa = on; }); },
                  tr("Elastic Fabric Adapter and a cluster placement group"));
    }
}

void Inspector::buildWorkload(const std::string& workloadName)
{
    document::PlanDocument* doc = m_document;
    const catalog::Catalog& cat = doc->catalog();
    FormBuilder& b = *m_builder;
    using document::WorkloadField;
    auto name = std::make_shared<std::string>(workloadName);
    auto W = [doc, name]() -> const model::Workload* { return doc->plan().workload(*name); };
    auto edit = [doc, name](WorkloadField f, std::function<void(model::Workload&)> fn, int g = 0) {
        document::editWorkload(doc, *name, f, fn, g);
    };
    const model::Workload* w0 = W();
    m_title->setText(tr("Workload %1").arg(q(workloadName)));
    m_subtitle->setText(w0 ? tr("In cluster %1. Requests are per Pod.").arg(q(w0->cluster)) : QString());

    b.addSection(tr("Workload"));
    b.addText(tr("Name"), QStringLiteral("name"), [W] { return W() ? q(W()->name) : QString(); },
              [doc, name](const QString& v) {
                  QString p = nameProblem(v.trimmed(), PlanLimits::kMaxWorkloadNameLength, false);
                  if (p.isEmpty() && s(v) != *name && doc->plan().workload(s(v)))
                      p = tr("another workload is called %1").arg(v.trimmed());
                  return p;
              },
              [this, doc, name](const QString& v) {
                  const std::string old = *name;
                  const model::Workload* w = doc->plan().workload(old);
                  const std::string cluster = w ? w->cluster : std::string();
                  *name = s(v);
                  m_object = ObjectRef::workload(cluster, *name);
                  if (!document::editWorkload(doc, old, WorkloadField::Name, [v](auto& wl) { wl.name = s(v); })) {
                      *name = old;
                      m_object = ObjectRef::workload(cluster, old);
                      return;
                  }
                  m_title->setText(tr("Workload %1").arg(q(*name)));
                  Q_EMIT objectRenamed(m_object);
              });
    b.addChoice(tr("Kind"), QStringLiteral("kind"),
                [] {
                    return enumChoices<model::WorkloadKind>([](model::WorkloadKind k) {
                        switch (k) {
                        case model::WorkloadKind::Training: return tr("training");
                        case model::WorkloadKind::Inference: return tr("inference");
                        case model::WorkloadKind::Batch: return tr("batch");
                        case model::WorkloadKind::Notebook: return tr("notebook");
                        }
                        return QString();
                    });
                },
                [W] { return W() ? q(model::toString(W()->kind)) : QString(); },
                enumSetter<model::WorkloadKind>([edit](model::WorkloadKind k) { edit(WorkloadField::Kind, [k](auto& w) { w.kind = k; }); }));
    b.addChoice(tr("Cluster"), QStringLiteral("cluster"),
                [doc] {
                    std::vector<Choice> out;
                    for (const auto& c : doc->plan().clusters)
                        out.push_back({q(c.name), q(c.name)});
                    return out;
                },
                [W] { return W() ? q(W()->cluster) : QString(); },
                [edit](const QString& v) {
                    // Another cluster: its pin (a pool of the old cluster) no longer applies.
                    edit(WorkloadField::Cluster, [v](auto& w) {
                        w.cluster = s(v);
                        w.pool.clear();
                    });
                });
    b.addText(tr("Namespace"), QStringLiteral("namespace"), [W] { return W() ? q(W()->nameSpace) : QString(); },
              [](const QString& v) { return v.trimmed().isEmpty() ? QString() : nameProblem(v.trimmed(), PlanLimits::kMaxWorkloadNameLength, false); },
              [edit](const QString& v) { edit(WorkloadField::Namespace, [v](auto& w) { w.nameSpace = s(v); }); },
              tr("default"));
    b.addText(tr("Image"), QStringLiteral("image"), [W] { return W() ? q(W()->image) : QString(); }, {},
              [edit](const QString& v) { edit(WorkloadField::Image, [v](auto& w) { w.image = s(v); }); },
              tr("registry/repository:tag"));
    b.addText(tr("Labels"), QStringLiteral("labels"), [W] { return W() ? document::fieldtext::formatStringMap(W()->labels) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseLabels(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto m = document::fieldtext::parseLabels(v, &e))
                      edit(WorkloadField::Labels, [m](auto& w) { w.labels = *m; });
              },
              tr("key=value, …"));

    b.addSection(tr("Scheduling"));
    b.addInt(tr("Replicas"), QStringLiteral("replicas"), 1, PlanLimits::kMaxReplicas,
             [W] { return std::optional<int>(W() ? W()->replicas : 1); },
             [edit](std::optional<int> v, int g) { edit(WorkloadField::Replicas, [v](auto& w) { w.replicas = v.value_or(1); }, g); });
    b.addBool(tr("Gang"), QStringLiteral("gang"), [W] { return W() && W()->gang; },
              [edit](bool on) { edit(WorkloadField::Gang, [on](auto& w) { w.gang = on; }); },
              tr("all replicas start together, or none"));
    b.addChoice(tr("Pool"), QStringLiteral("pool"),
                [doc, W] {
                    std::vector<Choice> out{{QString(), tr("(solver's choice)")}};
                    const model::Cluster* c = W() ? doc->plan().cluster(W()->cluster) : nullptr;
                    if (c) {
                        for (const auto& p : c->nodePools)
                            out.push_back({q(p.name), q(p.name)});
                    }
                    return out;
                },
                [W] { return W() ? q(W()->pool) : QString(); },
                [edit](const QString& v) { edit(WorkloadField::Pool, [v](auto& w) { w.pool = s(v); }); });
    b.addInt(tr("Replicas per node"), QStringLiteral("maxPerNode"), 1, PlanLimits::kMaxPerNode,
             [W] { return W() && W()->maxPerNode > 0 ? std::optional<int>(W()->maxPerNode) : std::nullopt; },
             [edit](std::optional<int> v, int g) { edit(WorkloadField::MaxPerNode, [v](auto& w) { w.maxPerNode = v.value_or(0); }, g); },
             tr("no limit"));
    b.addBool(tr("Spot"), QStringLiteral("spot"), [W] { return W() && W()->spot; },
              [edit](bool on) { edit(WorkloadField::Spot, [on](auto& w) { w.spot = on; }); }, tr("tolerates Spot capacity"));
    b.addText(tr("Node selector"), QStringLiteral("nodeSelector"), [W] { return W() ? document::fieldtext::formatStringMap(W()->nodeSelector) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseLabels(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto m = document::fieldtext::parseLabels(v, &e))
                      edit(WorkloadField::NodeSelector, [m](auto& w) { w.nodeSelector = *m; });
              },
              tr("key=value, …"));
    b.addText(tr("Tolerations"), QStringLiteral("tolerations"), [W] { return W() ? document::fieldtext::formatTolerations(W()->tolerations) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseTolerations(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto t = document::fieldtext::parseTolerations(v, &e))
                      edit(WorkloadField::Tolerations, [t](auto& w) { w.tolerations = *t; });
              },
              tr("key:NoSchedule (exists); key=value:NoSchedule; …"));

    b.addSection(tr("Requests per Pod"));
    b.addText(tr("CPU"), QStringLiteral("resources.cpu"), [W] { return W() ? q(model::formatCpuMilli(W()->resources.cpuMilli)) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseCpu(v, PlanLimits::kMaxPodCpuMilli, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto c = document::fieldtext::parseCpu(v, PlanLimits::kMaxPodCpuMilli, &e))
                      edit(WorkloadField::Cpu, [c](auto& w) { w.resources.cpuMilli = *c; });
              },
              tr("e.g. 500m or 8"));
    b.addText(tr("Memory"), QStringLiteral("resources.memory"), [W] { return W() ? q(model::formatBytes(W()->resources.memoryBytes)) : QString(); },
              [](const QString& v) {
                  QString e;
                  const auto m = document::fieldtext::parseBytes(v, PlanLimits::kMaxPodMemory, &e);
                  if (m && *m <= 0)
                      return tr("must be more than 0");
                  return m ? QString() : e;
              },
              [edit](const QString& v) {
                  QString e;
                  if (auto m = document::fieldtext::parseBytes(v, PlanLimits::kMaxPodMemory, &e); m && *m > 0)
                      edit(WorkloadField::Memory, [m](auto& w) { w.resources.memoryBytes = *m; });
              },
              tr("e.g. 32Gi"));
    b.addText(tr("Ephemeral storage"), QStringLiteral("resources.ephemeralStorage"),
              [W] { return W() && W()->resources.ephemeralStorageBytes ? q(model::formatBytes(W()->resources.ephemeralStorageBytes)) : QString(); },
              [](const QString& v) {
                  if (v.trimmed().isEmpty())
                      return QString();
                  QString e;
                  return document::fieldtext::parseBytes(v, PlanLimits::kMaxPodStorage, &e) ? QString() : e;
              },
              [edit](const QString& v) {
                  QString e;
                  const auto m = v.trimmed().isEmpty() ? std::optional<int64_t>(0) : document::fieldtext::parseBytes(v, PlanLimits::kMaxPodStorage, &e);
                  if (m)
                      edit(WorkloadField::EphemeralStorage, [m](auto& w) { w.resources.ephemeralStorageBytes = *m; });
              },
              tr("none"));
    b.addChoice(tr("GPU model"), QStringLiteral("resources.gpu.type"),
                [&cat] {
                    std::vector<Choice> out{{QString(), tr("(no GPU)")}};
                    for (const auto& a : cat.accelerators()) {
                        if (a.kind == catalog::AcceleratorKind::Gpu)
                            out.push_back({q(a.name), a.displayName.empty() ? q(a.name) : QStringLiteral("%1 (%2)").arg(q(a.displayName), q(a.name))});
                    }
                    return out;
                },
                [W] { return W() && W()->resources.gpu ? q(W()->resources.gpu->type) : QString(); },
                [edit](const QString& v) {
                    edit(WorkloadField::Gpu, [v](auto& w) {
                        if (v.isEmpty()) {
                            w.resources.gpu.reset();
                            return;
                        }
                        model::GpuRequest g = w.resources.gpu.value_or(model::GpuRequest{"", 1, ""});
                        if (g.type != s(v))
                            g.partition.clear(); // profiles differ between GPU models
                        g.type = s(v);
                        g.count = std::max(1, g.count);
                        w.resources.gpu = g;
                        w.resources.tpu.reset(); // a Pod gets one kind of accelerator
                    });
                });
    b.addInt(tr("GPUs per Pod"), QStringLiteral("resources.gpu.count"), 1, PlanLimits::kMaxGpusPerPod,
             [W] { return std::optional<int>(W() && W()->resources.gpu ? W()->resources.gpu->count : 1); },
             [edit](std::optional<int> v, int g) {
                 edit(WorkloadField::Gpu, [v](auto& w) {
                     if (w.resources.gpu)
                         w.resources.gpu->count = v.value_or(1);
                 }, g);
             });
    b.setEnabledWhen(QStringLiteral("resources.gpu.count"),
                     [W] { return W() && W()->resources.gpu && W()->resources.gpu->partition.empty(); });
    b.addChoice(tr("MIG partition"), QStringLiteral("resources.gpu.partition"),
                [W, &cat] {
                    std::vector<Choice> out{{QString(), tr("(whole GPUs)")}};
                    const catalog::Accelerator* a = W() && W()->resources.gpu ? cat.accelerator(W()->resources.gpu->type) : nullptr;
                    if (a) {
                        for (const auto& m : a->mig)
                            out.push_back({q(m.name), tr("%1 (%2 per GPU)").arg(q(m.name)).arg(m.maxPerGpu)});
                    }
                    return out;
                },
                [W] { return W() && W()->resources.gpu ? q(W()->resources.gpu->partition) : QString(); },
                [edit](const QString& v) {
                    edit(WorkloadField::Gpu, [v](auto& w) {
                        if (!w.resources.gpu)
                            return;
                        w.resources.gpu->partition = s(v);
                        if (!v.isEmpty())
                            w.resources.gpu->count = 1;
                    });
                });
    b.setEnabledWhen(QStringLiteral("resources.gpu.partition"), [W] { return W() && W()->resources.gpu.has_value(); });
    b.addChoice(tr("TPU"), QStringLiteral("resources.tpu.type"),
                [&cat] {
                    std::vector<Choice> out{{QString(), tr("(no TPU)")}};
                    for (const auto& g : cat.tpuGenerations())
                        out.push_back({q(g.acceleratorLabel), QStringLiteral("%1 (%2)").arg(q(g.name), q(g.acceleratorLabel))});
                    return out;
                },
                [W] { return W() && W()->resources.tpu ? q(W()->resources.tpu->type) : QString(); },
                [edit, &cat](const QString& v) {
                    edit(WorkloadField::Tpu, [v, &cat](auto& w) {
                        if (v.isEmpty()) {
                            w.resources.tpu.reset();
                            return;
                        }
                        model::TpuRequest t = w.resources.tpu.value_or(model::TpuRequest{});
                        t.type = s(v);
                        if (t.topology.empty()) {
                            if (const catalog::TpuGeneration* gen = cat.tpuGeneration(t.type)) {
                                if (!gen->topologies2d.empty())
                                    t.topology = gen->topologies2d.front();
                                else if (!gen->smallTopologies3d.empty())
                                    t.topology = gen->smallTopologies3d.front();
                            }
                        }
                        w.resources.tpu = t;
                        w.resources.gpu.reset();
                    });
                });
    QStringList topologies;
    for (const auto& g : cat.tpuGenerations()) {
        for (const auto& t : g.topologies2d)
            topologies << q(t);
        for (const auto& t : g.smallTopologies3d)
            topologies << q(t);
    }
    topologies.removeDuplicates();
    b.addText(tr("TPU topology"), QStringLiteral("resources.tpu.topology"),
              [W] { return W() && W()->resources.tpu ? q(W()->resources.tpu->topology) : QString(); },
              [](const QString& v) { return v.trimmed().isEmpty() ? tr("a TPU request needs a topology") : QString(); },
              [edit](const QString& v) {
                  edit(WorkloadField::Tpu, [v](auto& w) {
                      if (w.resources.tpu)
                          w.resources.tpu->topology = s(v);
                  });
              },
              tr("e.g. 4x4"), topologies);
    b.setEnabledWhen(QStringLiteral("resources.tpu.topology"), [W] { return W() && W()->resources.tpu.has_value(); });
    b.addInt(tr("TPU slices"), QStringLiteral("resources.tpu.slices"), 1, PlanLimits::kMaxTpuSlices,
             [W] { return std::optional<int>(W() && W()->resources.tpu ? W()->resources.tpu->slices : 1); },
             [edit](std::optional<int> v, int g) {
                 edit(WorkloadField::Tpu, [v](auto& w) {
                     if (w.resources.tpu)
                         w.resources.tpu->slices = v.value_or(1);
                 }, g);
             });
    b.setEnabledWhen(QStringLiteral("resources.tpu.slices"), [W] { return W() && W()->resources.tpu.has_value(); });
    b.addText(tr("Other resources"), QStringLiteral("resources.extended"),
              [W] { return W() ? document::fieldtext::formatExtended(W()->resources.extended) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseExtended(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto m = document::fieldtext::parseExtended(v, &e))
                      edit(WorkloadField::Extended, [m](auto& w) { w.resources.extended = *m; });
              },
              tr("e.g. aws.amazon.com/neuron=1"));

    b.addSection(tr("Time"));
    b.addInt(tr("Hours per month"), QStringLiteral("hoursPerMonth"), 0, PlanLimits::kMaxHoursPerMonth,
             [W] { return W() ? W()->hoursPerMonth : std::nullopt; },
             [edit](std::optional<int> v, int g) { edit(WorkloadField::HoursPerMonth, [v](auto& w) { w.hoursPerMonth = v; }, g); },
             tr("plan default"), tr(" h"));
    b.addInt(tr("Maximum run time"), QStringLiteral("maxRunHours"), 1, PlanLimits::kMaxRunHours,
             [W] { return W() ? W()->maxRunHours : std::nullopt; },
             [edit](std::optional<int> v, int g) { edit(WorkloadField::MaxRunHours, [v](auto& w) { w.maxRunHours = v; }, g); },
             tr("not set"), tr(" h"));
    b.addBool(tr("Checkpointing"), QStringLiteral("checkpointing"), [W] { return W() && W()->checkpointing; },
              [edit](bool on) { edit(WorkloadField::Checkpointing, [on](auto& w) { w.checkpointing = on; }); },
              tr("the job can resume after a node is replaced"));

    b.addSection(tr("Data"));
    b.addText(tr("Data source"), QStringLiteral("data.source"), [W] { return W() && W()->data ? q(W()->data->source) : QString(); }, {},
              [edit](const QString& v) {
                  edit(WorkloadField::Data, [v](auto& w) {
                      if (v.trimmed().isEmpty()) {
                          w.data.reset();
                          return;
                      }
                      model::DataSource d = w.data.value_or(model::DataSource{});
                      d.source = s(v);
                      w.data = d;
                  });
              },
              tr("gs://…, s3://… or pvc:name"));
    b.addInt(tr("Data size"), QStringLiteral("data.sizeGiB"), 0, int(std::min<int64_t>(PlanLimits::kMaxDataSizeGiB, INT32_MAX)),
             [W] { return std::optional<int>(W() && W()->data ? int(W()->data->sizeGiB) : 0); },
             [edit](std::optional<int> v, int g) {
                 edit(WorkloadField::Data, [v](auto& w) {
                     if (w.data)
                         w.data->sizeGiB = v.value_or(0);
                 }, g);
             }, {}, tr(" GiB"));
    b.addText(tr("Data files"), QStringLiteral("data.files"), [W] { return W() && W()->data ? QString::number(W()->data->files) : QString(); },
              [](const QString& v) {
                  bool ok = false;
                  const qlonglong n = v.trimmed().toLongLong(&ok);
                  return ok && n >= 0 && n <= PlanLimits::kMaxDataFiles ? QString() : tr("a whole number from 0 to %1").arg(PlanLimits::kMaxDataFiles);
              },
              [edit](const QString& v) {
                  const qlonglong n = v.trimmed().toLongLong();
                  edit(WorkloadField::Data, [n](auto& w) {
                      if (w.data)
                          w.data->files = n;
                  });
              });
    b.setEnabledWhen(QStringLiteral("data.sizeGiB"), [W] { return W() && W()->data.has_value(); });
    b.setEnabledWhen(QStringLiteral("data.files"), [W] { return W() && W()->data.has_value(); });

    b.addSection(tr("Network and security"));
    b.addInt(tr("Serving port"), QStringLiteral("port"), 1, PlanLimits::kMaxPort,
             [W] { return W() && W()->port > 0 ? std::optional<int>(W()->port) : std::nullopt; },
             [edit](std::optional<int> v, int g) { edit(WorkloadField::Port, [v](auto& w) { w.port = v.value_or(0); }, g); },
             tr("none"));
    b.addText(tr("Host ports"), QStringLiteral("hostPorts"), [W] { return W() ? document::fieldtext::formatPorts(W()->hostPorts) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parsePorts(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto p = document::fieldtext::parsePorts(v, &e))
                      edit(WorkloadField::HostPorts, [p](auto& w) { w.hostPorts = *p; });
              });
    b.addText(tr("Host paths"), QStringLiteral("hostPaths"), [W] { return W() ? document::fieldtext::formatHostPaths(W()->hostPaths) : QString(); },
              [](const QString& v) { QString e; return document::fieldtext::parseHostPaths(v, &e) ? QString() : e; },
              [edit](const QString& v) {
                  QString e;
                  if (auto p = document::fieldtext::parseHostPaths(v, &e))
                      edit(WorkloadField::HostPaths, [p](auto& w) { w.hostPaths = *p; });
              },
              tr("/path:ro, /path:rw"));
    b.addBool(tr("Privileged"), QStringLiteral("privileged"), [W] { return W() && W()->privileged; },
              [edit](bool on) { edit(WorkloadField::Privileged, [on](auto& w) { w.privileged = on; }); });
    b.addText(tr("Capabilities"), QStringLiteral("capabilities"), [W] { return W() ? document::fieldtext::formatList(W()->capabilities) : QString(); }, {},
              [edit](const QString& v) { edit(WorkloadField::Capabilities, [v](auto& w) { w.capabilities = document::fieldtext::parseList(v); }); },
              tr("e.g. SYS_ADMIN"));
}

} // namespace cw::widgets
