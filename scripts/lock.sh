#!/usr/bin/env bash
# Refresh the pinned, hashed requirement locks that scripts/setup.sh installs from.
#   scripts/lock.sh                      follow pyproject.toml, keeping every pin it still allows
#   scripts/lock.sh --upgrade            move every pin to the newest release pyproject allows
#   scripts/lock.sh --upgrade-package X  move only X (any other `uv pip compile` option passes on)
#
# requirements/desk.txt    the desk's own packages             (setup.sh demo)
# requirements/test.txt    desk + the `dev` and `bundle` extras (setup.sh test: the tests build the bundle)
# requirements/bundle.txt  desk + the `bundle` extra            (setup.sh bundle)
# Each lock also pins the build backend (pyproject's [build-system] requires), so the editable
# install builds offline with exactly those versions. One universal resolution per lock, with
# environment markers, serves Linux and Windows and CPython 3.11 and later; test.txt and
# bundle.txt are constrained by desk.txt, so the desk's packages are the same in every lock.
set -euo pipefail
cd "$(dirname "$0")/.."

uv_version=0.13.9
# Debian 12 ships 3.11: the oldest Python the desk runs on, and the one the locks are tried with.
python_version=3.11
tools=build/lock-tools
if ! "$tools/bin/uv" --version 2>/dev/null | grep -qx "uv $uv_version"; then
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install -q "uv==$uv_version"
fi

build_in="$tools/build-system.in"
python3 -c '
import sys, tomllib
with open("pyproject.toml", "rb") as fh:
    print("\n".join(tomllib.load(fh)["build-system"]["requires"]))
' >"$build_in"

compile() {
  local out="$1"
  shift
  "$tools/bin/uv" pip compile --quiet --universal --python-version "$python_version" \
    --generate-hashes --custom-compile-command "scripts/lock.sh" \
    pyproject.toml "$build_in" "$@" -o "$out"
}

mkdir -p requirements
compile requirements/desk.txt "$@"
compile requirements/test.txt --extra dev --extra bundle -c requirements/desk.txt "$@"
compile requirements/bundle.txt --extra bundle -c requirements/desk.txt "$@"
echo "Locked: $(ls requirements/*.txt | tr '\n' ' ')"
