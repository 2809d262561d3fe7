// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings.h"

#include <QPalette>

namespace cw::gui {

// Applies a theme to the application: the platform's own look (System), or the Fusion style
// with a light or a dark palette. The canvas and the charts follow the palette.
void applyTheme(Theme theme);
QPalette darkPalette();
QPalette lightPalette();

} // namespace cw::gui
