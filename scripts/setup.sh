#!/usr/bin/env bash
# Set up everything the handbook needs: system packages (where we may install them) and the
# Python virtual environment .venv with the pinned requirements. Safe to run again.
#
# Usage: scripts/setup.sh [build|test|lab]
#   build  what building the site and the PDF needs (Chromium prints the PDF)
#   lab    only the Python environment (JupyterLab with the handbook: scripts/lab.sh)
#   test   also what the tests need (a Java runtime for the HTML checker, poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."

purpose="${1:-build}"
venv="${SOP_VENV:-.venv}"

say() { printf '\033[1m%s\033[0m\n' "$*"; }

# --- Python 3.11+ ---------------------------------------------------------------------------
python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  say "ต้องใช้ Python 3.11 ขึ้นไป (Python 3.11+ is required). ติดตั้งด้วย: sudo apt-get install python3 python3-venv"
  exit 1
fi

# --- system packages ------------------------------------------------------------------------
# Chromium: Debian's package. On Ubuntu the chromium package is a snap stub: point
# SOP_CHROMIUM at an installed Chrome/Chromium binary instead.
packages=()
chromium="${SOP_CHROMIUM:-/usr/bin/chromium}"
if [ "$purpose" != lab ] && [ ! -x "$chromium" ]; then
  if [ -n "${SOP_CHROMIUM:-}" ]; then
    say "SOP_CHROMIUM=$SOP_CHROMIUM ไม่ใช่ไฟล์ที่รันได้ (is not an executable)"
    exit 1
  fi
  packages+=(chromium)
fi
"$python" -c 'import venv, ensurepip' 2>/dev/null || packages+=(python3-venv)
if [ "$purpose" = test ]; then
  command -v npm >/dev/null || packages+=(npm)   # TypeScript checks the shipped scripts
  command -v java >/dev/null || packages+=(default-jre-headless)
  command -v pdffonts >/dev/null || packages+=(poppler-utils)
fi
if ((${#packages[@]})); then
  if [ "$(id -u)" = 0 ]; then
    say "ติดตั้งแพ็กเกจระบบ: ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    say "ติดตั้งแพ็กเกจระบบ: ${packages[*]}"
    sudo -n apt-get update -qq
    sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  else
    say "ต้องติดตั้งแพ็กเกจระบบก่อน (system packages are missing). รันคำสั่งนี้แล้วเรียกใหม่:"
    echo "  sudo apt-get install -y ${packages[*]}"
    echo "(บน Ubuntu ที่ chromium เป็น snap: ตั้ง SOP_CHROMIUM=/path/to/chrome แทนการติดตั้ง chromium)"
    exit 1
  fi
fi

# --- virtual environment --------------------------------------------------------------------
if [ ! -x "$venv/bin/python" ]; then
  say "สร้าง virtual environment ที่ $venv"
  "$python" -m venv "$venv"
fi
stamp="$venv/.sop-requirements.sha256"
want="$(cat requirements.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "ติดตั้งแพ็กเกจ Python (requirements.txt)"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -r requirements.txt
  "$venv/bin/python" -m pip install -q --no-deps -e .
  echo "$want" > "$stamp"
fi

# --- npm tools for the tests (TypeScript, pinned in package.json / package-lock.json) -----------
if [ "$purpose" = test ]; then
  npm_stamp="node_modules/.sop-package-lock.sha256"
  npm_want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ ! -f "$npm_stamp" ] || [ "$(cat "$npm_stamp")" != "$npm_want" ]; then
    say "ติดตั้งเครื่องมือ npm (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$npm_want" > "$npm_stamp"
  fi
fi
