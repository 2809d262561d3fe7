// SPDX-License-Identifier: GPL-3.0-or-later
// Plans for the GUI benchmarks, built in code so that their size is exact.
#pragma once

#include "model/plan.h"
#include "model/quantity.h"

#include "document/plandocument.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <string>

namespace cw::bench {

// A GKE Standard cluster with CPU, memory-heavy and L4 pools and `pods` Pods spread over
// workloads of 100 replicas each: about one node per 4-8 Pods.
inline model::Plan largePlan(int pods)
{
    model::Plan plan;
    plan.name = "large-" + std::to_string(pods);
    model::Cluster c;
    c.name = "big";
    c.provider = model::Provider::Gke;
    c.location = "us-central1";
    auto pool = [](const std::string& name, std::vector<std::string> types, int maxNodes) {
        model::NodePool p;
        p.name = name;
        p.machineTypes = std::move(types);
        p.flexible = p.machineTypes.size() > 1;
        p.maxNodes = maxNodes;
        return p;
    };
    c.nodePools.push_back(pool("cpu", {"n2-standard-16", "n2-standard-32"}, 5000));
    c.nodePools.push_back(pool("highmem", {"n2-highmem-16"}, 5000));
    model::NodePool l4 = pool("l4", {"g2-standard-12"}, 5000);
    l4.taints.push_back({"nvidia.com/gpu", "present", model::TaintEffect::NoSchedule});
    c.nodePools.push_back(l4);
    plan.clusters.push_back(c);
    const int workloads = (pods + 99) / 100;
    for (int i = 0; i < workloads; ++i) {
        model::Workload w;
        w.name = "svc-" + std::to_string(i);
        w.cluster = "big";
        w.kind = model::WorkloadKind::Inference;
        w.replicas = std::min(100, pods - i * 100);
        switch (i % 5) {
        case 0: w.resources.cpuMilli = 2000; w.resources.memoryBytes = 4 * model::kGi; break;
        case 1: w.resources.cpuMilli = 4000; w.resources.memoryBytes = 8 * model::kGi; break;
        case 2: w.resources.cpuMilli = 1000; w.resources.memoryBytes = 24 * model::kGi; break;
        case 3: w.resources.cpuMilli = 500; w.resources.memoryBytes = 1 * model::kGi; break;
        case 4:
            w.resources.cpuMilli = 8000;
            w.resources.memoryBytes = 32 * model::kGi;
            w.resources.gpu = model::GpuRequest{"nvidia-l4", 1, ""};
            w.tolerations.push_back({"nvidia.com/gpu", model::TolerationOperator::Exists, "", model::TaintEffect::NoSchedule});
            break;
        }
        plan.workloads.push_back(w);
    }
    return plan;
}

// Runs the event loop until the document's next solution arrives.
inline bool waitForSolution(document::PlanDocument* doc, int timeoutMs)
{
    QEventLoop loop;
    bool arrived = false;
    QObject::connect(doc, &document::PlanDocument::solutionChanged, &loop, [&] {
        arrived = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return arrived;
}

// Resident memory of this process now and at its peak, in MiB.
inline std::pair<double, double> memoryMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    double rss = 0, hwm = 0;
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                rss = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
            if (line.startsWith("VmHWM:"))
                hwm = line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    return {rss, hwm};
}

} // namespace cw::bench
