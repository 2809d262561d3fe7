// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QTimer;

namespace cw::catalog {
class Catalog;
}

namespace cw::document {

class PlanDocument;

// An autosave left behind by a session that ended without closing its document: what the
// next start offers to recover.
struct RecoveryEntry {
    QString autosaveFile;   // the plan as it was at the last autosave
    QString metadataFile;   // JSON: original file, time, process id
    QString originalFile;   // empty for a plan that was never saved
    QString planName;
    QDateTime savedAt;
    qint64 pid = 0;
};

// Writes the document to an autosave file every interval while it has unsaved changes (the
// undo stack is not clean), and only when it changed since the last autosave. The file is
// removed after a clean save, when the document is closed and when the changes are undone.
class Autosave : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDefaultIntervalMs = 30'000;

    // directory: where autosaves live (created on demand).
    explicit Autosave(const QString& directory, QObject* parent = nullptr);
    ~Autosave() override;

    // The document to watch; null stops watching and removes the current autosave.
    void setDocument(PlanDocument* document);
    void setInterval(int milliseconds);
    QString directory() const { return m_directory; }
    QString autosaveFile() const;   // of the current document (may not exist yet)

    // Writes now if the document has unsaved changes not autosaved yet. Returns true when a
    // file was written; on failure error says why.
    bool saveNow(QString* error = nullptr);
    // Removes the current document's autosave (after a clean save or a close).
    void discard();

    // Autosaves in directory whose session is gone (the process is not running).
    static QList<RecoveryEntry> pendingRecoveries(const QString& directory);
    // Opens a recovery: the original file (when it still exists) with the autosaved plan on
    // top as one undoable command ("Recover unsaved changes"), so the document is modified
    // and Undo shows what was on disk. Returns null and sets error when the autosave is unreadable.
    static std::unique_ptr<PlanDocument> recover(const RecoveryEntry& entry, const catalog::Catalog& catalog,
                                                 QString* error);
    // Deletes a recovery's files (after it was recovered and autosaved anew, or declined).
    static void removeRecovery(const RecoveryEntry& entry);

Q_SIGNALS:
    void saved(const QString& file);
    void failed(const QString& error);

private:
    void onTimer();
    void onCleanChanged(bool clean);

    QString m_directory;
    QString m_session;     // unique per document session: the autosave's base name
    QPointer<PlanDocument> m_document;
    QTimer* m_timer;
    int m_savedIndex = -1; // undo index at the last autosave
    bool m_dirty = false;  // changed since the last autosave
};

} // namespace cw::document
