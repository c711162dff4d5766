"""Notebook regression: each MyST notebook (book pages with code cells, tests/notebooks/*.md) is
re-executed by pytest-notebook and compared with its committed reference notebook.

Make or refresh the references with ``.venv/bin/python scripts/make_reference_notebooks.py``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "make_reference_notebooks", ROOT / "scripts" / "make_reference_notebooks.py"
)
assert _spec is not None and _spec.loader is not None
refs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(refs)

SOURCES = refs.sources()
IDS = [str(p.relative_to(ROOT)) for p in SOURCES]

# Fields that change on every run and say nothing about the handbook's numbers.
VOLATILE = (
    "/metadata/language_info",
    "/metadata/widgets",
    "/metadata/kernelspec",
    "/cells/*/metadata/execution",
    "/cells/*/outputs/*/data/application/vnd.jupyter.widget-view+json",
    "/cells/*/outputs/*/data/application/vnd.jupyter.widget-state+json",
    "/cells/*/execution_count",
    "/cells/*/outputs/*/execution_count",
)


def _code(cells: list[Any]) -> list[str]:
    return [cell.source for cell in cells if cell.cell_type == "code"]


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_reference_has_the_page_code(source: Path) -> None:
    import jupytext
    import nbformat

    reference = refs.reference_for(source)
    assert reference.is_file(), f"no reference: run scripts/make_reference_notebooks.py {source}"
    page = jupytext.read(source)
    stored = nbformat.read(reference, as_version=4)
    assert _code(page.cells) == _code(stored.cells), (
        f"{source} changed: run scripts/make_reference_notebooks.py {source}"
    )


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_outputs_match_reference(source: Path, nb_regression: Any) -> None:
    reference = refs.reference_for(source)
    if not reference.is_file():
        pytest.fail(f"no reference: run scripts/make_reference_notebooks.py {source}")
    nb_regression.diff_ignore = VOLATILE
    nb_regression.exec_cwd = str(source.parent)
    nb_regression.exec_timeout = 300
    nb_regression.check(str(reference))
