#!/usr/bin/env bash
# Build the HTML site with Jupyter Book 1 in strict mode (warnings are errors; a notebook cell that
# raises fails the build). Assumes scripts/setup.sh has run.
# Usage: scripts/jb-build.sh [OUTPUT_ROOT] [extra jupyter-book options, e.g. --all]
# The site goes to OUTPUT_ROOT/_build/html (Jupyter Book appends _build/html); default: the repo,
# so the site is _build/html. Example for a scratch build: scripts/jb-build.sh /tmp/mine
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.}"
shift || true
venv="${SOP_VENV:-.venv}"
root="$PWD"
"$venv/bin/jupyter-book" build book \
  --config "$root/_config.yml" --toc "$root/_toc.yml" \
  --path-output "$out" -n -W --keep-going "$@"
