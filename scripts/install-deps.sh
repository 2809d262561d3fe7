#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs, from Debian 12 packages, whatever Clusterwright needs to build, test and run
# that is not installed yet. Idempotent: a second run installs nothing.
# Runs as root, or through sudo when started by another user.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config ccache
  # libraries
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  qt6-translations-l10n libqt6svg6 qt6-qpa-plugins libgl-dev
  libqcustomplot-dev libyaml-cpp-dev nlohmann-json3-dev libcurl4-openssl-dev libglpk-dev
  # running the GUI without a display, fonts for every shipped language
  xvfb xauth fonts-dejavu-core fonts-noto-cjk
  # tests: the strict manifest validator, packaging checks
  python3 python3-yaml python3-jsonschema desktop-file-utils appstream file
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
run() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
export DEBIAN_FRONTEND=noninteractive
run apt-get update -qq
run apt-get install -y -qq --no-install-recommends "${missing[@]}"
