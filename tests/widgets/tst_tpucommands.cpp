// SPDX-License-Identifier: GPL-3.0-or-later
// The TPU undo commands, without any window: redo → check → undo → check → redo → check.
#include "catalog/catalog.h"
#include "document/plandocument.h"
#include "document/tpucommands.h"
#include "io/planreader.h"

#include <QUndoStack>
#include <QtTest>

using namespace cw;

namespace {

std::unique_ptr<document::PlanDocument> open(const QString& path)
{
    io::PlanReadResult r = io::readPlanFile(path.toStdString());
    if (!r.plan)
        qFatal("cannot read %s", qPrintable(path));
    return document::PlanDocument::fromPlan(*r.plan, catalog::Catalog::embedded());
}

QString plans(const char* name)
{
    return QStringLiteral(CW_TEST_DATA_DIR "/tpu/plans/%1.yaml").arg(QLatin1String(name));
}

int errors(const document::PlanDocument& doc)
{
    return doc.diagnostics().errorCount();
}

} // namespace

class TestTpuCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void assign()
    {
        auto doc = open(QStringLiteral(CW_SOURCE_DIR "/resources/examples/tpu-training-gke.yaml"));
        doc->modify([](model::Plan& plan) {
            plan.workload("t5-pretrain-v4")->pool.clear();
        });
        const model::Plan before = doc->plan();

        doc->undoStack()->push(new document::AssignTpuWorkloadCommand(doc.get(), "t5-pretrain-v4", "v4-2x2x4"));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(QString::fromStdString(doc->plan().workload("t5-pretrain-v4")->pool), QStringLiteral("v4-2x2x4"));
        QCOMPARE(errors(*doc), 0);
        QVERIFY(doc->isModified());

        doc->undoStack()->undo();
        QVERIFY(doc->plan() == before);
        QVERIFY(doc->plan().workload("t5-pretrain-v4")->pool.empty());

        doc->undoStack()->redo();
        QCOMPARE(QString::fromStdString(doc->plan().workload("t5-pretrain-v4")->pool), QStringLiteral("v4-2x2x4"));
        QCOMPARE(errors(*doc), 0);
        QVERIFY(doc->undoStack()->text(0).contains(QLatin1String("t5-pretrain-v4")));
    }

    // A drop on an equivalent shape takes the pool's topology: one command, one undo.
    void assignAdoptsTopology()
    {
        auto doc = open(plans("workload-equivalent-topology"));
        doc->modify([](model::Plan& plan) {
            plan.workload("train")->pool.clear();
        });
        const model::Plan before = doc->plan();

        doc->undoStack()->push(new document::AssignTpuWorkloadCommand(doc.get(), "train", "v4", "4x4x8"));
        QCOMPARE(QString::fromStdString(doc->plan().workload("train")->resources.tpu->topology), QStringLiteral("4x4x8"));
        QCOMPARE(QString::fromStdString(doc->plan().workload("train")->pool), QStringLiteral("v4"));
        QCOMPARE(errors(*doc), 0);

        doc->undoStack()->undo();
        QVERIFY(doc->plan() == before);
        QCOMPARE(QString::fromStdString(doc->plan().workload("train")->resources.tpu->topology), QStringLiteral("4x8x4"));

        doc->undoStack()->redo();
        QCOMPARE(QString::fromStdString(doc->plan().workload("train")->resources.tpu->topology), QStringLiteral("4x4x8"));
        QCOMPARE(errors(*doc), 0);
    }

    // Turning a v4 4x4x8 slice into 8x4x4: the pinned workload follows.
    void changeTopology()
    {
        auto doc = open(plans("workload-equivalent-topology"));
        doc->modify([](model::Plan& plan) {
            plan.workload("train")->resources.tpu->topology = "4x4x8";
        });
        QCOMPARE(errors(*doc), 0);
        const model::Plan before = doc->plan();

        doc->undoStack()->push(new document::ChangeTpuTopologyCommand(doc.get(), "c1", "v4", "8x4x4"));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(QString::fromStdString(doc->plan().cluster("c1")->pool("v4")->tpuTopology), QStringLiteral("8x4x4"));
        QCOMPARE(QString::fromStdString(doc->plan().workload("train")->resources.tpu->topology), QStringLiteral("8x4x4"));
        QCOMPARE(doc->plan().workload("train")->replicas, 32);
        QCOMPARE(*doc->plan().cluster("c1")->pool("v4")->maxNodes, 32);
        QCOMPARE(errors(*doc), 0);

        doc->undoStack()->undo();
        QVERIFY(doc->plan() == before);

        doc->undoStack()->redo();
        QCOMPARE(QString::fromStdString(doc->plan().cluster("c1")->pool("v4")->tpuTopology), QStringLiteral("8x4x4"));
        QCOMPARE(errors(*doc), 0);
    }

    // v5e 2x4 from two 4-chip VMs to one 8-chip VM: machine, nodes and replicas follow.
    void changeMachine()
    {
        auto doc = open(plans("good-v5e-2x4-two-hosts"));
        QCOMPARE(errors(*doc), 0);
        const model::Plan before = doc->plan();

        doc->undoStack()->push(new document::ChangeTpuTopologyCommand(doc.get(), "c1", "v5e", "2x4", "ct5lp-hightpu-8t"));
        const model::NodePool& p = *doc->plan().cluster("c1")->pool("v5e");
        QCOMPARE(QString::fromStdString(p.machineType()), QStringLiteral("ct5lp-hightpu-8t"));
        QCOMPARE(QString::fromStdString(p.tpuTopology), QStringLiteral("2x4"));
        QCOMPARE(*p.maxNodes, 1);
        QCOMPARE(doc->plan().workload("train")->replicas, 1);
        QCOMPARE(errors(*doc), 0);

        doc->undoStack()->undo();
        QVERIFY(doc->plan() == before);
        QCOMPARE(*doc->plan().cluster("c1")->pool("v5e")->maxNodes, 2);
        QCOMPARE(doc->plan().workload("train")->replicas, 2);

        doc->undoStack()->redo();
        QCOMPARE(QString::fromStdString(doc->plan().cluster("c1")->pool("v5e")->machineType()), QStringLiteral("ct5lp-hightpu-8t"));
        QCOMPARE(errors(*doc), 0);
    }
};

QTEST_MAIN(TestTpuCommands)
#include "tst_tpucommands.moc"
