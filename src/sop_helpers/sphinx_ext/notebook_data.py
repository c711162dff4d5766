"""Re-run a notebook page when the data or the helper code it may use changes.

MyST-NB's execution cache keys on a notebook's code only, and Sphinx re-reads a page only when
its own source changes. So each MyST text notebook gets, as it is read, one hidden code cell
whose source holds a fingerprint of its inputs: the handbook's data (``book/data``,
``checklists``, the downloadable forms under ``book/examples/files``) and the code of the
``sop_helpers`` package the notebooks import (not this Sphinx extension). Each input file is
also a dependency of the page: editing a rate, a sample CSV, a checklist or a helper re-reads
the page, its code no longer matches the cache, and it executes again (the notebooks take about
half a minute together).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from sop_helpers._errors import DataError
from sop_helpers._paths import find_folder
from sop_helpers.examples import data_fingerprint

MARKER = "```{code-cell}"


EXTENSION = Path(__file__).parent
PACKAGE = EXTENSION.parent


def input_files(srcdir: Path) -> list[Path]:
    """Every file a notebook page may read, and the helper code it may import, sorted."""
    roots = [
        find_folder("SOP_DATA_DIR", "book/data", DataError, srcdir, marker="rates"),
        find_folder("SOP_CHECKLISTS_DIR", "checklists", DataError, srcdir),
        srcdir / "examples" / "files",
    ]
    data = [p for root in roots if root.is_dir() for p in root.rglob("*") if p.is_file()]
    code = [p for p in PACKAGE.rglob("*.py") if EXTENSION not in p.parents]
    return sorted(data + code)


def hidden_cell(code: str) -> str:
    """A MyST code cell that runs but shows nothing on the page."""
    return f"\n\n{MARKER} ipython3\n:tags: [remove-cell]\n\n{code}\n```\n"


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if MARKER not in source[0]:
        return
    files = input_files(Path(app.srcdir))
    for path in files:
        app.env.note_dependency(str(path))
    stamp = data_fingerprint(files)
    source[0] += hidden_cell(f"# handbook inputs {stamp}: a change re-runs this page")


def setup(app: Sphinx) -> None:
    app.connect("source-read", _source_read)
