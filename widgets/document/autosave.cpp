// SPDX-License-Identifier: GPL-3.0-or-later
#include "autosave.h"

#include "io/planreader.h"
#include "io/planwriter.h"
#include "plancommands.h"
#include "plandocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>
#include <QUndoStack>
#include <QUuid>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace cw::document {

namespace {

bool writeAtomically(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QCoreApplication::translate("Autosave", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool processIsRunning(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

} // namespace

Autosave::Autosave(const QString& directory, QObject* parent)
    : QObject(parent)
    , m_directory(directory)
    , m_session(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(kDefaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &Autosave::onTimer);
    m_timer->start();
}

Autosave::~Autosave()
{
    // A normal end of the session: nothing to recover from.
    discard();
}

void Autosave::setDocument(PlanDocument* document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    discard();
    m_session = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_document = document;
    m_savedIndex = -1;
    m_dirty = false;
    if (!m_document)
        return;
    connect(m_document, &PlanDocument::planChanged, this, [this] { m_dirty = true; });
    connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, &Autosave::onCleanChanged);
    connect(m_document, &QObject::destroyed, this, [this] { discard(); });
    m_dirty = m_document->isModified();
}

void Autosave::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

QString Autosave::autosaveFile() const
{
    return QDir(m_directory).filePath(m_session + QStringLiteral(".yaml"));
}

bool Autosave::saveNow(QString* error)
{
    if (!m_document || !m_document->isModified())
        return false;
    if (!m_dirty && m_savedIndex == m_document->undoStack()->index() && QFile::exists(autosaveFile()))
        return false;
    if (!QDir().mkpath(m_directory)) {
        const QString why = QCoreApplication::translate("Autosave", "cannot create the folder %1").arg(m_directory);
        if (error)
            *error = why;
        Q_EMIT failed(why);
        return false;
    }
    const std::string text = io::writePlanText(m_document->plan());
    QJsonObject meta;
    meta.insert(QStringLiteral("originalFile"), m_document->fileName());
    meta.insert(QStringLiteral("planName"), QString::fromStdString(m_document->plan().name));
    meta.insert(QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    meta.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    QString why;
    // The plan first, then the metadata that makes it a recovery candidate.
    if (!writeAtomically(autosaveFile(), QByteArray::fromStdString(text), &why)
        || !writeAtomically(QDir(m_directory).filePath(m_session + QStringLiteral(".json")),
                            QJsonDocument(meta).toJson(), &why)) {
        if (error)
            *error = why;
        Q_EMIT failed(why);
        return false;
    }
    m_savedIndex = m_document->undoStack()->index();
    m_dirty = false;
    Q_EMIT saved(autosaveFile());
    return true;
}

void Autosave::discard()
{
    QFile::remove(autosaveFile());
    QFile::remove(QDir(m_directory).filePath(m_session + QStringLiteral(".json")));
    m_savedIndex = -1;
}

void Autosave::onTimer()
{
    saveNow();
}

void Autosave::onCleanChanged(bool clean)
{
    if (clean)
        discard();
    else
        m_dirty = true;
}

QList<RecoveryEntry> Autosave::pendingRecoveries(const QString& directory)
{
    QList<RecoveryEntry> out;
    const QDir dir(directory);
    for (const QFileInfo& info : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time)) {
        QFile f(info.filePath());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject meta = QJsonDocument::fromJson(f.readAll()).object();
        RecoveryEntry e;
        e.metadataFile = info.filePath();
        e.autosaveFile = dir.filePath(info.completeBaseName() + QStringLiteral(".yaml"));
        e.originalFile = meta.value(QStringLiteral("originalFile")).toString();
        e.planName = meta.value(QStringLiteral("planName")).toString();
        e.savedAt = QDateTime::fromString(meta.value(QStringLiteral("savedAt")).toString(), Qt::ISODate);
        e.pid = meta.value(QStringLiteral("pid")).toInteger();
        if (!QFile::exists(e.autosaveFile))
            continue;
        if (processIsRunning(e.pid) && e.pid != QCoreApplication::applicationPid())
            continue; // another window of a running session
        out << e;
    }
    return out;
}

std::unique_ptr<PlanDocument> Autosave::recover(const RecoveryEntry& entry, const catalog::Catalog& catalog, QString* error)
{
    QFile f(entry.autosaveFile);
    if (!f.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("Autosave", "cannot read %1: %2").arg(entry.autosaveFile, f.errorString());
        return nullptr;
    }
    const QByteArray bytes = f.readAll();
    io::PlanReadResult r = io::readPlanText(std::string_view(bytes.constData(), size_t(bytes.size())),
                                            entry.autosaveFile.toStdString());
    if (!r.plan) {
        if (error) {
            QStringList lines;
            for (const auto& d : r.diagnostics.items())
                lines << QString::fromStdString(d.format());
            *error = lines.join(QLatin1Char('\n'));
        }
        return nullptr;
    }
    std::unique_ptr<PlanDocument> doc;
    if (!entry.originalFile.isEmpty() && QFile::exists(entry.originalFile))
        doc = PlanDocument::open(entry.originalFile, catalog, nullptr);
    if (!doc) {
        doc = PlanDocument::fromPlan({}, catalog);
        doc->setFileName(entry.originalFile);
    }
    doc->undoStack()->push(new ReplacePlanCommand(doc.get(), std::move(*r.plan),
                                                  QCoreApplication::translate("Autosave", "Recover unsaved changes")));
    return doc;
}

void Autosave::removeRecovery(const RecoveryEntry& entry)
{
    QFile::remove(entry.autosaveFile);
    QFile::remove(entry.metadataFile);
}

} // namespace cw::document
