// SPDX-License-Identifier: GPL-3.0-or-later
#include "compareformat.h"

#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace cw::widgets {

QString money(double usd, int decimals)
{
    const QLocale c(QLocale::English, QLocale::UnitedStates);
    const QString digits = c.toString(std::abs(usd), 'f', decimals);
    return (usd < 0 ? QStringLiteral("−$") : QStringLiteral("$")) + digits;
}

QString shortMoney(double usd)
{
    const double a = std::abs(usd);
    if (a >= 1e6)
        return QStringLiteral("$%1M").arg(usd / 1e6, 0, 'f', a >= 1e7 ? 1 : 2);
    if (a >= 1e4)
        return QStringLiteral("$%1k").arg(usd / 1e3, 0, 'f', 0);
    if (a >= 1e3) {
        const double k = usd / 1e3;
        return QStringLiteral("$%1k").arg(k, 0, 'f', std::abs(k - std::round(k)) < 0.05 ? 0 : 1);
    }
    return QStringLiteral("$%1").arg(usd, 0, 'f', 0);
}

QString optionTitle(const std::string& option)
{
    const bool spot = option.size() > 5 && option.compare(option.size() - 5, 5, "-spot") == 0;
    const std::string base = spot ? option.substr(0, option.size() - 5) : option;
    QString title;
    if (base == "gke-standard")
        title = QCoreApplication::translate("CompareView", "GKE Standard");
    else if (base == "gke-autopilot")
        title = QCoreApplication::translate("CompareView", "GKE Autopilot");
    else if (base == "eks")
        title = QCoreApplication::translate("CompareView", "EKS");
    else
        title = QString::fromStdString(base);
    return spot ? QCoreApplication::translate("CompareView", "%1, Spot").arg(title) : title;
}

QString kindText(model::WorkloadKind kind)
{
    switch (kind) {
    case model::WorkloadKind::Training: return QCoreApplication::translate("CompareView", "Training");
    case model::WorkloadKind::Inference: return QCoreApplication::translate("CompareView", "Inference");
    case model::WorkloadKind::Batch: return QCoreApplication::translate("CompareView", "Batch");
    case model::WorkloadKind::Notebook: return QCoreApplication::translate("CompareView", "Notebook");
    }
    return {};
}

QString diagnosticText(const diag::Diagnostic& d)
{
    return i18n::diagnosticMessage(d);
}

QColor usedColor() { return QColor(0x2f, 0x6f, 0xd6); }
QColor wasteColor() { return QColor(0xf2, 0xa1, 0x3b); }
QColor feesColor() { return QColor(0x5b, 0x63, 0x70); }
QColor spotColor() { return QColor(0x17, 0x9c, 0x8c); }

QColor kindColor(model::WorkloadKind kind)
{
    switch (kind) {
    case model::WorkloadKind::Training: return QColor(0x7c, 0x3a, 0xed);
    case model::WorkloadKind::Inference: return QColor(0x02, 0x84, 0xc7);
    case model::WorkloadKind::Batch: return QColor(0xd9, 0x77, 0x06);
    case model::WorkloadKind::Notebook: return QColor(0x05, 0x96, 0x69);
    }
    return Qt::black;
}

} // namespace cw::widgets
