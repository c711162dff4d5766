"""Notebook pages depend on the handbook's data: a data change changes their code's cache key."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from sop_helpers.sphinx_ext import notebook_data

NOTEBOOK = "# หน้า\n\n```{code-cell} ipython3\nprint(1)\n```\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "book" / "data" / "rates").mkdir(parents=True)
    (tmp_path / "book" / "data" / "rates" / "lunch.yml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "x.yml").write_text("id: x\n", encoding="utf-8")
    for var in ("SOP_DATA_DIR", "SOP_CHECKLISTS_DIR"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def _read(project: Path, text: str) -> tuple[str, list[str]]:
    deps: list[str] = []
    app = SimpleNamespace(
        srcdir=str(project / "book"), env=SimpleNamespace(note_dependency=deps.append)
    )
    source = [text]
    notebook_data._source_read(app, "page", source)  # type: ignore[arg-type]
    return source[0], deps


def test_notebook_gets_a_hidden_cell_and_depends_on_every_data_file(project: Path) -> None:
    text, deps = _read(project, NOTEBOOK)
    assert text.startswith(NOTEBOOK)
    assert ":tags: [remove-cell]" in text and "handbook inputs" in text
    names = {Path(d).name for d in deps}
    assert {"lunch.yml", "x.yml", "allocation.py"} <= names  # data, checklists, helper code
    assert "notebook_data.py" not in names  # the extension does not change notebook output


def test_a_data_change_changes_the_cell(project: Path) -> None:
    before, _ = _read(project, NOTEBOOK)
    (project / "book" / "data" / "rates" / "lunch.yml").write_text("a: 2\n", encoding="utf-8")
    after, _ = _read(project, NOTEBOOK)
    assert before != after


def test_plain_pages_are_left_alone(project: Path) -> None:
    text, deps = _read(project, "# หน้า\n\nข้อความ\n")
    assert text == "# หน้า\n\nข้อความ\n" and deps == []
