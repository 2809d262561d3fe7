// SPDX-License-Identifier: GPL-3.0-or-later
// Undo commands of the plan document: every command redo -> check -> undo -> check -> redo ->
// check, continuous edits merging into one entry, macros.
#include "catalog/catalog.h"
#include "document/clustercommands.h"
#include "document/editing.h"
#include "document/plancommands.h"
#include "document/plandocument.h"
#include "document/poolcommands.h"
#include "document/templatelibrary.h"
#include "document/workloadcommands.h"
#include "io/planreader.h"
#include "model/quantity.h"
#include "resources/embedded.h"

#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace cw;
using namespace cw::document;

namespace {

model::Plan examplePlan()
{
    const auto text = resources::file("examples/genai-platform.yaml");
    auto r = io::readPlanText(*text, "genai-platform.yaml");
    return *r.plan;
}

struct CommandCase {
    const char* name;
    std::function<void(PlanDocument*)> push;
    std::function<bool(const model::Plan&)> check; // true when the command's effect is there
};

const std::vector<CommandCase>& cases()
{
    static const std::vector<CommandCase> all = {
        {"edit replicas",
         [](PlanDocument* d) { editWorkload(d, "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 12; }); },
         [](const model::Plan& p) { return p.workload("api-gateway")->replicas == 12; }},
        {"rename workload",
         [](PlanDocument* d) { editWorkload(d, "notebooks", WorkloadField::Name, [](auto& w) { w.name = "jupyter"; }); },
         [](const model::Plan& p) { return p.workload("jupyter") && !p.workload("notebooks"); }},
        {"edit gpu request",
         [](PlanDocument* d) {
             editWorkload(d, "vllm-llama-8b", WorkloadField::Gpu, [](auto& w) { w.resources.gpu->count = 2; });
         },
         [](const model::Plan& p) { return p.workload("vllm-llama-8b")->resources.gpu->count == 2; }},
        {"add workload",
         [](PlanDocument* d) {
             model::Workload w = findTemplate("batch-job")->workload;
             w.name = "new-batch";
             w.cluster = "gke-ai";
             d->undoStack()->push(new AddWorkloadCommand(d, w));
         },
         [](const model::Plan& p) { return p.workload("new-batch") && p.workload("new-batch")->cluster == "gke-ai"; }},
        {"remove workload",
         [](PlanDocument* d) { d->undoStack()->push(new RemoveWorkloadCommand(d, "embeddings")); },
         [](const model::Plan& p) { return !p.workload("embeddings"); }},
        {"pin workload",
         [](PlanDocument* d) { d->undoStack()->push(new PinWorkloadCommand(d, "api-gateway", "gke-ai", "general")); },
         [](const model::Plan& p) { return p.workload("api-gateway")->pool == "general"; }},
        {"move workload to another cluster",
         [](PlanDocument* d) { d->undoStack()->push(new PinWorkloadCommand(d, "notebooks", "eks-ai", "general")); },
         [](const model::Plan& p) {
             return p.workload("notebooks")->cluster == "eks-ai" && p.workload("notebooks")->pool == "general";
         }},
        {"unpin workload",
         [](PlanDocument* d) { d->undoStack()->push(new PinWorkloadCommand(d, "vllm-llama-8b", "gke-ai", "")); },
         [](const model::Plan& p) { return !p.workload("vllm-llama-8b")->isPinned(); }},
        {"duplicate workload",
         [](PlanDocument* d) { duplicateWorkload(d, "notebooks"); },
         [](const model::Plan& p) { return p.workload("notebooks-2") && p.workload("notebooks-2")->replicas == 5; }},
        {"remove two workloads (macro)",
         [](PlanDocument* d) { removeWorkloads(d, {"notebooks", "api-gateway"}); },
         [](const model::Plan& p) { return !p.workload("notebooks") && !p.workload("api-gateway"); }},
        {"edit pool max nodes",
         [](PlanDocument* d) { editPool(d, "gke-ai", "l4", PoolField::MaxNodes, [](auto& p) { p.maxNodes = 3; }); },
         [](const model::Plan& p) { return p.cluster("gke-ai")->pool("l4")->maxNodes == 3; }},
        {"rename pool moves pins",
         [](PlanDocument* d) { editPool(d, "gke-ai", "l4", PoolField::Name, [](auto& p) { p.name = "l4-serve"; }); },
         [](const model::Plan& p) {
             return p.cluster("gke-ai")->pool("l4-serve") && !p.cluster("gke-ai")->pool("l4")
                 && p.workload("vllm-llama-8b")->pool == "l4-serve";
         }},
        {"add pool",
         [](PlanDocument* d) {
             const auto& cat = d->catalog();
             d->undoStack()->push(new AddPoolCommand(d, "gke-ai", defaultPool(cat, *d->plan().cluster("gke-ai"), "cpu")));
         },
         [](const model::Plan& p) { return p.cluster("gke-ai")->pool("cpu") != nullptr; }},
        {"remove pool unpins (macro)",
         [](PlanDocument* d) { removePool(d, "gke-ai", "a100-mig"); },
         [](const model::Plan& p) {
             return !p.cluster("gke-ai")->pool("a100-mig") && !p.workload("embeddings")->isPinned();
         }},
        {"edit cluster location",
         [](PlanDocument* d) { editCluster(d, "eks-ai", ClusterField::Location, [](auto& c) { c.location = "us-east-1a"; }); },
         [](const model::Plan& p) { return p.cluster("eks-ai")->location == "us-east-1a"; }},
        {"rename cluster moves workloads",
         [](PlanDocument* d) { editCluster(d, "gke-serve-ap", ClusterField::Name, [](auto& c) { c.name = "serve"; }); },
         [](const model::Plan& p) {
             return p.cluster("serve") && p.workload("api-gateway-ap")->cluster == "serve";
         }},
        {"add cluster",
         [](PlanDocument* d) {
             d->undoStack()->push(new AddClusterCommand(d, defaultCluster(d->catalog(), model::Provider::Eks, "us-east-1", "eks-2")));
         },
         [](const model::Plan& p) { return p.cluster("eks-2") && p.cluster("eks-2")->nodePools.size() == 1; }},
        {"remove cluster with its workloads (macro)",
         [](PlanDocument* d) { removeCluster(d, "gke-serve-ap"); },
         [](const model::Plan& p) { return !p.cluster("gke-serve-ap") && !p.workload("api-gateway-ap"); }},
        {"edit plan hours",
         [](PlanDocument* d) { editPlan(d, PlanField::HoursPerMonth, [](auto& p) { p.hoursPerMonth = 500; }); },
         [](const model::Plan& p) { return p.hoursPerMonth == 500; }},
        {"replace plan",
         [](PlanDocument* d) {
             model::Plan other = d->plan();
             other.workloads.clear();
             d->undoStack()->push(new ReplacePlanCommand(d, other, QStringLiteral("Replace")));
         },
         [](const model::Plan& p) { return p.workloads.empty(); }},
    };
    return all;
}

} // namespace

class TestCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redoUndoRedo_data()
    {
        QTest::addColumn<int>("index");
        for (size_t i = 0; i < cases().size(); ++i)
            QTest::newRow(cases()[i].name) << int(i);
    }

    void redoUndoRedo()
    {
        QFETCH(int, index);
        const CommandCase& c = cases()[size_t(index)];
        auto doc = PlanDocument::fromPlan(examplePlan(), catalog::Catalog::embedded());
        doc->setAutoSolve(false);
        const model::Plan before = doc->plan();
        QVERIFY(!c.check(before));

        c.push(doc.get());                           // redo
        QCOMPARE(doc->undoStack()->count(), 1);      // one entry, macro or not
        QVERIFY(doc->isModified());
        QVERIFY(c.check(doc->plan()));
        const model::Plan after = doc->plan();

        doc->undoStack()->undo();                    // undo
        QVERIFY(doc->plan() == before);
        QVERIFY(!c.check(doc->plan()));
        QVERIFY(!doc->isModified());

        doc->undoStack()->redo();                    // redo
        QVERIFY(doc->plan() == after);
        QVERIFY(c.check(doc->plan()));
    }

    void commandTextIsSet()
    {
        auto doc = PlanDocument::fromPlan(examplePlan(), catalog::Catalog::embedded());
        doc->setAutoSolve(false);
        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 3; });
        QCOMPARE(doc->undoStack()->text(0), QStringLiteral("Change replicas of api-gateway"));
    }

    void noChangePushesNothing()
    {
        auto doc = PlanDocument::fromPlan(examplePlan(), catalog::Catalog::embedded());
        doc->setAutoSolve(false);
        QVERIFY(!editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 10; }));
        QVERIFY(!editWorkload(doc.get(), "no-such-workload", WorkloadField::Replicas, [](auto& w) { w.replicas = 1; }));
        QCOMPARE(doc->undoStack()->count(), 0);
    }

    // A spin box held down: one gesture, one undo entry; the next gesture is a new entry.
    void continuousEditsMerge()
    {
        auto doc = PlanDocument::fromPlan(examplePlan(), catalog::Catalog::embedded());
        doc->setAutoSolve(false);
        for (int r = 11; r <= 15; ++r)
            editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [r](auto& w) { w.replicas = r; }, 7);
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->plan().workload("api-gateway")->replicas, 15);

        // Another field in the same gesture does not merge with replicas.
        editWorkload(doc.get(), "api-gateway", WorkloadField::MaxPerNode, [](auto& w) { w.maxPerNode = 3; }, 7);
        QCOMPARE(doc->undoStack()->count(), 2);
        // A new gesture on replicas is a new entry.
        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 20; }, 8);
        QCOMPARE(doc->undoStack()->count(), 3);
        // Discrete edits never merge.
        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 21; });
        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 22; });
        QCOMPARE(doc->undoStack()->count(), 5);

        doc->undoStack()->setIndex(1);
        QCOMPARE(doc->plan().workload("api-gateway")->replicas, 15);
        doc->undoStack()->undo();
        QCOMPARE(doc->plan().workload("api-gateway")->replicas, 10);
    }

    void continuousPoolAndPlanEditsMerge()
    {
        auto doc = PlanDocument::fromPlan(examplePlan(), catalog::Catalog::embedded());
        doc->setAutoSolve(false);
        for (int n = 5; n <= 9; ++n)
            editPool(doc.get(), "gke-ai", "l4", PoolField::MaxNodes, [n](auto& p) { p.maxNodes = n; }, 3);
        for (int h = 600; h <= 610; ++h)
            editPlan(doc.get(), PlanField::HoursPerMonth, [h](auto& p) { p.hoursPerMonth = h; }, 4);
        for (const char* v : {"1.30", "1.31", "1.32"})
            editCluster(doc.get(), "eks-ai", ClusterField::KubernetesVersion, [v](auto& c) { c.kubernetesVersion = v; }, 5);
        QCOMPARE(doc->undoStack()->count(), 3);
        QCOMPARE(doc->plan().cluster("gke-ai")->pool("l4")->maxNodes.value(), 9);
        QCOMPARE(doc->plan().hoursPerMonth, 610);
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QVERIFY(doc->plan() == examplePlan());
    }

    // A gesture that returns to where it began leaves no entry behind.
    void gestureBackToStartIsObsolete()
    {
        auto doc = PlanDocument::fromPlan(examplePlan(), catalog::Catalog::embedded());
        doc->setAutoSolve(false);
        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 11; }, 9);
        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 10; }, 9);
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(!doc->isModified());
    }

    // Undoing through a rename: commands find objects by name, before and after.
    void undoThroughRename()
    {
        auto doc = PlanDocument::fromPlan(examplePlan(), catalog::Catalog::embedded());
        doc->setAutoSolve(false);
        editWorkload(doc.get(), "notebooks", WorkloadField::Replicas, [](auto& w) { w.replicas = 2; });
        editWorkload(doc.get(), "notebooks", WorkloadField::Name, [](auto& w) { w.name = "jupyter"; });
        editWorkload(doc.get(), "jupyter", WorkloadField::Replicas, [](auto& w) { w.replicas = 3; });
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QVERIFY(doc->plan() == examplePlan());
        doc->undoStack()->redo();
        doc->undoStack()->redo();
        doc->undoStack()->redo();
        QCOMPARE(doc->plan().workload("jupyter")->replicas, 3);
    }

    void templatesAreValidAndAdaptToPools()
    {
        QCOMPARE(int(workloadTemplates().size()), 6);
        const model::Plan plan = examplePlan();
        for (const auto& t : workloadTemplates()) {
            QVERIFY2(!t.title().isEmpty(), t.id.c_str());
            QVERIFY2(t.workload.resources.cpuMilli > 0, t.id.c_str());
        }
        const auto& cat = catalog::Catalog::embedded();
        // The GPU gang dropped on the EKS H100 pool keeps its 8 H100s; on the L4 pool it
        // becomes 1 L4 (g2-standard-12 has one).
        model::Workload onP5 = instantiateTemplate(*findTemplate("llm-training-gpu"), plan, cat, "eks-ai", "p5-train");
        QCOMPARE(onP5.resources.gpu->type, std::string("nvidia-h100-80gb"));
        QCOMPARE(onP5.resources.gpu->count, 8);
        QCOMPARE(onP5.pool, std::string("p5-train"));
        QCOMPARE(onP5.cluster, std::string("eks-ai"));
        model::Workload onL4 = instantiateTemplate(*findTemplate("llm-training-gpu"), plan, cat, "gke-ai", "l4");
        QCOMPARE(onL4.resources.gpu->type, std::string("nvidia-l4"));
        QCOMPARE(onL4.resources.gpu->count, 1);
        // ... and no more CPU and memory than a g2-standard-12 offers to Pods.
        QVERIFY(onL4.resources.cpuMilli < 12000);
        QVERIFY(onL4.resources.memoryBytes < 48 * model::kGi);
        QCOMPARE(onP5.resources.cpuMilli, int64_t(180000)); // fits a p5.48xlarge as it is
        // A name that is taken gets a suffix.
        model::Plan withNotebook = plan;
        withNotebook.workloads.push_back(findTemplate("notebook")->workload);
        QCOMPARE(instantiateTemplate(*findTemplate("notebook"), withNotebook, cat, "gke-ai", "general").name,
                 std::string("notebook-2"));
    }
};

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
