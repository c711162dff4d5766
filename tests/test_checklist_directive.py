"""The checklist directive in a small Sphinx project: good files render, bad ones fail."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .support import sphinx_build

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

CONF = """
extensions = []
def setup(app):
    from sop_helpers.sphinx_ext import checklists
    checklists.setup(app)
"""

pytestmark = pytest.mark.build


def _build(
    tmp_path: Path, checklist_id: str, folder: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.rst").write_text(
        f"Test\n====\n\n.. checklist:: {checklist_id}\n\n.. checklist-progress::\n",
        encoding="utf-8",
    )
    # the build reads the procedures of its own project (<source>/data/procedures)
    shutil.copytree(DATA / "procedures", src / "data" / "procedures")
    return sphinx_build(src, tmp_path / "out", {"SOP_CHECKLISTS_DIR": str(folder), **env})


def test_checklist_renders_with_hooks(tmp_path: Path) -> None:
    result = _build(tmp_path, "director-standards", DATA / "checklists")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert 'data-checklist-id="director-standards"' in html
    assert 'data-checklist-version="1"' in html
    assert 'data-level="0"' in html
    assert 'data-progress="0/10"' in html
    assert "checklist.js" in html
    assert (tmp_path / "out" / "_static" / "checklist.js").is_file()


def test_the_build_reads_its_own_projects_procedures(tmp_path: Path) -> None:
    """$SOP_PROCEDURES_DIR is how notebooks find other data; a build keeps to its project."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()  # an empty folder: a build that read it would find no procedure
    result = _build(
        tmp_path, "director-standards", DATA / "checklists", SOP_PROCEDURES_DIR=str(elsewhere)
    )
    assert result.returncode == 0, result.stderr
    assert 'data-checklist-id="director-standards"' in (tmp_path / "out" / "index.html").read_text()


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [("missing-step", 10, "ไม่มีขั้นตอน 's9'"), ("number-as-text", 5, "ต้องเป็นข้อความ")],
)
def test_malformed_checklist_fails_the_build(
    tmp_path: Path, name: str, line: int, words: str
) -> None:
    folder = tmp_path / "checklists"
    folder.mkdir()
    shutil.copy(DATA / "bad_checklists" / f"{name}.yml", folder / f"{name}.yml")
    result = _build(tmp_path, name, folder)
    assert result.returncode != 0
    assert f"{folder / name}.yml:{line}" in result.stderr
    assert words in result.stderr
