#!/usr/bin/env bash
# Refresh the pictures and the sample report under docs/ that the README shows.
# The screenshot tests take them from the real desk on a real X server, check them, and copy
# them into docs/ because DOCS_OUT says so; the plain test run keeps them in temp folders.
# Commit what changed (PNGs differ by a few pixels from run to run: `git checkout docs/` when
# nothing on screen changed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
DOCS_OUT="$PWD/docs" exec .venv/bin/python -m pytest tests/ui/test_screenshots.py -q "$@"
