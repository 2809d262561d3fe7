// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <string>

namespace cw::diag {
struct Diagnostic;
}

namespace cw::i18n {

// Languages with a complete translation, as ISO 639-1 codes; English is the source.
QStringList availableLanguages();

// Installs the translators for lang ("de", "ja", "en"); an empty lang follows the system
// locale. Returns the language actually used.
QString installTranslators(const QString& lang);

// A diagnostic's message in the current language: its code's template from the
// "Diagnostics" context with the arguments filled in (the English text when the code has no
// template).
QString diagnosticMessage(const diag::Diagnostic& d);

// "file:line:col: severity CODE: message" with the message translated; the location,
// severity and code stay as they are, so that editors and scripts still find them.
QString formatDiagnostic(const diag::Diagnostic& d);

// The catalog's price date ("2026-01-19", or "2026-01-19 to 2026-09" for a range) in the
// current language.
QString priceDateText(const std::string& priceDate);

} // namespace cw::i18n
