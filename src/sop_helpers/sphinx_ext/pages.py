"""Page metadata every content page must carry: ``last_reviewed`` (a B.E. date)."""

from __future__ import annotations

import datetime as dt
from string import Formatter

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sop_helpers.fiscal import fiscal_quarter, fiscal_year, quarter_span
from sop_helpers.thai import parse_be_date, thai_date, thai_number
from sop_helpers.wording import TEXTS

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

    The build date's answer is in the page (it reads without JavaScript), each value in its own
    ``<span class="sop-ft-<field>">`` of the wording ``fiscal.today``; ``sop.js`` fills those
    spans by the reader's own today, so the words stay in :mod:`sop_helpers.wording`.
    """

    has_content = False

    def run(self) -> list[nodes.Node]:
        values = fiscal_today_values(dt.date.today())
        para = nodes.paragraph(classes=["sop-fiscal-today"])
        for literal, name, _, _ in Formatter().parse(TEXTS["fiscal.today"]):
            if literal:
                para += nodes.Text(literal)
            if name:
                para += nodes.inline(text=values[name], classes=[f"sop-ft-{name}"])
        para += nodes.inline(text=TEXTS["fiscal.built"], classes=["sop-ft-built"])
        return [para]


def fiscal_today_values(day: dt.date) -> dict[str, str]:
    """The fields of ``fiscal.today`` on ``day``: date, fiscal year, quarter and its months."""
    year, quarter = fiscal_year(day), fiscal_quarter(day)
    return {
        "date": thai_date(day, "official"),
        "year": thai_number(year),
        "quarter": thai_number(quarter),
        "months": quarter_span(quarter),
    }


def fiscal_today_text(day: dt.date) -> str:
    """``วันนี้ ๒๘ พฤศจิกายน ๒๕๖๙ อยู่ในปีงบประมาณ ๒๕๗๐ ไตรมาสที่ ๑ (ต.ค.–ธ.ค.)``."""
    return TEXTS["fiscal.today"].format(**fiscal_today_values(day))


def setup(app: Sphinx) -> None:
    app.connect("doctree-read", check_last_reviewed)
    app.add_directive("fiscal-today", FiscalTodayDirective)
