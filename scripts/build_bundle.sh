#!/usr/bin/env bash
# Build the Linux desk as one folder with PyInstaller: dist/agent-app/agent-app.
#   scripts/build_bundle.sh [DIST_DIR]      (default dist)
# Installs PyInstaller into .venv first when missing (scripts/setup.sh bundle).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
if ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
  bash scripts/setup.sh bundle
fi
# The bundle ships compiled catalogs only; build them fresh from the .ts sources.
.venv/bin/pyside6-lrelease -silent resources/translations/*.ts
PYTHONPATH="$PWD" .venv/bin/python -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$dist" --workpath build/pyinstaller installer/agent-app.spec
echo "Built $dist/agent-app ($(du -sh "$dist/agent-app" | cut -f1))"
