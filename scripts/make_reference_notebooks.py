"""Make the reference notebooks (with outputs) that tests/test_notebooks.py regression-checks.

Sources are found, not listed: every MyST text notebook under book/ (a page with ``{code-cell}``
blocks) and every ``tests/notebooks/*.md``. Each is converted with jupytext, executed with nbclient
in its own folder (as the book build does) and written to ``tests/notebooks/reference/`` under a
name made from its path (``book/self-check/jupyter.md`` -> ``book__self-check__jupyter.ipynb``).

Usage: .venv/bin/python scripts/make_reference_notebooks.py [SOURCE.md ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "notebooks" / "reference"


def sources() -> list[Path]:
    """Every MyST notebook of the book and of tests/notebooks, sorted."""
    found = [
        path
        for path in (ROOT / "book").rglob("*.md")
        if "_build" not in path.parts and "```{code-cell}" in path.read_text("utf-8")
    ]
    found += (ROOT / "tests" / "notebooks").glob("*.md")
    return sorted(found)


def reference_for(source: Path) -> Path:
    """The reference notebook of a source page."""
    relative = source.resolve().relative_to(ROOT).with_suffix("")
    return REFERENCE / ("__".join(relative.parts) + ".ipynb")


def make(source: Path) -> Path:
    """Execute one source and write its reference notebook."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient
    from pytest_notebook.post_processors import coalesce_streams

    notebook = jupytext.read(source)
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(source.parent)}},
    ).execute()
    # The test merges stream chunks the same way; how a kernel splits them is not deterministic.
    notebook, _ = coalesce_streams(notebook, {})
    target = reference_for(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    return target


def main(argv: list[str]) -> int:
    chosen = [Path(a).resolve() for a in argv] or sources()
    for source in chosen:
        print(make(source).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
