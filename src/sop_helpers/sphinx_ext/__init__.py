"""Sphinx extension of the handbook: Thai interface, fonts, offline pages, directives.

``setup`` only registers things; each part lives in its own module with its own ``setup``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from sop_helpers import __version__

from . import (
    assets,
    calculators,
    calendar_ext,
    charts,
    checklists,
    code_toggle,
    config,
    digits,
    i18n,
    labels,
    notebook_data,
    notebook_download,
    pages,
    procedure_pages,
    search_th,
    team_view,
)


def code_version() -> int:
    """A number that changes whenever the package's Python code changes.

    Returned as ``env_version``: Sphinx then re-reads every page after a change to the code that
    renders them (data files are tracked page by page with ``note_dependency``).
    """
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return int(digest.hexdigest()[:12], 16)


def setup(app: Sphinx) -> dict[str, Any]:
    config.register(app)
    i18n.setup(app)
    assets.setup(app)
    pages.setup(app)
    notebook_data.setup(app)
    notebook_download.setup(app)
    procedure_pages.setup(app)
    search_th.setup(app)
    calendar_ext.setup(app)
    calculators.setup(app)
    charts.setup(app)
    code_toggle.setup(app)
    checklists.setup(app)
    team_view.setup(app)
    digits.setup(app)
    labels.setup(app)
    return {
        "version": __version__,
        "env_version": code_version(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
