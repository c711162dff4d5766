#!/usr/bin/env bash
# One command: set up everything, build the site once, and run every test (pytest).
# Extra arguments go to pytest, e.g. scripts/test.sh -k search
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# Type-check every shipped script (tsc --checkJs --strict --noEmit, tsconfig.json) before anything
# else: a type error fails the run here, and tests/test_js_types.py checks the same in pytest.
node_modules/.bin/tsc -p tsconfig.json
bash scripts/jb-build.sh .
.venv/bin/python scripts/build_pdf.py
export SOP_SITE_DIR="$PWD/_build/html"
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest ไม่พบการทดสอบใดเลย (no tests were collected): ถือว่าล้มเหลว" >&2
  exit 1
fi
exit "$status"
