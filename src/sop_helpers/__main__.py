"""Command line: ``python -m sop_helpers calendar 2570 -o calendar.ics``, ``... check``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ._errors import SopError
from ._files import write_bytes_atomic


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sop_helpers",
        description="เครื่องมือของคู่มือการปฏิบัติงาน กลุ่มนโยบายและแผน สพป.พะเยา เขต ๒",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="คำสั่ง")
    cal = commands.add_parser(
        "calendar",
        help="สร้างไฟล์ปฏิทินการดำเนินงาน (.ics) ของปีงบประมาณ",
        description="สร้างไฟล์ปฏิทินการดำเนินงาน (.ics) ของปีงบประมาณ จากระยะเวลาของขั้นตอน"
        "ในข้อมูลกระบวนงาน นำเข้า Google Calendar หรือ Outlook ได้",
    )
    cal.add_argument("fiscal_year", type=int, help="ปีงบประมาณ พ.ศ. เช่น 2570")
    cal.add_argument(
        "-o", "--output", type=Path, help="ไฟล์ปลายทาง (ค่าเริ่มต้น: ปฏิทินการดำเนินงาน-ปีงบประมาณ-<ปี>.ics)"
    )
    cal.add_argument(
        "--digits",
        choices=("thai", "arabic"),
        default="thai",
        help="ตัวเลขในชื่อและรายละเอียดของรายการ: thai (ค่าเริ่มต้น) หรือ arabic ตาม sop_digits ของเว็บไซต์",
    )
    cal.add_argument(
        "--procedures", type=Path, help="โฟลเดอร์ข้อมูลกระบวนงาน (ค่าเริ่มต้น: book/data/procedures)"
    )
    check = commands.add_parser(
        "check",
        help="ตรวจข้อมูลทั้งคู่มือ (กระบวนงาน แบบตรวจสอบ อภิธานศัพท์ ข้อแก้ไข อัตรา) และการอ้างอิงข้ามไฟล์",
        description="อ่านและตรวจข้อมูลทุกไฟล์ของคู่มือ ข้อผิดพลาดบอกไฟล์ บรรทัด และตำแหน่ง",
    )
    check.add_argument("--data", type=Path, help="โฟลเดอร์ข้อมูล (ค่าเริ่มต้น: book/data)")
    check.add_argument("--checklists", type=Path, help="โฟลเดอร์แบบตรวจสอบ (ค่าเริ่มต้น: checklists)")
    return parser


def _check(data: Path | None, checklists: Path | None) -> int:
    from .handbook import load_handbook

    try:
        handbook = load_handbook(data, checklists)
    except SopError as exc:
        print(f"ผิดพลาด: {exc}", file=sys.stderr)
        return 1
    print(
        f"ข้อมูลถูกต้อง: กระบวนงาน {len(handbook.procedures)} แบบตรวจสอบ {len(handbook.checklists)}"
        f" คำในอภิธานศัพท์ {len(handbook.glossary)} ข้อแก้ไข {len(handbook.errata)}"
        f" ไฟล์อัตรา {len(handbook.rates)}"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "check":
        return _check(args.data, args.checklists)
    from .calendar import ics_file_name, operations_calendar, to_ical
    from .procedures import load_procedures

    fy: int = args.fiscal_year
    if not 2400 <= fy <= 2800:
        print(f"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2570 (ได้ {fy})", file=sys.stderr)
        return 2
    try:
        events = operations_calendar(fy, load_procedures(args.procedures))
    except SopError as exc:
        print(f"ผิดพลาด: {exc}", file=sys.stderr)
        return 1
    output: Path = args.output or Path(ics_file_name(fy))
    write_bytes_atomic(output, to_ical(fy, events, digits=args.digits))
    print(f"เขียน {output} แล้ว: {len(events)} รายการ ปีงบประมาณ {fy}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
