#!/usr/bin/env bash
# Build the HTML site with Jupyter Book 1 in strict mode (warnings are errors; a notebook cell that
# raises fails the build). Assumes scripts/setup.sh has run.
# Usage: scripts/jb-build.sh [OUTPUT_DIR] [extra jupyter-book options, e.g. --all]
# OUTPUT_DIR defaults to _build (the site goes to OUTPUT_DIR/html).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-_build}"
shift || true
venv="${SOP_VENV:-.venv}"
root="$PWD"
"$venv/bin/jupyter-book" build book \
  --config "$root/_config.yml" --toc "$root/_toc.yml" \
  --path-output "$out" -n -W --keep-going "$@"
