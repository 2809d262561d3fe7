// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"

#include "catalog/catalog.h"
#include "i18n/translations.h"
#include "io/planreader.h"
#include "settings.h"
#include "theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace cw::gui {

PreferencesDialog::PreferencesDialog(const catalog::Catalog& catalog, QWidget* parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_hours(new QSpinBox)
    , m_provider(new QComboBox)
    , m_region(new QComboBox)
    , m_language(new QComboBox)
    , m_theme(new QComboBox)
    , m_languageNote(new QLabel)
{
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_hours->setRange(1, io::PlanLimits::kMaxHoursPerMonth);
    m_hours->setSuffix(tr(" h"));
    m_hours->setValue(Settings::hoursPerMonth());
    m_hours->setToolTip(tr("Hours per month of a new plan: 730 for always on."));
    form->addRow(tr("&Hours per month:"), m_hours);

    m_provider->addItem(tr("Google GKE"), QStringLiteral("gke"));
    m_provider->addItem(tr("Amazon EKS"), QStringLiteral("eks"));
    m_provider->setCurrentIndex(Settings::defaultProvider() == model::Provider::Gke ? 0 : 1);
    form->addRow(tr("Default &provider:"), m_provider);
    m_region->setEditable(true);
    form->addRow(tr("Default &region:"), m_region);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateRegions);
    updateRegions();

    m_language->addItem(tr("System language"), QString());
    for (const QString& code : i18n::availableLanguages()) {
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        m_language->addItem(name, code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(Settings::language())));
    form->addRow(tr("&Language:"), m_language);
    m_languageNote->setText(tr("A new language is used from the next start of Clusterwright."));
    m_languageNote->setWordWrap(true);
    QPalette muted = m_languageNote->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_languageNote->setPalette(muted);
    form->addRow(QString(), m_languageNote);

    m_theme->addItem(tr("Follow the system"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(Settings::theme())));
    form->addRow(tr("&Theme:"), m_theme);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { apply(); });
    layout->addWidget(buttons);
}

void PreferencesDialog::updateRegions()
{
    const auto provider = m_provider->currentData().toString() == QLatin1String("eks") ? model::Provider::Eks : model::Provider::Gke;
    m_region->clear();
    for (const auto& book : m_catalog.priceBooks()) {
        if (book.provider == provider)
            m_region->addItem(QString::fromStdString(book.region));
    }
    m_region->setCurrentText(Settings::defaultRegion(provider));
}

bool PreferencesDialog::apply()
{
    Settings::setHoursPerMonth(m_hours->value());
    const auto provider = m_provider->currentData().toString() == QLatin1String("eks") ? model::Provider::Eks : model::Provider::Gke;
    Settings::setDefaultProvider(provider);
    Settings::setDefaultRegion(provider, m_region->currentText().trimmed());
    const Theme theme = Theme(m_theme->currentData().toInt());
    if (theme != Settings::theme()) {
        Settings::setTheme(theme);
        applyTheme(theme);
    }
    const QString language = m_language->currentData().toString();
    const bool languageChanged = language != Settings::language();
    Settings::setLanguage(language);
    return languageChanged;
}

} // namespace cw::gui
