// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace cw::i18n {

// Languages with a complete translation, as ISO 639-1 codes; English is the source.
QStringList availableLanguages();

// Installs the translators for lang ("de", "ja", "en"); an empty lang follows the system
// locale. Returns the language actually used.
QString installTranslators(const QString& lang);

} // namespace cw::i18n
