#!/usr/bin/env bash
# Set up everything the follow-up desk needs on a Debian/Ubuntu machine.
#   scripts/setup.sh demo     system libraries for the desktop, then .venv with the app
#   scripts/setup.sh test     the above plus PostgreSQL, SIP peers, Xvfb and PDF tools for tests,
#                             and PyInstaller (the tests build the desk bundle and its .deb)
#   scripts/setup.sh bundle   the desktop's libraries plus what PyInstaller needs
# The Python packages come from the pinned, hashed lock of the profile (requirements/, refreshed
# by scripts/lock.sh); a second run with the same lock and pyproject.toml installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
profile="${1:-demo}"
case "$profile" in
  demo) lock=requirements/desk.txt ;;
  test) lock=requirements/test.txt ;;
  bundle) lock=requirements/bundle.txt ;;
  *)
    echo "usage: scripts/setup.sh [demo|test|bundle]" >&2
    exit 2
    ;;
esac

desktop_pkgs=(python3 python3-venv python3-dev libegl1 libgl1 libdbus-1-3 fontconfig
  fonts-wqy-zenhei libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libpulse0
  espeak-ng sox)
# PyInstaller reads shared libraries with binutils' objdump; dpkg-deb builds the .deb.
bundle_pkgs=(binutils dpkg)
test_pkgs=(postgresql sip-tester baresip xvfb xauth poppler-utils)

packages=("${desktop_pkgs[@]}")
[ "$profile" = "bundle" ] && packages+=("${bundle_pkgs[@]}")
# The tests build the desk bundle and its .deb too.
[ "$profile" = "test" ] && packages+=("${bundle_pkgs[@]}" "${test_pkgs[@]}")

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing system packages: ${missing[*]}"
  $sudo apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# What is installed: the profile, its lock and pyproject.toml (the editable install's metadata).
stamp=.venv/.agent-app-setup
wanted="$profile $(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  # Every package at the lock's version, each file checked against the lock's hashes; then the
  # app itself, built with the lock's setuptools, without asking the index for anything more.
  .venv/bin/python -m pip install -q --require-hashes -r "$lock"
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  echo "$wanted" >"$stamp"
fi
# The UI's translation catalogs (.ts -> .qm, build output beside their sources; not in git).
.venv/bin/pyside6-lrelease -silent resources/translations/*.ts
