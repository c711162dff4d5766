"""The calendar as a work tool: the operations calendar, the fiscal year month by month, and the
start page's "this month / falling due" block.

- ``{operations-calendar}``: the calendar of each fiscal year in ``sop_calendar_years`` as a
  table, with a downloadable ``.ics`` file per year;
- ``{fiscal-months}``: the fiscal year month by month (:func:`~sop_helpers.schedule.year_table`);
  each row carries its months as classes (``sop-m-12``) so ``calendar-now.js`` marks the reader's
  current month; months with no step are folded into one short row;
- ``{sop-month-work}``: the steps' months and due days as JSON (:func:`month_work`) for
  ``calendar-now.js``, which lists this month's steps and what falls due in the next weeks by the
  reader's own clock (the site is static, so "now" is only known in the browser).

The ``.ics`` files are generated into a folder under the doctree directory (rewritten only when
their bytes change) and referenced with Sphinx's own download node, so Sphinx copies them to
``_downloads/`` like any ``{download}`` file; nothing is copied by hand after the build.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sop_helpers._errors import SopError
from sop_helpers._files import write_bytes_atomic
from sop_helpers._html import element
from sop_helpers.calendar import (
    CalendarEvent,
    month_names,
    month_work,
    operations_calendar,
    pending_steps,
    to_ical,
)
from sop_helpers.output import script_json
from sop_helpers.procedures import Procedure, load_procedures, procedures_dir
from sop_helpers.schedule import MonthRow, year_table
from sop_helpers.thai import month_name, thai_number

from .assets import use_static
from .html_nodes import add_html_node

logger = logging.getLogger(__name__)

HOW_TO_IMPORT = (
    "นำเข้าไฟล์ .ics ได้ใน Google Calendar (การตั้งค่า > นำเข้าและส่งออก > นำเข้า) "
    "และใน Outlook (ไฟล์ > เปิดและส่งออก > นำเข้า/ส่งออก หรือเปิดไฟล์โดยตรง) "
    "ทุกรายการเป็นกิจกรรมทั้งวัน ขั้นตอนที่มีช่วงเดือนแสดงตลอดช่วงนั้น "
    "รายงานรายไตรมาสอยู่ในวันสุดท้ายของไตรมาส"
)


def _write_if_changed(path: Path, data: bytes) -> None:
    # Keeping the mtime when nothing changed stops Sphinx from re-reading the page every build.
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(path, data)


def _table(fiscal_year: int, events: tuple[CalendarEvent, ...]) -> nodes.table:
    table = nodes.table(classes=["sop-calendar"])
    table += nodes.title(text=f"ปฏิทินการดำเนินงาน ปีงบประมาณ {fiscal_year}")
    group = nodes.tgroup(cols=3)
    table += group
    for width in (22, 28, 50):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for label in ("วันที่", "งาน", "ขั้นตอน"):
        row += nodes.entry("", nodes.paragraph(text=label))
    head += row
    body = nodes.tbody()
    group += body
    for event in events:
        row = nodes.row()
        step = f"ขั้นตอนที่ {thai_number(event.step_number)}: {event.step_text}"
        if event.label:
            step += f" ({event.label})"
        # No break inside a date ("๑ ต.ค. ๖๘"); a range breaks only after its dash.
        when = nodes.paragraph(classes=["sop-date"])
        sides = [side.strip().replace(" ", "\u00a0") for side in event.when_th.split("–")]
        for k, side in enumerate(sides):
            if k:
                when += nodes.Text(" ")
            dash = "\u00a0–" if k < len(sides) - 1 else ""
            when += nodes.inline(text=side + dash, classes=["sop-nowrap"])
        row += nodes.entry("", when)
        for text in (event.procedure_title, step):
            row += nodes.entry("", nodes.paragraph(text=text))
        body += row
    return table


class OperationsCalendarDirective(SphinxDirective):
    """Render the calendar table and the .ics download of each configured fiscal year."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        years: list[int] = list(self.config.sop_calendar_years)
        procedures = _load(self, "สร้างปฏิทินการดำเนินงานไม่ได้")
        if procedures is None:
            return []
        if not years:
            logger.warning(
                "ไม่ได้กำหนด sop_calendar_years จึงไม่มีปฏิทินให้แสดง",
                location=self.get_location(),
                type="sop",
                subtype="calendar",
            )
            return []
        out_dir = Path(self.env.app.doctreedir) / "sop_calendar"
        doc_dir = (Path(self.env.srcdir) / self.env.docname).parent
        result: list[nodes.Node] = []
        for year in years:
            events = operations_calendar(year, procedures)
            ics_path = out_dir / f"operations-calendar-{year}.ics"
            _write_if_changed(
                ics_path, to_ical(year, events, site_url=str(self.config.sop_site_url))
            )
            result.append(_table(year, events))
            link = addnodes.download_reference(
                "",
                "",
                refdoc=self.env.docname,
                reftarget=os.path.relpath(ics_path, doc_dir),
                refexplicit=True,
                refwarn=False,
            )
            link += nodes.inline(text=f"ดาวน์โหลดปฏิทินปีงบประมาณ {year} (ไฟล์ .ics)")
            para = nodes.paragraph(classes=["sop-calendar-download"])
            para += link
            para += nodes.Text(f" มี {len(events)} รายการ")
            result.append(para)
        result.append(nodes.paragraph(text=HOW_TO_IMPORT))
        pending = pending_steps(procedures)
        if pending:
            para = nodes.paragraph(
                text="ขั้นตอนที่เอกสารมาตรฐานการปฏิบัติงานไม่ได้ระบุเวลา (สำนักงานต้องกำหนด จึงยังไม่อยู่ในปฏิทิน): "
            )
            names = sorted({p.title for p, _ in pending}, key=lambda t: t)
            para += nodes.Text(
                "; ".join(
                    f"{name} {sum(1 for p, _ in pending if p.title == name)} ขั้นตอน"
                    for name in names
                )
            )
            result.append(para)
        return result


