"""``{operations-calendar}``: the calendar of each fiscal year in ``sop_calendar_years``, as a
table with a downloadable ``.ics`` file per year, this fiscal year first and open.

The years are ordered by the build's date (:func:`sop_helpers.calendar.year_order`): the current
fiscal year first and open, the years to come, then the years that have ended, each folded to
one line; ``calendar-now.js`` does the same by the reader's clock. The ``.ics`` files are
generated into a folder under the doctree directory (rewritten only when their bytes change)
and referenced with Sphinx's own download node, so Sphinx copies them to ``_downloads/`` like
any ``{download}`` file; nothing is copied by hand after the build.
"""

from __future__ import annotations

import datetime as dt
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
from sop_helpers._html import attrs, element
from sop_helpers.calendar import (
    CalendarEvent,
    ics_file_name,
    operations_calendar,
    pending_steps,
    to_ical,
    year_order,
)
from sop_helpers.fiscal import fiscal_year_range
from sop_helpers.procedures import Procedure
from sop_helpers.thai import thai_date, thai_number
from sop_helpers.wording import STEP

from .handbook_data import procedures as project_procedures
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
        step = f"{STEP} {thai_number(event.step_number)}: {event.step_text}"
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


def load_for(directive: SphinxDirective, failed: str) -> dict[str, Procedure] | None:
    """The procedures (each file a dependency of the page), or None after a warning that
    starts with ``failed``."""
    try:
        return project_procedures(directive.env.app)
    except SopError as exc:
        logger.warning(
            f"{failed}: {exc}",
            location=directive.get_location(),
            type="sop",
            subtype="calendar",
        )
        return None


class OperationsCalendarDirective(SphinxDirective):
    """Render the calendar table and the .ics download of each configured fiscal year."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        years: list[int] = list(self.config.sop_calendar_years)
        procedures = load_for(self, "สร้างปฏิทินการดำเนินงานไม่ได้")
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
        order = year_order(years, dt.date.today())
        has_current = any(state == "current" for _, state in order)
        for k, (year, state) in enumerate(order):
            events = operations_calendar(year, procedures)
            ics_path = out_dir / ics_file_name(year)  # the name it is saved under: Thai
            _write_if_changed(
                ics_path,
                to_ical(
                    year,
                    events,
                    site_url=str(self.config.sop_site_url),
                    digits=self.config.sop_digits,
                ),
            )
            # Only this fiscal year is open (else the nearest one): the others are one line each.
            box = year_box(
                fy=year, state=state, open=state == "current" or (not has_current and k == 0)
            )
            box += _table(year, events)
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
            box += para
            box["count"] = len(events)
            result.append(box)
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


class year_box(nodes.General, nodes.Element):  # type: ignore[misc]
    """One fiscal year's calendar on the page: ``fy``, ``state`` (current / future / past, by the
    build's date), ``open``, ``count``. HTML: a ``<details>`` the reader unfolds; on paper (the
    single-page build the PDF is printed from) every year is open."""


_STATE_WORDS = {"current": "ปีงบประมาณนี้", "future": "ปีงบประมาณหน้า", "past": "สิ้นสุดแล้ว"}


def _visit_year_box_html(translator: Any, node: year_box) -> None:
    year = int(node["fy"])
    start, end = (thai_date(day, "month") for day in fiscal_year_range(year))
    opened = bool(node["open"]) or translator.builder.name == "singlehtml"
    # The badge names the build's view of the year; calendar-now.js changes it by the reader's
    # clock to the word it carries for that state (data-current, data-future, data-past).
    words = {f"data_{state}": word for state, word in _STATE_WORDS.items()}
    badge = element("span", escape(_STATE_WORDS[node["state"]]), class_="sop-fy-state", **words)
    summary = element(
        "summary",
        escape(f"ปีงบประมาณ {year} ({start} – {end}) {node['count']} รายการ ") + badge,
    )
    translator.body.append(
        f"<details {attrs(class_='sop-fy', data_fy=year, data_state=node['state'], open=opened)}>"
        + summary
    )


def _depart_year_box_html(translator: Any, node: year_box) -> None:
    translator.body.append("</details>")


def setup(app: Sphinx) -> None:
    """Register the directive and its node."""
    # other builders show the plain children (the table and its download line)
    add_html_node(app, year_box, _visit_year_box_html, _depart_year_box_html)
    app.add_directive("operations-calendar", OperationsCalendarDirective)
