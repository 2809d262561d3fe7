// SPDX-License-Identifier: GPL-3.0-or-later
// Autosave and recovery, atomic saves, reload when the file changes on disk.
#include "catalog/catalog.h"
#include "document/autosave.h"
#include "document/editing.h"
#include "document/plandocument.h"
#include "io/planreader.h"
#include "io/planwriter.h"
#include "resources/embedded.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <unistd.h>

using namespace cw;
using namespace cw::document;

namespace {

QByteArray exampleText()
{
    const auto text = resources::file("examples/genai-platform.yaml");
    return QByteArray(text->data(), qsizetype(text->size()));
}

QString writeExample(const QTemporaryDir& dir, const QString& name = QStringLiteral("plan.yaml"))
{
    const QString path = dir.filePath(name);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(exampleText());
    return path;
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

std::unique_ptr<PlanDocument> openDoc(const QString& path)
{
    QString error;
    auto doc = PlanDocument::open(path, catalog::Catalog::embedded(), &error);
    if (doc)
        doc->setAutoSolve(false);
    return doc;
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesOnlyWhenModified()
    {
        QTemporaryDir dir;
        auto doc = openDoc(writeExample(dir));
        QVERIFY(doc);
        Autosave autosave(dir.filePath(QStringLiteral("autosave")));
        autosave.setDocument(doc.get());

        QVERIFY(!autosave.saveNow());                       // clean: nothing written
        QVERIFY(!QFile::exists(autosave.autosaveFile()));

        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 3; });
        QVERIFY(autosave.saveNow());
        QVERIFY(QFile::exists(autosave.autosaveFile()));
        QVERIFY(!autosave.saveNow());                       // unchanged since: not again

        editWorkload(doc.get(), "api-gateway", WorkloadField::Replicas, [](auto& w) { w.replicas = 4; });
        QVERIFY(autosave.saveNow());
        auto r = io::readPlanText(contents(autosave.autosaveFile()).toStdString(), "autosave");
        QVERIFY(r.plan);
        QCOMPARE(r.plan->workload("api-gateway")->replicas, 4);

        // Undo back to the saved state: clean again, the autosave goes.
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        QVERIFY(!doc->isModified());
        QVERIFY(!QFile::exists(autosave.autosaveFile()));
        QVERIFY(!autosave.saveNow());
    }

    void timerWritesWhileModified()
    {
        QTemporaryDir dir;
        auto doc = openDoc(writeExample(dir));
        Autosave autosave(dir.filePath(QStringLiteral("autosave")));
        autosave.setInterval(10);
        autosave.setDocument(doc.get());
        QSignalSpy saved(&autosave, &Autosave::saved);
        QTest::qWait(50);
        QCOMPARE(saved.count(), 0);
        editWorkload(doc.get(), "notebooks", WorkloadField::Replicas, [](auto& w) { w.replicas = 2; });
        QVERIFY(saved.wait(5000));
        QTest::qWait(50);
        QCOMPARE(saved.count(), 1); // no change since: no second write
    }

    void cleanSaveDeletesAutosave()
    {
        QTemporaryDir dir;
        const QString path = writeExample(dir);
        auto doc = openDoc(path);
        Autosave autosave(dir.filePath(QStringLiteral("autosave")));
        autosave.setDocument(doc.get());
        editWorkload(doc.get(), "notebooks", WorkloadField::Replicas, [](auto& w) { w.replicas = 2; });
        QVERIFY(autosave.saveNow());
        QString error;
        QVERIFY(doc->save(path, &error));
        QVERIFY(!QFile::exists(autosave.autosaveFile()));
        QVERIFY(Autosave::pendingRecoveries(autosave.directory()).isEmpty());
    }

