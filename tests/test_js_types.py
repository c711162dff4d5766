"""The shipped scripts type-check: ``tsc --checkJs --strict --noEmit`` over every one of them
(TypeScript pinned in package.json, installed by scripts/setup.sh test)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TSC = ROOT / "node_modules" / ".bin" / "tsc"
STATIC = ROOT / "src" / "sop_helpers" / "sphinx_ext" / "static"


def _tsc(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    if not TSC.exists():
        pytest.fail("TypeScript is not installed: run scripts/setup.sh test (npm ci)")
    return subprocess.run(
        [str(TSC), *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=300
    )


def test_typescript_is_pinned() -> None:
    package = json.loads((ROOT / "package.json").read_text("utf-8"))
    version = package["devDependencies"]["typescript"]
    assert version[0].isdigit(), f"typescript must be pinned to one version, not {version}"
    lock = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
    assert lock["packages"]["node_modules/typescript"]["version"] == version


def test_every_shipped_script_type_checks() -> None:
    result = _tsc("-p", "tsconfig.json", "--listFiles")
    assert result.returncode == 0, result.stdout + result.stderr
    checked = {Path(line).name for line in result.stdout.splitlines() if "/static/" in line}
    assert checked == {p.name for p in STATIC.glob("*.js")}


def test_the_check_catches_a_type_error(tmp_path: Path) -> None:
    (tmp_path / "bad.js").write_text(
        '// @ts-check\n/** @param {number} n */\nconst twice = (n) => n * 2;\ntwice("2");\n',
        encoding="utf-8",
    )
    config = json.loads(
        "\n".join(
            line
            for line in (ROOT / "tsconfig.json").read_text("utf-8").splitlines()
            if not line.lstrip().startswith("//")
        )
    )
    config["include"] = ["bad.js"]
    (tmp_path / "tsconfig.json").write_text(json.dumps(config), encoding="utf-8")
    result = _tsc("-p", "tsconfig.json", cwd=tmp_path)
    assert result.returncode != 0
    assert "TS2345" in result.stdout
