#!/usr/bin/env bash
# One command: set up everything and build the handbook website.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
bash scripts/jb-build.sh . "$@"
.venv/bin/python scripts/build_pdf.py
site="$PWD/_build/html"
printf '\nสร้างเว็บไซต์คู่มือเสร็จแล้ว (the site is built): %s\n' "$site"
printf 'เปิดดูด้วยคำสั่งนี้ แล้วเข้า http://127.0.0.1:8000/ (serve it on loopback):\n'
printf '  .venv/bin/python -m http.server 8000 --bind 127.0.0.1 --directory %s\n' "_build/html"
