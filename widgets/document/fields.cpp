// SPDX-License-Identifier: GPL-3.0-or-later
#include "fields.h"

#include <QCoreApplication>

namespace cw::document {

namespace {

QString label(const char* text)
{
    return QCoreApplication::translate("Fields", text);
}

} // namespace

QString fieldLabel(WorkloadField field)
{
    switch (field) {
    case WorkloadField::Name: return label(QT_TRANSLATE_NOOP("Fields", "name"));
    case WorkloadField::Cluster: return label(QT_TRANSLATE_NOOP("Fields", "cluster"));
    case WorkloadField::Kind: return label(QT_TRANSLATE_NOOP("Fields", "kind"));
    case WorkloadField::Replicas: return label(QT_TRANSLATE_NOOP("Fields", "replicas"));
    case WorkloadField::Gang: return label(QT_TRANSLATE_NOOP("Fields", "gang scheduling"));
    case WorkloadField::Pool: return label(QT_TRANSLATE_NOOP("Fields", "pool"));
    case WorkloadField::Cpu: return label(QT_TRANSLATE_NOOP("Fields", "CPU request"));
    case WorkloadField::Memory: return label(QT_TRANSLATE_NOOP("Fields", "memory request"));
    case WorkloadField::EphemeralStorage: return label(QT_TRANSLATE_NOOP("Fields", "ephemeral storage"));
    case WorkloadField::Gpu: return label(QT_TRANSLATE_NOOP("Fields", "GPU request"));
    case WorkloadField::Tpu: return label(QT_TRANSLATE_NOOP("Fields", "TPU request"));
    case WorkloadField::Extended: return label(QT_TRANSLATE_NOOP("Fields", "extended resources"));
    case WorkloadField::HoursPerMonth: return label(QT_TRANSLATE_NOOP("Fields", "hours per month"));
    case WorkloadField::Image: return label(QT_TRANSLATE_NOOP("Fields", "image"));
    case WorkloadField::Namespace: return label(QT_TRANSLATE_NOOP("Fields", "namespace"));
    case WorkloadField::Data: return label(QT_TRANSLATE_NOOP("Fields", "data source"));
    case WorkloadField::Checkpointing: return label(QT_TRANSLATE_NOOP("Fields", "checkpointing"));
    case WorkloadField::Privileged: return label(QT_TRANSLATE_NOOP("Fields", "privileged"));
    case WorkloadField::Spot: return label(QT_TRANSLATE_NOOP("Fields", "Spot tolerance"));
    case WorkloadField::Capabilities: return label(QT_TRANSLATE_NOOP("Fields", "capabilities"));
    case WorkloadField::HostPaths: return label(QT_TRANSLATE_NOOP("Fields", "host paths"));
    case WorkloadField::HostPorts: return label(QT_TRANSLATE_NOOP("Fields", "host ports"));
    case WorkloadField::MaxPerNode: return label(QT_TRANSLATE_NOOP("Fields", "replicas per node"));
    case WorkloadField::NodeSelector: return label(QT_TRANSLATE_NOOP("Fields", "node selector"));
    case WorkloadField::Tolerations: return label(QT_TRANSLATE_NOOP("Fields", "tolerations"));
    case WorkloadField::Port: return label(QT_TRANSLATE_NOOP("Fields", "serving port"));
    case WorkloadField::MaxRunHours: return label(QT_TRANSLATE_NOOP("Fields", "maximum run time"));
    case WorkloadField::Labels: return label(QT_TRANSLATE_NOOP("Fields", "labels"));
    }
    return {};
}

QString fieldLabel(PoolField field)
{
    switch (field) {
    case PoolField::Name: return label(QT_TRANSLATE_NOOP("Fields", "name"));
    case PoolField::MachineTypes: return label(QT_TRANSLATE_NOOP("Fields", "machine types"));
    case PoolField::Capacity: return label(QT_TRANSLATE_NOOP("Fields", "capacity type"));
    case PoolField::MinNodes: return label(QT_TRANSLATE_NOOP("Fields", "minimum nodes"));
    case PoolField::MaxNodes: return label(QT_TRANSLATE_NOOP("Fields", "maximum nodes"));
    case PoolField::InitialNodes: return label(QT_TRANSLATE_NOOP("Fields", "initial nodes"));
    case PoolField::Gvnic: return label(QT_TRANSLATE_NOOP("Fields", "gVNIC"));
    case PoolField::Placement: return label(QT_TRANSLATE_NOOP("Fields", "placement"));
    case PoolField::QueuedProvisioning: return label(QT_TRANSLATE_NOOP("Fields", "queued provisioning"));
    case PoolField::Reservation: return label(QT_TRANSLATE_NOOP("Fields", "reservation"));
    case PoolField::Labels: return label(QT_TRANSLATE_NOOP("Fields", "node labels"));
    case PoolField::Taints: return label(QT_TRANSLATE_NOOP("Fields", "taints"));
    case PoolField::Existing: return label(QT_TRANSLATE_NOOP("Fields", "existing pool"));
    case PoolField::TpuTopology: return label(QT_TRANSLATE_NOOP("Fields", "TPU topology"));
    case PoolField::GpuPartitionSize: return label(QT_TRANSLATE_NOOP("Fields", "MIG partition size"));
    case PoolField::GpuSharing: return label(QT_TRANSLATE_NOOP("Fields", "GPU sharing"));
    case PoolField::GpuDriverVersion: return label(QT_TRANSLATE_NOOP("Fields", "GPU driver version"));
    case PoolField::MaxPodsPerNode: return label(QT_TRANSLATE_NOOP("Fields", "maximum Pods per node"));
    case PoolField::Zones: return label(QT_TRANSLATE_NOOP("Fields", "zones"));
    case PoolField::AutoRepair: return label(QT_TRANSLATE_NOOP("Fields", "auto-repair"));
    case PoolField::DiskSize: return label(QT_TRANSLATE_NOOP("Fields", "boot disk size"));
    case PoolField::Efa: return label(QT_TRANSLATE_NOOP("Fields", "EFA"));
    }
    return {};
}

QString fieldLabel(ClusterField field)
{
    switch (field) {
    case ClusterField::Name: return label(QT_TRANSLATE_NOOP("Fields", "name"));
    case ClusterField::Provider: return label(QT_TRANSLATE_NOOP("Fields", "provider"));
    case ClusterField::Mode: return label(QT_TRANSLATE_NOOP("Fields", "mode"));
    case ClusterField::Location: return label(QT_TRANSLATE_NOOP("Fields", "location"));
    case ClusterField::KubernetesVersion: return label(QT_TRANSLATE_NOOP("Fields", "Kubernetes version"));
    case ClusterField::ReleaseChannel: return label(QT_TRANSLATE_NOOP("Fields", "release channel"));
    case ClusterField::Support: return label(QT_TRANSLATE_NOOP("Fields", "support tier"));
    case ClusterField::Project: return label(QT_TRANSLATE_NOOP("Fields", "project"));
    case ClusterField::DaemonSets: return label(QT_TRANSLATE_NOOP("Fields", "DaemonSets"));
    }
    return {};
}

QString fieldLabel(PlanField field)
{
    switch (field) {
    case PlanField::Name: return label(QT_TRANSLATE_NOOP("Fields", "name"));
    case PlanField::Description: return label(QT_TRANSLATE_NOOP("Fields", "description"));
    case PlanField::HoursPerMonth: return label(QT_TRANSLATE_NOOP("Fields", "hours per month"));
    case PlanField::FreeTierCredit: return label(QT_TRANSLATE_NOOP("Fields", "free-tier credit"));
    }
    return {};
}

} // namespace cw::document
