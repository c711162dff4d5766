"""Page metadata every content page must carry: ``last_reviewed`` (a B.E. date)."""

from __future__ import annotations

import datetime as dt

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sop_helpers.fiscal import fiscal_quarter, fiscal_year
from sop_helpers.thai import parse_be_date, thai_date, thai_number

logger = logging.getLogger(__name__)

# Pages Sphinx makes itself have no source front matter.
_GENERATED = {"genindex", "search", "py-modindex"}


def check_last_reviewed(app: Sphinx, doctree: nodes.document) -> None:
    """Warn (an error under -W) when a page lacks a valid ``last_reviewed`` front-matter field."""
    env = app.env
    docname = env.docname
    if docname in _GENERATED:
        return
    meta = env.metadata.get(docname, {})
    value = meta.get("last_reviewed")
    location = (env.doc2path(docname), 1)
    if value is None:
        logger.warning(
            "หน้านี้ไม่มี last_reviewed ใน front matter (วันที่ทบทวนล่าสุด พ.ศ. เช่น 2569-11-28)",
            location=location,
            type="sop",
            subtype="last_reviewed",
        )
        return
    try:
        parse_be_date(value)
    except ValueError as exc:
        logger.warning(str(exc), location=location, type="sop", subtype="last_reviewed")


class FiscalTodayDirective(SphinxDirective):
    """``{fiscal-today}``: which fiscal year and quarter today falls in.

    The build date's answer is in the page (it reads without JavaScript); ``sop.js`` replaces it
    with the reader's own today.
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        text = f"{fiscal_today_text(dt.date.today())} (ณ วันที่สร้างเว็บไซต์)"
        return [nodes.paragraph(text=text, classes=["sop-fiscal-today"])]


QUARTER_MONTHS = {1: "ต.ค.–ธ.ค.", 2: "ม.ค.–มี.ค.", 3: "เม.ย.–มิ.ย.", 4: "ก.ค.–ก.ย."}


def fiscal_today_text(day: dt.date) -> str:
    """``วันนี้ ๒๘ พฤศจิกายน ๒๕๖๙ อยู่ในปีงบประมาณ ๒๕๗๐ ไตรมาสที่ ๑ (ต.ค.–ธ.ค.)``."""
    year, quarter = fiscal_year(day), fiscal_quarter(day)
    return (
        f"วันนี้ {thai_date(day, 'official')} อยู่ในปีงบประมาณ {thai_number(year)}"
        f" ไตรมาสที่ {thai_number(quarter)} ({QUARTER_MONTHS[quarter]})"
    )


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", check_last_reviewed)
    app.add_directive("fiscal-today", FiscalTodayDirective)
