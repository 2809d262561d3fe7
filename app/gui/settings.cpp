// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

namespace cw::gui {

namespace {

QString providerKey(model::Provider p)
{
    return QStringLiteral("defaults/region/") + QLatin1String(model::toString(p));
}

} // namespace

int Settings::hoursPerMonth()
{
    return QSettings().value(QStringLiteral("defaults/hoursPerMonth"), model::kDefaultHoursPerMonth).toInt();
}

void Settings::setHoursPerMonth(int hours)
{
    QSettings().setValue(QStringLiteral("defaults/hoursPerMonth"), hours);
}

model::Provider Settings::defaultProvider()
{
    const auto p = model::enumFromString<model::Provider>(
        QSettings().value(QStringLiteral("defaults/provider"), QStringLiteral("gke")).toString().toStdString());
    return p.value_or(model::Provider::Gke);
}

void Settings::setDefaultProvider(model::Provider provider)
{
    QSettings().setValue(QStringLiteral("defaults/provider"), QString::fromLatin1(model::toString(provider)));
}

QString Settings::defaultRegion(model::Provider provider)
{
    const QString fallback = provider == model::Provider::Gke ? QStringLiteral("us-central1") : QStringLiteral("us-east-1");
    return QSettings().value(providerKey(provider), fallback).toString();
}

void Settings::setDefaultRegion(model::Provider provider, const QString& region)
{
    QSettings().setValue(providerKey(provider), region);
}

QString Settings::language()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void Settings::setLanguage(const QString& language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

Theme Settings::theme()
{
    const QString t = QSettings().value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
    if (t == QLatin1String("light"))
        return Theme::Light;
    if (t == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void Settings::setTheme(Theme theme)
{
    const char* names[] = {"system", "light", "dark"};
    QSettings().setValue(QStringLiteral("ui/theme"), QString::fromLatin1(names[int(theme)]));
}

QStringList Settings::recentFiles()
{
    return QSettings().value(QStringLiteral("files/recent")).toStringList();
}

void Settings::addRecentFile(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), files);
}

void Settings::removeRecentFile(const QString& path)
{
    QStringList files = recentFiles();
    files.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(QStringLiteral("files/recent"), files);
}

void Settings::clearRecentFiles()
{
    QSettings().remove(QStringLiteral("files/recent"));
}

QByteArray Settings::windowGeometry()
{
    return QSettings().value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray Settings::windowState()
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray& geometry, const QByteArray& state)
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), geometry);
    s.setValue(QStringLiteral("window/state"), state);
}

QString Settings::autosaveDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("autosave"));
}

} // namespace cw::gui
