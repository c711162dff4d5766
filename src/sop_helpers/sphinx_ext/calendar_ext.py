"""The calendar as a work tool: the operations calendar, the fiscal year month by month, and the
start page's "this month / falling due" block.

- ``{operations-calendar}``: the calendar of each fiscal year in ``sop_calendar_years`` as a
  table, with a downloadable ``.ics`` file per year, this fiscal year first
  (:mod:`.calendar_years`);
- ``{fiscal-months}``: the fiscal year month by month (:func:`~sop_helpers.schedule.year_table`);
  each row carries its months as classes (``sop-m-12``) so ``calendar-now.js`` marks the reader's
  current month; months with no step are folded into one short row;
- ``{sop-month-work}``: the steps' months and due days as JSON (:func:`month_work`) for
  ``calendar-now.js``, which lists this month's steps and what falls due in the next weeks by the
  reader's own clock (the site is static, so "now" is only known in the browser).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sop_helpers._html import element
from sop_helpers.calendar import month_names, month_work
from sop_helpers.output import script_json
from sop_helpers.procedures import Procedure
from sop_helpers.schedule import MonthRow, year_table
from sop_helpers.thai import month_name, thai_number

from . import calendar_years
from .assets import declare
from .calendar_years import year_box
from .html_nodes import add_html_node

logger = logging.getLogger(__name__)


def _load(directive: SphinxDirective) -> dict[str, Procedure] | None:
    """The procedures (each file a dependency of the page), or None after a warning."""
    return calendar_years.load_for(directive, "อ่านข้อมูลกระบวนงานไม่ได้")


class month_table(nodes.General, nodes.Element):  # type: ignore[misc]
    """Wraps the month-by-month table: the page needs ``calendar-now.js`` (current month marked)."""


def _step_ref(procedure: Procedure, step_id: str, text: str) -> nodes.Element:
    ref: nodes.Element = addnodes.pending_xref(
        "",
        refdomain="std",
        reftype="ref",
        reftarget=f"proc-{procedure.id}-{step_id}",
        refexplicit=True,
        refwarn=True,
    )
    ref += nodes.inline(text=text)
    return ref


def _month_runs(rows: tuple[MonthRow, ...]) -> list[list[MonthRow]]:
    """Rows with steps stay one per month; consecutive months without a step fold into one."""
    runs: list[list[MonthRow]] = []
    for row in rows:
        if not row.entries and runs and not runs[-1][-1].entries:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _month_label(run: list[MonthRow]) -> str:
    first, last = run[0], run[-1]
    name = month_name(first.month)
    if last is not first:
        name += f"–{month_name(last.month)}"
    quarter = thai_number(first.quarter)
    if last.quarter != first.quarter:
        quarter += f"–{thai_number(last.quarter)}"
    return f"{name} (ไตรมาสที่ {quarter})"


EMPTY_MARK = "–"
NOW_BADGE = "เดือนนี้"  # calendar-now.js moves it when the reader's month is another
EMPTY_NOTE = f"{EMPTY_MARK} ไม่มีขั้นตอนที่เอกสารมาตรฐานการปฏิบัติงานกำหนดเวลาไว้ในเดือนนั้น"


class FiscalMonthsDirective(SphinxDirective):
    """``{fiscal-months}``: the fiscal year month by month with each procedure's steps."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        procedures = _load(self)
        if procedures is None:
            return []
        table = nodes.table(classes=["sop-year-table"])
        group = nodes.tgroup(cols=2)
        table += group
        for width in (28, 72):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        row = nodes.row()
        for label in ("เดือน", "งานที่ดำเนินการ"):
            row += nodes.entry("", nodes.paragraph(text=label))
        head += row
        body = nodes.tbody()
        group += body
        # The build's month is marked as the page is written, so the mark takes its place before
        # the first paint (no layout shift); the reader's clock moves it in another month.
        month = dt.date.today().month
        for run in _month_runs(year_table(procedures.values())):
            classes = [f"sop-m-{r.month}" for r in run]
            now = month in (r.month for r in run)
            row = nodes.row(
                classes=classes
                + ([] if run[0].entries else ["sop-month-empty"])
                + (["sop-now"] if now else [])
            )
            label = nodes.paragraph(text=_month_label(run))
            if now:
                label += nodes.Text(" ")
                label += nodes.inline(text=NOW_BADGE, classes=["sop-now-badge"])
            row += nodes.entry("", label)
            cell = nodes.entry()
            if run[0].entries:
                listing = nodes.bullet_list()
                for e in run[0].entries:
                    para = nodes.paragraph()
                    para += _step_ref(
                        e.procedure,
                        e.step.id,
                        f"{e.procedure.title} {e.step.numbered}",
                    )
                    para += nodes.Text(f" {e.step.short}" + (f" ({e.note})" if e.note else ""))
                    listing += nodes.list_item("", para)
                cell += listing
            else:
                cell += nodes.paragraph(text=EMPTY_MARK)
            row += cell
            body += row
        wrapper = month_table()
        wrapper += table
        wrapper += nodes.paragraph(text=EMPTY_NOTE, classes=["sop-year-note"])
        return [wrapper]


