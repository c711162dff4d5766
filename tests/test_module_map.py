"""The module map (scripts/module_map.py) names every module of the package and what it holds."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("module_map", ROOT / "scripts" / "module_map.py")
assert _spec is not None and _spec.loader is not None
module_map = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(module_map)


def test_every_module_says_what_it_holds() -> None:
    table = module_map.rows()
    modules = {
        p.relative_to(module_map.PACKAGE).as_posix() for p in module_map.PACKAGE.rglob("*.py")
    }
    assert {path for path, _, _ in table} == modules and len(modules) > 50
    assert [path for path, _, summary in table if len(summary) < 15] == []
    assert module_map.main(["--check"]) == 0


def test_a_module_without_docstring_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mute.py").write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "told.py").write_text('"""Holds X. And more."""\nX = 1\n', encoding="utf-8")
    assert [(p, s) for p, _, s in module_map.rows(tmp_path)] == [
        ("mute.py", ""),
        ("told.py", "Holds X."),
    ]
    module_map.PACKAGE, saved = tmp_path, module_map.PACKAGE
    try:
        assert module_map.main(["--check"]) == 1
    finally:
        module_map.PACKAGE = saved
    assert "mute.py: no docstring" in capsys.readouterr().out
