// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include "diag/diagnostic.h"

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

QString diagnosticMessage(const diag::Diagnostic& d)
{
    const std::string_view tmpl = diag::messageTemplate(d.code);
    if (tmpl.empty())
        return QString::fromStdString(d.message());
    const QString text = QCoreApplication::translate("Diagnostics", std::string(tmpl).c_str());
    // %1..%9 in one pass, so that an argument containing "%2" is not replaced again.
    QString out;
    out.reserve(text.size() + 64);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == QLatin1Char('%') && i + 1 < text.size() && text[i + 1] >= QLatin1Char('1') && text[i + 1] <= QLatin1Char('9')) {
            const size_t n = size_t(text[i + 1].unicode() - '1');
            if (n < d.args.size())
                out += QString::fromStdString(d.args[n]);
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

QString formatDiagnostic(const diag::Diagnostic& d)
{
    QString s;
    const std::string loc = d.where.toString();
    if (!loc.empty())
        s = QString::fromStdString(loc) + QStringLiteral(": ");
    s += QString::fromLatin1(diag::severityName(d.severity).data(), qsizetype(diag::severityName(d.severity).size())) + QLatin1Char(' ') + QString::fromStdString(d.code)
        + QStringLiteral(": ") + diagnosticMessage(d);
    return s;
}

QString priceDateText(const std::string& priceDate)
{
    const std::string separator = " to ";
    const size_t at = priceDate.find(separator);
    if (at == std::string::npos)
        return QString::fromStdString(priceDate);
    return QCoreApplication::translate("Format", "%1 to %2")
        .arg(QString::fromStdString(priceDate.substr(0, at)), QString::fromStdString(priceDate.substr(at + separator.size())));
}

} // namespace cw::i18n