class month_work_node(nodes.General, nodes.Element):  # type: ignore[misc]
    """The start page's "this month / falling due" block; ``steps`` and ``procedures`` hold the
    data, the HTML visitor writes it as JSON for ``calendar-now.js`` (other builders skip it)."""


WEEKS_AHEAD = 6
"""How far ahead (weeks) the start page lists what falls due."""

NO_SCRIPT = "งานของเดือนนี้คำนวณจากวันที่ในเครื่องของท่านเมื่อเปิดหน้านี้ในเบราว์เซอร์ ดูงานทุกเดือนได้ที่ปฏิทินปีงบประมาณ"


class MonthWorkDirective(SphinxDirective):
    """``{sop-month-work}``: this month's steps and the next weeks' deadlines (in the browser)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        procedures = _load(self)
        if procedures is None:
            return []
        node = month_work_node(
            steps=month_work(procedures.values()),
            procedures={
                p.id: {"title": p.title, "short": p.short_title} for p in procedures.values()
            },
        )
        node += nodes.paragraph(text=NO_SCRIPT)
        return [node]


def _visit_month_work_html(translator: Any, node: month_work_node) -> None:
    builder = translator.builder
    procedures = {
        pid: {**info, "url": builder.get_relative_uri(builder.current_docname, f"procedures/{pid}")}
        for pid, info in node["procedures"].items()
    }
    data = {
        "weeks": WEEKS_AHEAD,
        "months": month_names(),
        "procedures": procedures,
        "steps": node["steps"],
        "fiscal": builder.get_relative_uri(builder.current_docname, "fiscal-year"),
    }
    fallback = element("p", escape(NO_SCRIPT), class_="sop-mw-fallback")
    script = f'<script type="application/json" class="sop-month-data">{script_json(data)}</script>'
    translator.body.append(element("div", fallback + script, class_="sop-month-work"))
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives, their nodes and the script."""
    # other builders show the plain children (the table; the no-script sentence)
    add_html_node(app, month_table, None)
    add_html_node(app, month_work_node, _visit_month_work_html)
    calendar_years.setup(app)
    app.add_directive("fiscal-months", FiscalMonthsDirective)
    app.add_directive("sop-month-work", MonthWorkDirective)
    # Only the pages that show "now" load the script; the start page's block needs SopCore.
    declare(
        app,
        "month-work",
        scripts=("sop-core.js", "calendar-now.js"),
        nodes=(month_work_node,),
        words=("now.",),  # what calendar-now.js says in the block (SopCore.say)
    )
    declare(app, "calendar-now", scripts=("calendar-now.js",), nodes=(month_table, year_box))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
