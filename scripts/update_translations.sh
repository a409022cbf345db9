#!/usr/bin/env bash
# Refresh the desk's translation sources after adding or changing strings in agent_app/ui/.
#   scripts/update_translations.sh                       re-scan the code, keep translations
#   scripts/update_translations.sh --translations FILE   also fill new zh_CN entries from FILE
# New zh_CN strings are listed at the end; list them as JSON with
# `.venv/bin/python scripts/fill_translations.py unfinished`. English is filled automatically.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
lupdate=.venv/bin/pyside6-lupdate
ts_dir=resources/translations
ts_files=("$ts_dir/agent_app_zh_CN.ts" "$ts_dir/agent_app_en.ts")
mkdir -p "$ts_dir"

before="$(mktemp)"
trap 'rm -f "$before"' EXIT
# Keep what the translators wrote, so a string that moved to another class keeps its Chinese.
if [ -f "${ts_files[0]}" ]; then
  "$py" scripts/fill_translations.py snapshot >"$before"
else
  echo '{}' >"$before"
fi

scan() {
  "$lupdate" -silent -extensions py -no-obsolete -locations relative \
    -source-language en agent_app/ui -ts "$1"
}
for ts in "${ts_files[@]}"; do scan "$ts"; done

status=0
"$py" scripts/fill_translations.py apply --reuse "$before" "$@" || status=$?
# lupdate writes the files in its own layout; a second pass keeps diffs small.
for ts in "${ts_files[@]}"; do scan "$ts"; done
exit "$status"
