"""Re-run a notebook page when the data or the helper code it may use changes.

MyST-NB's execution cache keys on a notebook's code only, and Sphinx re-reads a page only when
its own source changes. So each MyST text notebook gets, as it is read, one hidden code cell
whose source holds a fingerprint of its inputs: the handbook's data (``book/data``,
``checklists``, the downloadable forms under ``book/examples/files``) and the code of the
``sop_helpers`` package the notebooks import (not this Sphinx extension). Each input file is
also a dependency of the page: editing a rate, a sample CSV, a checklist or a helper re-reads
the page, its code no longer matches the cache, and it executes again (the notebooks take about
half a minute together).

The data is checked once per build, before any notebook runs: when notebook pages are to be
read, :func:`sop_helpers.handbook.load_handbook` reads every procedure, checklist, glossary,
errata and rates file and checks the references between them. A problem becomes one Sphinx
warning placed at ``file:line`` (a strict build ends with it, no traceback), and the notebook
pages are read without running their cells: each shows its heading and a Thai note naming the
problem. They are read again at every build until the data is right, and nothing of such a
build enters the execution cache.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from sop_helpers._errors import DataError
from sop_helpers._paths import data_folder
from sop_helpers.checklists import checklists_dir
from sop_helpers.examples import data_fingerprint
from sop_helpers.procedures import procedures_dir

from .handbook_data import warn_data_error

logger = logging.getLogger(__name__)

MARKER = "```{code-cell}"
# Set on the environment (pickled with it): the last check found a problem, so the notebook
# pages were read without running and must be read again until the data is right.
BROKEN = "sop_data_broken"
_PROBLEMS: dict[int, DataError] = {}  # id(app) -> the problem found in this build
_FRONT = re.compile(r"\A---\n.*?^---[ \t]*\n", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^#[ \t].*$", re.MULTILINE)


EXTENSION = Path(__file__).parent
PACKAGE = EXTENSION.parent


def input_files(srcdir: Path) -> list[Path]:
    """Every file a notebook page may read, and the helper code it may import, sorted.

    The notebooks find their data as the package does (``$SOP_DATA_DIR`` ..., not the build's
    ``<source>/data``), so these are their folders.
    """
    roots = [
        data_folder(DataError, srcdir),
        procedures_dir(srcdir),
        checklists_dir(srcdir),
        srcdir / "examples" / "files",
    ]
    data = {p for root in roots if root.is_dir() for p in root.rglob("*") if p.is_file()}
    code = {p for p in PACKAGE.rglob("*.py") if EXTENSION not in p.parents}
    return sorted(data | code)


def hidden_cell(code: str) -> str:
    """A MyST code cell that runs but shows nothing on the page."""
    return f"\n\n{MARKER} ipython3\n:tags: [remove-cell]\n\n{code}\n```\n"


def unrun_page(text: str, problem: DataError) -> str:
    """The page without its cells: front matter (execution off), labels and heading, a note."""
    front = _FRONT.match(text)
    head, body = (text[: front.end()], text[front.end() :]) if front else ("", text)
    if head:  # MyST-NB reads a notebook's own settings from its front matter's "mystnb" key
        head = head[: head.rstrip().rfind("\n") + 1] + "mystnb:\n  execution_mode: 'off'\n---\n"
    heading = _HEADING.search(body)
    top = body[: heading.end()] if heading else "# หน้านี้ยังไม่ได้คำนวณ"
    note = (
        "\n\n```{warning}\nหน้านี้ยังไม่ได้คำนวณ: ไฟล์ข้อมูลของคู่มือมีข้อผิดพลาด จึงไม่ได้รันโค้ดของโน้ตบุ๊กนี้ "
        "แก้ไฟล์ตามข้อความด้านล่าง แล้วสร้างเว็บไซต์ใหม่\n```\n\n"
    )
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall("`+", str(problem)))])
    return f"{head}{top}{note}{fence}text\n{problem}\n{fence}\n"


def is_notebook(path: Path) -> bool:
    """A MyST text notebook: a page with code cells."""
    try:
        return MARKER in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def check_data(srcdir: Path) -> DataError | None:
    """The first problem :func:`~sop_helpers.handbook.load_handbook` finds in the book's data."""
    from sop_helpers.handbook import load_handbook

    try:
        load_handbook(data_folder(DataError, srcdir), checklists_dir(srcdir))
    except DataError as error:
        return error
    return None


def _outdated(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Check the data once, before the pages (and so the notebooks) are read."""
    _PROBLEMS.pop(id(app), None)
    notebooks = [d for d in sorted(env.found_docs) if is_notebook(Path(env.doc2path(d)))]
    if not getattr(env, BROKEN, False) and not set(notebooks) & (added | changed):
        return []  # no notebook will run: nothing to check
    start = time.perf_counter()
    problem = check_data(Path(app.srcdir))
    logger.verbose(f"handbook data checked once in {time.perf_counter() - start:.2f} s")
    setattr(env, BROKEN, problem is not None)
    if problem is None:
        return []
    _PROBLEMS[id(app)] = problem
    warn_data_error(problem, "data")
    logger.info(f"โน้ตบุ๊ก {len(notebooks)} หน้าไม่ได้รัน จนกว่าจะแก้ไฟล์ข้อมูล")
    return [d for d in notebooks if d not in added]


def _source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if MARKER not in source[0]:
        return
    files = input_files(Path(app.srcdir))
    for path in files:
        app.env.note_dependency(str(path))
    problem = _PROBLEMS.get(id(app))
    if problem is not None:
        source[0] = unrun_page(source[0], problem)
        return
    stamp = data_fingerprint(files)
    source[0] += hidden_cell(f"# handbook inputs {stamp}: a change re-runs this page")


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", _outdated)
    app.connect("source-read", _source_read)
