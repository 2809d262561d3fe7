// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace cw::i18n {

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("ja")};
}

QString installTranslators(const QString& requested)
{
    static QTranslator* ours = nullptr;
    static QTranslator* qt = nullptr;
    auto* app = QCoreApplication::instance();
    if (ours) {
        app->removeTranslator(ours);
        delete ours;
        ours = nullptr;
    }
    if (qt) {
        app->removeTranslator(qt);
        delete qt;
        qt = nullptr;
    }
    QString lang = requested;
    if (lang.isEmpty()) {
        const QLocale system;
        lang = QLocale::languageToCode(system.language());
        if (!availableLanguages().contains(lang))
            lang = QStringLiteral("en");
    }
    if (lang == QLatin1String("en") || !availableLanguages().contains(lang))
        return QStringLiteral("en");
    ours = new QTranslator;
    if (ours->load(QStringLiteral(":/i18n/clusterwright_%1.qm").arg(lang)))
        app->installTranslator(ours);
    qt = new QTranslator;
    if (qt->load(QStringLiteral("qtbase_%1").arg(lang), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    return lang;
}

} // namespace cw::i18n
