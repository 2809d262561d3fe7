// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QSpinBox;

namespace cw::catalog {
class Catalog;
}

namespace cw::gui {

// Preferences: hours per month and the default provider and region of new plans, the
// language (used from the next start) and the theme (applied at once).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const catalog::Catalog& catalog, QWidget* parent = nullptr);

    // Stores the choices and applies the theme; returns true when the language changed.
    bool apply();

private:
    void updateRegions();

    const catalog::Catalog& m_catalog;
    QSpinBox* m_hours;
    QComboBox* m_provider;
    QComboBox* m_region;
    QComboBox* m_language;
    QComboBox* m_theme;
    QLabel* m_languageNote;
};

} // namespace cw::gui
