"""Sphinx extension of the handbook: Thai interface, fonts, offline pages, directives.

``setup`` only registers things; each part lives in its own module with its own ``setup``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from sop_helpers import __version__

from . import (
    assets,
    calendar_ext,
    checklists,
    config,
    i18n,
    pages,
    procedure_pages,
    search_th,
    team_view,
)


def setup(app: Sphinx) -> dict[str, Any]:
    config.register(app)
    i18n.setup(app)
    assets.setup(app)
    pages.setup(app)
    procedure_pages.setup(app)
    search_th.setup(app)
    calendar_ext.setup(app)
    checklists.setup(app)
    team_view.setup(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
