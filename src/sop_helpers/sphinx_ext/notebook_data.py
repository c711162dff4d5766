"""Re-run a notebook page when the data it may read changes.

MyST-NB's execution cache keys on a notebook's code only, and Sphinx re-reads a page only when
its own source changes. So each MyST text notebook gets, as it is read, one hidden code cell
whose source holds a fingerprint of the handbook's data (``book/data`` and ``checklists``), and
every data file is recorded as a dependency of the page: editing a rate, a sample CSV or a
checklist re-reads the page, its code no longer matches the cache, and it executes again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx

from sop_helpers._errors import DataError
from sop_helpers._paths import find_folder

MARKER = "```{code-cell}"


def data_files(srcdir: Path) -> list[Path]:
    """Every file under the book's data folder and the checklists folder, sorted."""
    roots = [
        find_folder("SOP_DATA_DIR", "book/data", DataError, srcdir, marker="rates"),
        find_folder("SOP_CHECKLISTS_DIR", "checklists", DataError, srcdir),
    ]
    return sorted(p for root in roots for p in root.rglob("*") if p.is_file())


def fingerprint(files: list[Path], base: Path) -> str:
    """Short SHA-256 over the files' paths (relative to ``base``) and bytes."""
    digest = hashlib.sha256()
    for path in files:
        name = path.relative_to(base) if path.is_relative_to(base) else Path(path.name)
        digest.update(name.as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def hidden_cell(code: str) -> str:
    """A MyST code cell that runs but shows nothing on the page."""
    return f"\n\n{MARKER} ipython3\n:tags: [remove-cell]\n\n{code}\n```\n"


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if MARKER not in source[0]:
        return
    srcdir = Path(app.srcdir)
    files = data_files(srcdir)
    for path in files:
        app.env.note_dependency(str(path))
    stamp = fingerprint(files, srcdir.parent)
    source[0] += hidden_cell(f"# handbook data {stamp}: a data change re-runs this page")


def setup(app: Sphinx) -> None:
    app.connect("source-read", _source_read)
