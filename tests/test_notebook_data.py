"""Notebook pages depend on the handbook's data: a data change changes their code's cache key."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from sop_helpers._errors import DataError
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


NOTEBOOK_PAGE = """---
kernelspec:
  name: python3
last_reviewed: '2569-11-28'
---

(a-label)=
# หัวเรื่อง

ข้อความ {glue}`x`

```{code-cell} ipython3
# not a heading
print(1)
```
"""


def test_an_unrun_page_keeps_its_heading_and_says_why_in_thai() -> None:
    from sop_helpers._errors import ChecklistError

    problem = ChecklistError("มีอักขระควบคุม", source="/d/x.yml", line=6)
    page = notebook_data.unrun_page(NOTEBOOK_PAGE, problem)
    assert page.startswith("---\nkernelspec:\n  name: python3\nlast_reviewed: '2569-11-28'\n")
    assert "mystnb:\n  execution_mode: 'off'\n---\n" in page  # MyST-NB runs nothing
    assert "(a-label)=\n# หัวเรื่อง" in page  # links to the page still resolve
    assert "code-cell" not in page and "{glue}" not in page
    assert "หน้านี้ยังไม่ได้คำนวณ" in page and "/d/x.yml:6: มีอักขระควบคุม" in page


class _Env(SimpleNamespace):
    def doc2path(self, docname: str) -> str:
        return str(Path(self.srcdir) / f"{docname}.md")


def _outdated(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    changed: set[str],
    broken: bool,
    problem: DataError | None = None,
) -> tuple[list[str], int]:
    (tmp_path / "nb.md").write_text(NOTEBOOK_PAGE, encoding="utf-8")
    (tmp_path / "plain.md").write_text("# หน้า\n", encoding="utf-8")
    calls: list[Path] = []

    def check(srcdir: Path) -> DataError | None:
        calls.append(srcdir)
        return problem

    monkeypatch.setattr(notebook_data, "check_data", check)
    env = _Env(srcdir=str(tmp_path), found_docs={"nb", "plain"}, sop_data_broken=broken)
    app = SimpleNamespace(srcdir=str(tmp_path))
    more = notebook_data._outdated(app, env, set(), changed, set())  # type: ignore[arg-type]
    return more, len(calls)


def test_the_data_is_checked_once_when_a_notebook_is_to_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _outdated(tmp_path, monkeypatch, {"nb", "plain"}, broken=False) == ([], 1)


def test_no_check_when_no_notebook_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _outdated(tmp_path, monkeypatch, {"plain"}, broken=False) == ([], 0)
    # ... unless the last check failed: its notebooks were not run and are read again
    assert _outdated(tmp_path, monkeypatch, set(), broken=True) == ([], 1)


def test_a_problem_sends_every_notebook_to_be_read_unrun(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    problem = DataError("ผิด", source=str(tmp_path / "x.yml"), line=3)
    more, calls = _outdated(tmp_path, monkeypatch, {"plain"}, broken=True, problem=problem)
    assert (more, calls) == (["nb"], 1)
    source = [NOTEBOOK_PAGE]
    app = SimpleNamespace(srcdir=str(tmp_path), env=SimpleNamespace(note_dependency=print))
    monkeypatch.setattr(notebook_data, "input_files", lambda srcdir: [])
    notebook_data._PROBLEMS[id(app)] = problem
    try:
        notebook_data._source_read(app, "nb", source)  # type: ignore[arg-type]
    finally:
        notebook_data._PROBLEMS.clear()
    assert "หน้านี้ยังไม่ได้คำนวณ" in source[0] and "print(1)" not in source[0]
