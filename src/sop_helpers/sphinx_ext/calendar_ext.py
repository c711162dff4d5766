"""``{operations-calendar}``: the operations calendar of each fiscal year in ``sop_calendar_years``
as a table, with a downloadable ``.ics`` file per year.

The ``.ics`` files are generated into a folder under the doctree directory (rewritten only when
their bytes change) and referenced with Sphinx's own download node, so Sphinx copies them to
``_downloads/`` like any ``{download}`` file; nothing is copied by hand after the build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sop_helpers._errors import SopError
from sop_helpers._files import write_bytes_atomic
from sop_helpers.calendar import CalendarEvent, operations_calendar, pending_steps, to_ical
from sop_helpers.procedures import load_procedures, procedures_dir
from sop_helpers.thai import thai_number

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
        sides = [side.strip().replace(" ", "\u00a0") for side in event.when_th.split("–")]
        when = "\u00a0– ".join(sides)
        for k, text in enumerate((when, event.procedure_title, step)):
            classes = ["sop-date"] if k == 0 else []
            row += nodes.entry("", nodes.paragraph(text=text, classes=classes))
        body += row
    return table


class OperationsCalendarDirective(SphinxDirective):
    """Render the calendar table and the .ics download of each configured fiscal year."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0

    def run(self) -> list[nodes.Node]:
        years: list[int] = list(self.config.sop_calendar_years)
        try:
            folder = procedures_dir(self.env.srcdir)
            for path in sorted(folder.glob("*.yml")):
                self.env.note_dependency(str(path))
            procedures = load_procedures(folder)
        except SopError as exc:
            logger.warning(
                f"สร้างปฏิทินการดำเนินงานไม่ได้: {exc}",
                location=self.get_location(),
                type="sop",
                subtype="calendar",
            )
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


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("operations-calendar", OperationsCalendarDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
