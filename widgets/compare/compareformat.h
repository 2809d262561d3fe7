// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Texts of the Compare view: amounts, option and class names, translated diagnostics.

#include "diag/diagnostic.h"
#include "model/plan.h"

#include <QColor>
#include <QString>

#include <string>

namespace cw::widgets {

// "$12,345.67" (decimals 2) or "$0.1234" (decimals 4); always the C locale's digits.
QString money(double usd, int decimals = 2);
// "$12.3k", "$1.2M": short amounts for chart labels.
QString shortMoney(double usd);
// "GKE Standard", "GKE Autopilot", "EKS", with ", Spot" for the Spot variants.
QString optionTitle(const std::string& option);
QString kindText(model::WorkloadKind kind);
// A diagnostic's message, translated.
QString diagnosticText(const diag::Diagnostic& d);

// Colours of the view, shared by the charts and the report.
QColor usedColor();
QColor wasteColor();
QColor feesColor();
QColor spotColor();
QColor kindColor(model::WorkloadKind kind);

} // namespace cw::widgets
