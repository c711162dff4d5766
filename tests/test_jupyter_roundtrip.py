"""Saving a page from JupyterLab never changes it: every page of book/ goes through jupytext's
contents manager (the one JupyterLab uses with jupytext) as JupyterLab does it, get then save,
and the bytes on disk must stay the same (the front matter with ``last_reviewed`` included)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted(
    p.relative_to(ROOT).as_posix()
    for p in (ROOT / "book").rglob("*.md")
    if "_build" not in p.parts and ".ipynb_checkpoints" not in p.parts
)


@pytest.fixture(scope="module")
def contents(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The contents manager over a copy of the handbook (book/ and the project's jupytext.toml)."""
    from jupytext import TextFileContentsManager

    root = tmp_path_factory.mktemp("handbook")
    shutil.copytree(ROOT / "book", root / "book", ignore=shutil.ignore_patterns("_build"))
    shutil.copy2(ROOT / "jupytext.toml", root / "jupytext.toml")
    return TextFileContentsManager(root_dir=str(root))


def test_every_notebook_page_is_among_the_pages() -> None:
    assert "book/self-check/jupyter.md" in PAGES
    assert len(PAGES) > 20


@pytest.mark.parametrize("page", PAGES)
def test_saving_a_page_from_jupyterlab_leaves_it_unchanged(contents: object, page: str) -> None:
    root = Path(contents.root_dir)  # type: ignore[attr-defined]
    before = (root / page).read_bytes()
    model = contents.get(page, content=True, type="notebook")  # type: ignore[attr-defined]
    assert model["type"] == "notebook"
    contents.save(model, page)  # type: ignore[attr-defined]
    after = (root / page).read_bytes()
    assert after.decode("utf-8") == before.decode("utf-8"), (
        f"{page}: saving it from JupyterLab rewrites it; a notebook page needs the front matter of "
        "the others (jupytext.notebook_metadata_filter, format_version 0.13, last_reviewed in "
        "single quotes, no YAML comments): see jupytext.toml"
    )
