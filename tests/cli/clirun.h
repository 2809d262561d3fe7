// SPDX-License-Identifier: GPL-3.0-or-later
// What the CLI tests share: running clusterwright-cli and reading its output.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace clitest {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// clusterwright-cli with args; the output as text.
inline Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(CW_CLI_PATH), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// A bundled example plan.
inline QString example(const char* name)
{
    return QStringLiteral(CW_SOURCE_DIR "/resources/examples/%1").arg(QLatin1String(name));
}

// The JSON object of text; a warning with the text when it is not JSON.
inline QJsonObject parse(const QString& text)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(text));
    return doc.object();
}

} // namespace clitest
