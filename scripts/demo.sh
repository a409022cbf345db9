#!/usr/bin/env bash
# One command: set up (first time) and launch the desk in demo mode.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh demo
exec .venv/bin/python -m agent_app --demo "$@"
