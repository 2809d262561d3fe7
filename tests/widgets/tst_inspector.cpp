// SPDX-License-Identifier: GPL-3.0-or-later
// The inspector edits the plan through undo commands; invalid input is refused in place.
#include "catalog/catalog.h"
#include "document/plandocument.h"
#include "inspector/inspector.h"
#include "io/planreader.h"
#include "resources/embedded.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
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

// Types text into a line edit and finishes editing, as a user would.
void typeInto(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

QLabel* errorLabelOf(QWidget* editor)
{
    // The error line sits under the editor in the same row.
    for (QLabel* l : editor->parentWidget()->findChildren<QLabel*>()) {
        if (l->wordWrap() && l->parentWidget() == editor->parentWidget())
            return l;
    }
    return nullptr;
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsAWorkloadField()
    {
        auto doc = example();
        Inspector inspector;
        inspector.setDocument(doc.get());
        inspector.setObject(ObjectRef::workload("gke-ai", "api-gateway"));
        inspector.show();
        auto* cpu = qobject_cast<QLineEdit*>(inspector.editorFor(QStringLiteral("resources.cpu")));
        QVERIFY(cpu);
        QCOMPARE(cpu->text(), QStringLiteral("1500m"));
        typeInto(cpu, QStringLiteral("2"));
        QCOMPARE(doc->undoStack()->count(), 1);
        QCOMPARE(doc->plan().workload("api-gateway")->resources.cpuMilli, 2000);
        doc->undoStack()->undo();
        QCOMPARE(cpu->text(), QStringLiteral("1500m")); // the editor follows undo
    }

    // Bad input shows the planner's reason and changes nothing.
    void invalidInputIsRefused_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("cpu not a quantity") << "resources.cpu" << "two" << "'two': a quantity";
        QTest::newRow("memory too large") << "resources.memory" << "200Ti" << "at most";
        QTest::newRow("name with capitals") << "name" << "API-Gateway" << "api-gateway";
        QTest::newRow("name taken") << "name" << "notebooks" << "notebooks";
        QTest::newRow("label key") << "labels" << "team/x/y=z" << "team/x/y";
        QTest::newRow("toleration effect") << "tolerations" << "nvidia.com/gpu:Sometimes" << "Sometimes";
        QTest::newRow("host port") << "hostPorts" << "80, 99999" << "99999";
    }

    void invalidInputIsRefused()
    {
        QFETCH(QString, path);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        auto doc = example();
        const model::Plan before = doc->plan();
        Inspector inspector;
        inspector.setDocument(doc.get());
        inspector.setObject(ObjectRef::workload("gke-ai", "api-gateway"));
        inspector.show();
        auto* edit = qobject_cast<QLineEdit*>(inspector.editorFor(path));
        QVERIFY(edit);
        typeInto(edit, text);
        QCOMPARE(doc->undoStack()->count(), 0);
        QVERIFY(doc->plan() == before);
        QLabel* error = errorLabelOf(edit);
        QVERIFY(error);
        QVERIFY(!error->isHidden());
        QVERIFY2(error->text().contains(reason), qPrintable(error->text()));
    }

    // A spin box held down is one undo entry.
    void spinBoxEditsMerge()
    {
        auto doc = example();
        Inspector inspector;
        inspector.setDocument(doc.get());
        inspector.setObject(ObjectRef::workload("gke-ai", "api-gateway"));
        inspector.show();
        auto* replicas = qobject_cast<QSpinBox*>(inspector.editorFor(QStringLiteral("replicas")));
        QVERIFY(replicas);
        replicas->setFocus();
        for (int i = 0; i < 5; ++i)
            replicas->stepUp();
        QCOMPARE(doc->plan().workload("api-gateway")->replicas, 15);
        QCOMPARE(doc->undoStack()->count(), 1);
        Q_EMIT replicas->editingFinished(); // the gesture ends
        replicas->stepUp();
        QCOMPARE(doc->undoStack()->count(), 2);
    }

    void editsAPoolAndFollowsARename()
    {
        auto doc = example();
        Inspector inspector;
        inspector.setDocument(doc.get());
        inspector.setObject(ObjectRef::pool("gke-ai", "l4"));
        inspector.show();
        auto* name = qobject_cast<QLineEdit*>(inspector.editorFor(QStringLiteral("name")));
        typeInto(name, QStringLiteral("l4-serve"));
        QCOMPARE(doc->plan().workload("vllm-llama-8b")->pool, std::string("l4-serve"));
        QCOMPARE(inspector.object(), ObjectRef::pool("gke-ai", "l4-serve"));
        auto* spot = qobject_cast<QComboBox*>(inspector.editorFor(QStringLiteral("capacity")));
        QVERIFY(spot);
        spot->setCurrentIndex(spot->findData(QStringLiteral("spot")));
        Q_EMIT spot->activated(spot->currentIndex());
        QCOMPARE(doc->plan().cluster("gke-ai")->pool("l4-serve")->capacity, model::Capacity::Spot);
        QCOMPARE(doc->undoStack()->count(), 2);
        // Undoing the rename leaves the inspector on something that exists.
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QVERIFY(inspector.object().existsIn(doc->plan()));
    }

    void diagnosticsOfTheObjectAreShown()
    {
        auto doc = example();
        Inspector inspector;
        inspector.setDocument(doc.get());
        inspector.setObject(ObjectRef::pool("gke-ai", "l4"));
        inspector.show();
        auto shows = [&](const QString& code) {
            for (QLabel* l : inspector.findChildren<QLabel*>()) {
                if (l->isVisible() && l->text().contains(code))
                    return true;
            }
            return false;
        };
        QVERIFY(!shows(QStringLiteral("CW103")));
        auto* machines = qobject_cast<QLineEdit*>(inspector.editorFor(QStringLiteral("machineTypes")));
        typeInto(machines, QStringLiteral("g2-standard-121"));
        QCOMPARE(doc->undoStack()->count(), 1);
        QVERIFY(shows(QStringLiteral("CW103")));
        QVERIFY(shows(QStringLiteral("g2-standard-121")));
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
