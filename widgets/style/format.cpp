// SPDX-License-Identifier: GPL-3.0-or-later
#include "format.h"

#include "model/quantity.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace cw::widgets::format {

QString money(double usd)
{
    const QLocale locale;
    const int decimals = std::abs(usd) >= 1000 ? 0 : 2;
    return QStringLiteral("$") + locale.toString(usd, 'f', decimals);
}

QString moneyPerHour(double usd)
{
    return QCoreApplication::translate("Format", "%1/h").arg(QStringLiteral("$") + QLocale().toString(usd, 'f', 2));
}

QString moneyPerMonth(double usd)
{
    return QCoreApplication::translate("Format", "%1/month").arg(money(usd));
}

QString percent(double fraction, int decimals)
{
    return QLocale().toString(fraction * 100.0, 'f', decimals) + QStringLiteral("%");
}

QString cpu(int64_t milli)
{
    const double v = double(milli) / 1000.0;
    const int decimals = milli % 1000 == 0 ? 0 : (milli % 100 == 0 ? 1 : 2);
    return QCoreApplication::translate("Format", "%1 vCPU").arg(QLocale().toString(v, 'f', decimals));
}

QString bytes(int64_t b)
{
    return QString::fromStdString(model::humanBytes(b));
}

QString duration(int64_t ms)
{
    if (ms < 1000)
        return QCoreApplication::translate("Format", "%1 ms").arg(ms);
    return QCoreApplication::translate("Format", "%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace cw::widgets::format