def _load(
    directive: SphinxDirective, failed: str = "อ่านข้อมูลกระบวนงานไม่ได้"
) -> dict[str, Procedure] | None:
    """The procedures (each file a dependency of the page), or None after a warning that
    starts with ``failed``."""
    try:
        folder = procedures_dir(directive.env.srcdir)
        for path in sorted(folder.glob("*.yml")):
            directive.env.note_dependency(str(path))
        return dict(load_procedures(folder))
    except SopError as exc:
        logger.warning(
            f"{failed}: {exc}",
            location=directive.get_location(),
            type="sop",
            subtype="calendar",
        )
        return None


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
        for run in _month_runs(year_table(procedures.values())):
            classes = [f"sop-m-{r.month}" for r in run]
            row = nodes.row(classes=classes + ([] if run[0].entries else ["sop-month-empty"]))
            row += nodes.entry("", nodes.paragraph(text=_month_label(run)))
            cell = nodes.entry()
            if run[0].entries:
                listing = nodes.bullet_list()
                for e in run[0].entries:
                    para = nodes.paragraph()
                    para += _step_ref(
                        e.procedure,
                        e.step.id,
                        f"{e.procedure.title} ขั้นตอนที่ {thai_number(e.step.number)}",
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


def _page_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    # Only the two pages that show "now" load the script; the start page's block needs SopCore.
    if doctree is None:
        return
    if next(iter(doctree.findall(month_work_node)), None) is not None:
        app.add_js_file("sop-core.js", defer="defer")
        app.add_js_file("calendar-now.js", defer="defer")
    elif next(iter(doctree.findall(month_table)), None) is not None:
        app.add_js_file("calendar-now.js", defer="defer")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives, their nodes and the script."""
    # other builders show the plain children (the table; the no-script sentence)
    add_html_node(app, month_table, None)
    add_html_node(app, month_work_node, _visit_month_work_html)
    app.add_directive("operations-calendar", OperationsCalendarDirective)
    app.add_directive("fiscal-months", FiscalMonthsDirective)
    app.add_directive("sop-month-work", MonthWorkDirective)
    app.connect("builder-inited", use_static)
    app.connect("html-page-context", _page_script)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