    // A session that ended without closing (a crash) leaves an autosave; the next start
    // recovers the plan on top of the file, as one undoable command.
    void recoveryRestoresThePlan()
    {
        QTemporaryDir dir;
        const QString path = writeExample(dir);
        const QString autosaveDir = dir.filePath(QStringLiteral("autosave"));
        QString yaml, meta;
        {
            auto doc = openDoc(path);
            Autosave autosave(autosaveDir);
            autosave.setDocument(doc.get());
            editWorkload(doc.get(), "notebooks", WorkloadField::Replicas, [](auto& w) { w.replicas = 2; });
            editWorkload(doc.get(), "api-gateway", WorkloadField::Name, [](auto& w) { w.name = "gateway"; });
            QVERIFY(autosave.saveNow());
            yaml = autosave.autosaveFile();
            meta = QFileInfo(yaml).path() + QLatin1Char('/') + QFileInfo(yaml).completeBaseName() + QStringLiteral(".json");
            // The crashed session's process is gone.
            QByteArray json = contents(meta);
            json.replace(QByteArray::number(QCoreApplication::applicationPid()), "999999999");
            QFile f(meta);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(json);
            f.close();
            // A crash skips the clean-up below: keep the files aside and put them back.
            QVERIFY(QFile::copy(yaml, dir.filePath(QStringLiteral("keep.yaml"))));
            QVERIFY(QFile::copy(meta, dir.filePath(QStringLiteral("keep.json"))));
        }
        QVERIFY(!QFile::exists(yaml)); // a normal end removes the autosave
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("keep.yaml")), yaml));
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("keep.json")), meta));
        const QList<RecoveryEntry> pending = Autosave::pendingRecoveries(autosaveDir);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().originalFile, path);
        QString error;
        auto recovered = Autosave::recover(pending.first(), catalog::Catalog::embedded(), &error);
        QVERIFY2(recovered, qPrintable(error));
        recovered->setAutoSolve(false);
        QCOMPARE(recovered->fileName(), path);
        QVERIFY(recovered->isModified());
        QCOMPARE(recovered->plan().workload("notebooks")->replicas, 2);
        QVERIFY(recovered->plan().workload("gateway"));
        // Undo shows what is on disk.
        recovered->undoStack()->undo();
        QCOMPARE(recovered->plan().workload("notebooks")->replicas, 5);
        QVERIFY(!recovered->isModified());
        Autosave::removeRecovery(pending.first());
        QVERIFY(Autosave::pendingRecoveries(autosaveDir).isEmpty());
    }

    // Autosaves of a session that is still running are not offered.
    void runningSessionIsNotRecovered()
    {
        QTemporaryDir dir;
        auto doc = PlanDocument::fromPlan(*io::readPlanText(exampleText().toStdString(), "x").plan,
                                          catalog::Catalog::embedded());
        doc->setAutoSolve(false);
        Autosave autosave(dir.filePath(QStringLiteral("autosave")));
        autosave.setDocument(doc.get());
        editWorkload(doc.get(), "notebooks", WorkloadField::Replicas, [](auto& w) { w.replicas = 2; });
        QVERIFY(autosave.saveNow());
        // Our own pid is running, but a start-up scan is made by a new process: the scan
        // skips other running processes only.
        QCOMPARE(Autosave::pendingRecoveries(autosave.directory()).size(), 1);
        QByteArray json = contents(QDir(autosave.directory()).entryInfoList({QStringLiteral("*.json")}).first().filePath());
        QVERIFY(json.contains(QByteArray::number(QCoreApplication::applicationPid())));
    }

    // A save that fails leaves the old file as it was and the document modified.
    void failedSaveLeavesTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = writeExample(dir);
        const QByteArray before = contents(path);
        auto doc = openDoc(path);
        editWorkload(doc.get(), "notebooks", WorkloadField::Replicas, [](auto& w) { w.replicas = 2; });
        // The temporary file cannot be created: a directory is in its place.
        QVERIFY(QDir().mkdir(path + QStringLiteral(".cw-tmp-") + QString::number(::getpid())));
        QString error;
        QVERIFY(!doc->save(path, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot create the temporary file")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Is a directory")), qPrintable(error)); // the reason
        QVERIFY2(error.contains(QStringLiteral("plan.yaml")), qPrintable(error));
        QCOMPARE(contents(path), before);
        QVERIFY(doc->isModified());
    }

    void saveWritesAtomicallyAndMarksClean()
    {
        QTemporaryDir dir;
        const QString path = writeExample(dir);
        auto doc = openDoc(path);
        editWorkload(doc.get(), "notebooks", WorkloadField::Replicas, [](auto& w) { w.replicas = 2; });
        QString error;
        const QString other = dir.filePath(QStringLiteral("copy.yaml"));
        QVERIFY(doc->save(other, &error));
        QVERIFY(!doc->isModified());
        QCOMPARE(doc->fileName(), other);
        auto r = io::readPlanFile(other.toStdString());
        QVERIFY(r.plan);
        QCOMPARE(r.plan->workload("notebooks")->replicas, 2);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2); // no temporary left behind
        QCOMPARE(doc->diskState(), PlanDocument::DiskState::Unchanged);
    }

    // A change on disk is noticed; reloading is one undoable command and leaves the
    // document clean.
    void reloadOnExternalChange()
    {
        QTemporaryDir dir;
        const QString path = writeExample(dir);
        auto doc = openDoc(path);
        QCOMPARE(doc->diskState(), PlanDocument::DiskState::Unchanged);

        model::Plan changed = doc->plan();
        changed.workload("notebooks")->replicas = 9;
        std::string why;
        QVERIFY(io::writePlanFile(changed, path.toStdString(), &why));
        QCOMPARE(doc->diskState(), PlanDocument::DiskState::Changed);

        QString error;
        QVERIFY2(doc->reload(&error), qPrintable(error));
        QCOMPARE(doc->plan().workload("notebooks")->replicas, 9);
        QVERIFY(!doc->isModified());
        QCOMPARE(doc->diskState(), PlanDocument::DiskState::Unchanged);
        QCOMPARE(doc->undoStack()->count(), 1);
        doc->undoStack()->undo();
        QCOMPARE(doc->plan().workload("notebooks")->replicas, 5);
        QVERIFY(doc->isModified());

        // "Ignore": the same change is not reported twice.
        changed.workload("notebooks")->replicas = 7;
        QVERIFY(io::writePlanFile(changed, path.toStdString(), &why));
        QCOMPARE(doc->diskState(), PlanDocument::DiskState::Changed);
        doc->acknowledgeDiskState();
        QCOMPARE(doc->diskState(), PlanDocument::DiskState::Unchanged);

        QFile::remove(path);
        QCOMPARE(doc->diskState(), PlanDocument::DiskState::Removed);
    }

    void reloadOfABrokenFileChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = writeExample(dir);
        auto doc = openDoc(path);
        const model::Plan before = doc->plan();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("apiVersion: clusterwright/v1alpha1\nkind: Plan\nspec: {clusters: [\n");
        f.close();
        QString error;
        QVERIFY(!doc->reload(&error));
        QVERIFY2(error.contains(QStringLiteral("plan.yaml:")), qPrintable(error));
        QVERIFY(doc->plan() == before);
        QCOMPARE(doc->undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAutosave)
#include "tst_autosave.moc"
