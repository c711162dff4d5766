"""The book's data as the extension reads it: each file read is noted as a page dependency."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from sop_helpers.errata import Erratum, load_errata
from sop_helpers.glossary import load_glossary
from sop_helpers.procedures import Procedure, load_procedures


def data_dir(app: Sphinx) -> Path:
    """The book's data folder (``<source>/data``)."""
    return Path(app.srcdir) / "data"


def depend(app: Sphinx, paths: Iterable[Path]) -> None:
    """Note each path as a dependency of the page being read."""
    for path in paths:
        app.env.note_dependency(str(path))


def procedures(app: Sphinx) -> dict[str, Procedure]:
    """Every procedure, each file noted as a dependency of the page being read."""
    folder = data_dir(app) / "procedures"
    depend(app, sorted(folder.glob("*.yml")))
    return dict(load_procedures(folder))


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
