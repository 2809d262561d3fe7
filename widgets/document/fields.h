// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace cw::document {

// The editable fields of each kind of plan object. An edit command names the field it
// changes, so that continuous edits of the same field merge and the undo text says what
// changed.
enum class WorkloadField {
    Name, Cluster, Kind, Replicas, Gang, Pool, Cpu, Memory, EphemeralStorage, Gpu, Tpu,
    Extended, HoursPerMonth, Image, Namespace, Data, Checkpointing, Privileged, Spot,
    Capabilities, HostPaths, HostPorts, MaxPerNode, NodeSelector, Tolerations, Port,
    MaxRunHours, Labels
};

enum class PoolField {
    Name, MachineTypes, Capacity, MinNodes, MaxNodes, InitialNodes, Gvnic, Placement,
    QueuedProvisioning, Reservation, Labels, Taints, Existing, TpuTopology, GpuPartitionSize,
    GpuSharing, GpuDriverVersion, MaxPodsPerNode, Zones, AutoRepair, DiskSize, Efa
};

enum class ClusterField {
    Name, Provider, Mode, Location, KubernetesVersion, ReleaseChannel, Support, Project, DaemonSets
};

enum class PlanField { Name, Description, HoursPerMonth, FreeTierCredit };

// The field's name as the user sees it (translated), e.g. "replicas", "machine types".
QString fieldLabel(WorkloadField field);
QString fieldLabel(PoolField field);
QString fieldLabel(ClusterField field);
QString fieldLabel(PlanField field);

} // namespace cw::document
