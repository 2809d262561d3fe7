// SPDX-License-Identifier: GPL-3.0-or-later
// The item models of the panels, under QAbstractItemModelTester while the plan is edited.
#include "canvas/mimetypes.h"
#include "catalog/catalog.h"
#include "document/editing.h"
#include "document/plandocument.h"
#include "document/workloadcommands.h"
#include "io/planreader.h"
#include "panels/diagnosticsmodel.h"
#include "panels/plantreemodel.h"
#include "panels/templatemodel.h"
#include "resources/embedded.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QUndoStack>
#include <QtTest>

using namespace cw;
using namespace cw::widgets;
using document::ObjectRef;

namespace {

std::unique_ptr<document::PlanDocument> example()
{
    const auto text = resources::file("examples/genai-platform.yaml");
    auto doc = document::PlanDocument::fromPlan(*io::readPlanText(*text, "genai-platform.yaml").plan, catalog::Catalog::embedded());
    doc->setAutoSolve(false);
    return doc;
}

// Edits that reshape the tree and edits that keep its shape, then undo them all.
void exercise(document::PlanDocument* doc)
{
    document::editWorkload(doc, "api-gateway", document::WorkloadField::Replicas, [](auto& w) { w.replicas = 3; });
    document::editWorkload(doc, "notebooks", document::WorkloadField::Name, [](auto& w) { w.name = "jupyter"; });
    document::removeWorkloads(doc, {"embeddings"});
    document::removePool(doc, "gke-ai", "a100-mig");
    document::removeCluster(doc, "gke-serve-ap");
    document::editPool(doc, "gke-ai", "l4", document::PoolField::MachineTypes, [](auto& p) { p.machineTypes = {"no-such-machine"}; });
    while (doc->undoStack()->canUndo())
        doc->undoStack()->undo();
    while (doc->undoStack()->canRedo())
        doc->undoStack()->redo();
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void planTreeModel()
    {
        auto doc = example();
        PlanTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(doc.get());
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex gke = model.index(0, 0);
        QCOMPARE(model.data(gke).toString(), QStringLiteral("gke-ai"));
        QCOMPARE(model.rowCount(gke), 5 + 6); // pools, then workloads
        QCOMPARE(model.refAt(model.index(0, 0, gke)), ObjectRef::pool("gke-ai", "a3-h100"));
        const QModelIndex train = model.indexOf(ObjectRef::workload("gke-ai", "llama-train"));
        QVERIFY(train.isValid());
        QCOMPARE(model.refAt(train), ObjectRef::workload("gke-ai", "llama-train"));
        QVERIFY(model.flags(train) & Qt::ItemIsDragEnabled);
        QVERIFY(!(model.flags(gke) & Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> mime(model.mimeData({train}));
        QCOMPARE(DragPayload::from(*mime).id, std::string("llama-train"));
        QCOMPARE(DragPayload::from(*mime).kind, DragPayload::Kind::Workload);
        exercise(doc.get());
        QVERIFY(model.indexOf(ObjectRef::workload("gke-ai", "jupyter")).isValid());
        model.setDocument(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    // An edit that keeps the tree's shape keeps its rows: no reset.
    void planTreeModelKeepsRowsOnDataEdits()
    {
        auto doc = example();
        PlanTreeModel model;
        model.setDocument(doc.get());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        document::editWorkload(doc.get(), "api-gateway", document::WorkloadField::Replicas, [](auto& w) { w.replicas = 3; });
        QCOMPARE(reset.count(), 0);
        QVERIFY(changed.count() > 0);
        document::removeWorkloads(doc.get(), {"api-gateway"});
        QCOMPARE(reset.count(), 1);
    }

    void templateModel()
    {
        TemplateModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("LLM training (GPU gang)"));
        QVERIFY(!model.data(model.index(0, 0), Qt::DecorationRole).isNull());
        QVERIFY(model.data(model.index(1, 0), Qt::ToolTipRole).toString().contains(QStringLiteral("TPU")));
        std::unique_ptr<QMimeData> mime(model.mimeData({model.index(4, 0)}));
        QCOMPARE(DragPayload::from(*mime).kind, DragPayload::Kind::Template);
        QCOMPARE(DragPayload::from(*mime).id, std::string("mig-inference"));
        QVERIFY(mime->hasFormat(templateMimeType()));
        QVERIFY(!mime->hasFormat(workloadMimeType()));
    }

    void diagnosticsModel()
    {
        auto doc = example();
        DiagnosticsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDocument(doc.get());
        const int notes = model.rowCount();
        QVERIFY(notes >= 1); // the unverified a3 price
        document::editPool(doc.get(), "gke-ai", "l4", document::PoolField::MachineTypes,
                           [](auto& p) { p.machineTypes = {"g2-standard-121"}; });
        QCOMPARE(model.errorCount(), 1);
        const QModelIndex first = model.index(0, 0);
        QCOMPARE(model.data(model.index(0, DiagnosticsModel::CodeColumn)).toString(), QStringLiteral("CW103"));
        QVERIFY(model.data(model.index(0, DiagnosticsModel::MessageColumn)).toString().contains(QStringLiteral("g2-standard-121")));
        QVERIFY(model.data(model.index(0, DiagnosticsModel::MessageColumn)).toString().contains(QStringLiteral("did you mean 'g2-standard-12'")));
        QCOMPARE(model.objectAt(first), ObjectRef::pool("gke-ai", "l4"));
        QVERIFY(model.data(model.index(0, DiagnosticsModel::LocationColumn)).toString().startsWith(QStringLiteral("genai-platform.yaml:")));
        exercise(doc.get());
        doc->undoStack()->setIndex(0);
        QCOMPARE(model.rowCount(), notes);
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
