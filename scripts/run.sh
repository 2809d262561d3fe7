#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Clusterwright (release preset) and starts the GUI on the
# bundled example plan. With no display, renders the main window to clusterwright.png and
# prints the plan summary instead. Extra arguments go to clusterwright (e.g. a plan file).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release

gui=build/release/app/gui/clusterwright
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    exec "$gui" "$@"
fi
echo "No display: rendering the main window to clusterwright.png"
QT_QPA_PLATFORM=offscreen "$gui" --screenshot clusterwright.png "$@"
