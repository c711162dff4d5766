#!/usr/bin/env bash
# Open the handbook in JupyterLab: every page of book/ opens as a notebook on double-click.
# Sets up first (the pinned packages in .venv, as scripts/setup.sh does), then starts JupyterLab
# on 127.0.0.1 with the handbook's own Jupyter settings (jupyter-config/, never ~/.jupyter) and
# prints the address to open. Works without a network once set up. Stop it with Ctrl+C.
#
# Usage: scripts/lab.sh [--copy PAGE.md ...] [--no-setup] [--port N] [extra jupyter-lab options]
#   --copy PAGE  copy a handbook page into my-notebooks/ (kept if it is already there) to work
#                in your own copy; the handbook page stays as it is
#   --no-setup   skip the set-up step (the environment is already installed)
#   --port N     the port (default: 8888, or a free one if 8888 is taken)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
venv="${SOP_VENV:-.venv}"

say() { printf '\033[1m%s\033[0m\n' "$*"; }

setup=1
port="${SOP_LAB_PORT:-}"
copies=()
extra=()
while (($#)); do
  case "$1" in
    --no-setup) setup=0 ;;
    --port) port="$2"; shift ;;
    --port=*) port="${1#--port=}" ;;
    --copy) copies+=("$2"); shift ;;
    --copy=*) copies+=("${1#--copy=}") ;;
    *) extra+=("$1") ;;
  esac
  shift
done

if ((setup)); then
  bash scripts/setup.sh lab
fi

# Staff work goes here (git-ignored): a copy of a page, results files, new notebooks.
mkdir -p my-notebooks
for page in ${copies[@]+"${copies[@]}"}; do
  if [ ! -f "$page" ]; then
    say "ไม่พบหน้า $page (page not found)"
    exit 1
  fi
  target="my-notebooks/$(basename "$page")"
  if [ -e "$target" ]; then
    say "มีสำเนาอยู่แล้ว (kept): $target"
  else
    cp "$page" "$target"
    say "คัดลอกเป็นสำเนาของคุณ: $target"
  fi
done

# The project's own Jupyter folders: settings from jupyter-config/, everything Jupyter writes
# while it runs in jupyter-config/local/ (git-ignored), nothing in the home folder.
export JUPYTER_CONFIG_DIR="$root/jupyter-config"
export JUPYTER_DATA_DIR="$root/jupyter-config/local/data"
export JUPYTER_RUNTIME_DIR="$root/jupyter-config/local/runtime"
export JUPYTER_PREFER_ENV_PATH=1
export JUPYTER_PLATFORM_DIRS=1
mkdir -p "$JUPYTER_DATA_DIR" "$JUPYTER_RUNTIME_DIR"

python="$venv/bin/python"
if [ -z "$port" ]; then
  port="$("$python" - <<'PY'
import socket
def free(p):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", p))
        except OSError:
            return False
        return True
if free(8888):
    print(8888)
else:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])
PY
)"
fi
token="$("$python" -c 'import secrets; print(secrets.token_hex(24))')"
url="http://127.0.0.1:$port/lab/tree/book?token=$token"

args=(--ServerApp.root_dir="$root" --ServerApp.port="$port" --ServerApp.port_retries=0
      --IdentityProvider.token="$token")
if [ "$(id -u)" = 0 ]; then
  args+=(--allow-root)
fi

say "เปิดคู่มือใน JupyterLab ที่ (open in a browser):"
echo "  $url"
say "ดับเบิลคลิกหน้า .md เพื่อเปิดเป็นโน้ตบุ๊ก งานของคุณเองให้บันทึกไว้ในโฟลเดอร์ my-notebooks/"
say "(File > Save As… แล้วเลือก my-notebooks/) หยุดด้วย Ctrl+C"
exec "$venv/bin/jupyter-lab" "${args[@]}" ${extra[@]+"${extra[@]}"}
