// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/plan.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cw::gui {

enum class Theme { System, Light, Dark };

// The user's preferences and the window's memory, stored with QSettings.
class Settings
{
public:
    static constexpr int kMaxRecentFiles = 10;

    static int hoursPerMonth();                  // for new plans
    static void setHoursPerMonth(int hours);
    static model::Provider defaultProvider();    // for new plans and clusters
    static void setDefaultProvider(model::Provider provider);
    static QString defaultRegion(model::Provider provider);
    static void setDefaultRegion(model::Provider provider, const QString& region);
    static QString language();                   // "" follows the system locale
    static void setLanguage(const QString& language);
    static Theme theme();
    static void setTheme(Theme theme);

    static QStringList recentFiles();
    static void addRecentFile(const QString& path);
    static void removeRecentFile(const QString& path);
    static void clearRecentFiles();

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowGeometry(const QByteArray& geometry, const QByteArray& state);

    // Where autosaves live: <app data>/autosave.
    static QString autosaveDirectory();
};

} // namespace cw::gui
