"""The book's data as the extension reads it: each file read is noted as a page dependency.

The build reads its own project's data: ``<source>/data`` (``book/data`` for the handbook),
whatever ``$SOP_DATA_DIR`` / ``$SOP_PROCEDURES_DIR`` say: those, and the search upwards from
the current folder, are how the package and the notebooks find theirs
(:func:`sop_helpers.rates.data_dir`, :func:`sop_helpers.procedures.procedures_dir`).
Every directive reads the procedures here
(:func:`procedures`), and the checklists' folder too (:func:`checklists_folder`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from sop_helpers._errors import DataError
from sop_helpers.checklists import checklists_dir
from sop_helpers.errata import Erratum, load_errata
from sop_helpers.glossary import load_glossary
from sop_helpers.procedures import Procedure, load_procedures

logger = logging.getLogger(__name__)


def warn_data_error(error: DataError, subtype: str, fallback: str | None = None) -> None:
    """Log a data error as a Sphinx warning placed at its ``file:line`` (else at ``fallback``).

    The location is a plain ``file:line`` string: a ``(docname, line)`` tuple would get a source
    suffix added. With ``-W --keep-going`` the build goes on and ends non-zero, no traceback.
    """
    location = f"{error.source}:{error.line or 1}" if error.source else fallback
    message = f"{error.pointer}: {error.message}" if error.pointer else error.message
    logger.warning(message, location=location, type="sop", subtype=subtype)


def data_dir(app: Sphinx) -> Path:
    """The book's data folder (``<source>/data``)."""
    return Path(app.srcdir) / "data"


def depend(app: Sphinx, paths: Iterable[Path]) -> None:
    """Note each path as a dependency of the page being read."""
    for path in paths:
        app.env.note_dependency(str(path))


def procedures_folder(app: Sphinx) -> Path:
    """The project's procedures: ``<source>/data/procedures``."""
    return data_dir(app) / "procedures"


def procedure_files(app: Sphinx, ids: Iterable[str]) -> list[Path]:
    """The files of these procedures in the project's folder."""
    return [procedures_folder(app) / f"{pid}.yml" for pid in ids]


def procedures(app: Sphinx, *, note: bool = True) -> dict[str, Procedure]:
    """Every procedure, in its ``order``; each file noted as a dependency of the page being read
    (before reading, so a page that failed is read again once the file is fixed).

    ``note=False`` notes none: a page that uses only some procedures notes their
    :func:`procedure_files` itself.
    """
    folder = procedures_folder(app)
    if note:
        depend(app, sorted(folder.glob("*.yml")))
    return dict(load_procedures(folder))


def checklists_folder(app: Sphinx) -> Path:
    """The project's checklists: ``checklists/`` beside or above the source folder, or
    ``$SOP_CHECKLISTS_DIR`` (:func:`sop_helpers.checklists.checklists_dir`; the checklists are
    not part of ``book/data``)."""
    return checklists_dir(app.srcdir)


def errata(app: Sphinx) -> tuple[Erratum, ...]:
    """The errata, noted as a dependency of the page being read."""
    path = data_dir(app) / "errata.yml"
    depend(app, [path])
    return load_errata(path)


def glossary(app: Sphinx) -> dict[str, Any]:
    """The glossary, noted as a dependency of the page being read."""
    path = data_dir(app) / "glossary.yml"
    depend(app, [path])
    return dict(load_glossary(path))
