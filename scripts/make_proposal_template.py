"""Write the Excel project-proposal form (แบบเสนอโครงการ/กิจกรรม) and a filled sample.

Usage: python scripts/make_proposal_template.py [OUTPUT_DIR]   (default: book/examples/files)

- TEMPLATE (แผนปฏิบัติการประจำปีงบประมาณ-แบบเสนอโครงการ.xlsx): the blank form staff download
  and fill in, one proposal per row,
  with drop-down lists for the strategy, the budget category and yes/no answers, and a sheet
  explaining every column;
- FILLED (...-ตัวอย่างที่กรอกแล้ว.xlsx): the same form filled with invented proposals (ข้อมูลสมมุติ),
  read by the action-plan worked example.
Named by the handbook's one rule (sop_helpers.names.file_name), as readers see them saved.
Both files have fixed timestamps, so running the script again gives the same bytes.
"""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from sop_helpers.budget import BUDGET_CATEGORIES
from sop_helpers.examples import read_sample
from sop_helpers.names import file_name
from sop_helpers.tables import stable_xlsx

TEMPLATE = file_name("แผนปฏิบัติการประจำปีงบประมาณ แบบเสนอโครงการ", ext="xlsx")
FILLED = file_name("แผนปฏิบัติการประจำปีงบประมาณ แบบเสนอโครงการ ตัวอย่างที่กรอกแล้ว", ext="xlsx")

# The development plan's strategies of the sample data (ข้อมูลสมมุติ), written by
# scripts/make_sample_data.py.
STRATEGIES = tuple(read_sample("strategies")["strategy"])

COLUMNS: tuple[tuple[str, str], ...] = (
    ("ลำดับ", "เลขลำดับของข้อเสนอ"),
    ("ชื่อโครงการ/กิจกรรม", "ชื่อที่บอกว่าจะทำอะไร"),
    ("กลยุทธ์", "เลือกกลยุทธ์ของแผนพัฒนาการศึกษาที่โครงการสนับสนุน (รายการเลือก)"),
    ("ผู้รับผิดชอบ", "กลุ่มงานหรือหน่วยที่รับผิดชอบ"),
    ("หลักการและเหตุผล", "ปัญหาหรือความจำเป็นโดยย่อ"),
    ("วัตถุประสงค์", "สิ่งที่ต้องการให้เกิด"),
    ("เป้าหมายเชิงปริมาณ", "จำนวนผู้เข้าร่วม/โรงเรียน/ชิ้นงาน"),
    ("ตัวชี้วัดความสำเร็จ", "วัดผลอย่างไร"),
    ("ไตรมาสที่ดำเนินการ", "เช่น 2-3"),
    ("หมวดงบ", "เลือกหมวดงบรายจ่าย (รายการเลือก)"),
    ("งบประมาณที่เสนอ (บาท)", "จำนวนบาทเต็ม ไม่ใส่ทศนิยม"),
    ("สอดคล้องนโยบาย สพฐ.", "ใช่ หรือ ไม่ใช่"),
    ("ลำดับความสำคัญ", "1 (สูงสุด) ถึง 5"),
)

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _form(title: str) -> tuple[Workbook, object]:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "แบบเสนอโครงการ"
    sheet.append([name for name, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, (name, _) in enumerate(COLUMNS, start=1):
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = max(12, min(40, len(name) + 6))
    sheet.freeze_panes = "A2"
    lists = book.create_sheet("รายการเลือก")
    for row, value in enumerate(STRATEGIES, start=1):
        lists.cell(row, 1, value)
    for row, value in enumerate(BUDGET_CATEGORIES, start=1):
        lists.cell(row, 2, value)
    for rule, column in (
        (f"=รายการเลือก!$A$1:$A${len(STRATEGIES)}", "C"),
        (f"=รายการเลือก!$B$1:$B${len(BUDGET_CATEGORIES)}", "J"),
        ('"ใช่,ไม่ใช่"', "L"),
        ('"1,2,3,4,5"', "M"),
    ):
        check = DataValidation(type="list", formula1=rule, allow_blank=True)
        check.error = "กรุณาเลือกจากรายการ"
        check.errorTitle = "ค่าไม่อยู่ในรายการ"
        sheet.add_data_validation(check)
        check.add(f"{column}2:{column}500")
    amount = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    amount.error = "ใส่จำนวนบาทเต็มที่ไม่ติดลบ"
    sheet.add_data_validation(amount)
    amount.add("K2:K500")
    help_sheet = book.create_sheet("คำอธิบาย")
    help_sheet.append([title])
    help_sheet["A1"].font = Font(bold=True)
    help_sheet.append(["กรอกหนึ่งโครงการต่อหนึ่งแถวในแผ่นงาน 'แบบเสนอโครงการ' ห้ามเปลี่ยนชื่อหัวคอลัมน์"])
    help_sheet.append([])
    help_sheet.append(["คอลัมน์", "วิธีกรอก"])
    for name, text in COLUMNS:
        help_sheet.append([name, text])
    help_sheet.column_dimensions["A"].width = 28
    help_sheet.column_dimensions["B"].width = 70
    book.properties.creator = "กลุ่มนโยบายและแผน สพป.พะเยา เขต ๒"
    book.properties.title = title
    return book, sheet


def _save(book: Workbook, path: Path) -> None:
    raw = io.BytesIO()
    book.save(raw)
    path.write_bytes(stable_xlsx(raw.getvalue()))


PROMOTE = "กลุ่มส่งเสริมการจัดการศึกษา"
SUPERVISE = "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา"
ICT = "กลุ่มส่งเสริมการศึกษาทางไกล เทคโนโลยีสารสนเทศและการสื่อสาร"
PLAN = "กลุ่มนโยบายและแผน"
ADMIN = "กลุ่มอำนวยการ"
TEACHERS = "กลุ่มพัฒนาครูและบุคลากรทางการศึกษา"

# fmt: off
SAMPLE = (
    # name, strategy index, owner, quarters, category, amount, aligned, priority
    ("อบรมการซ้อมอพยพและปฐมพยาบาลในโรงเรียน", 0, PROMOTE, "2-3", 1, 180000, "ใช่", 2),
    ("ค่ายแกนนำนักเรียนต้านยาเสพติด", 0, PROMOTE, "3", 1, 95000, "ใช่", 3),
    ("พัฒนาการอ่านออกเขียนได้ ป.1 ด้วยชุดฝึก", 1, SUPERVISE, "1-3", 1, 260000, "ใช่", 1),
    ("ติวเข้ม O-NET ป.6 เครือข่ายอำเภอ", 1, SUPERVISE, "2", 1, 210000, "ใช่", 2),
    ("ห้องเรียนวิทยาการคำนวณเคลื่อนที่", 1, ICT, "2-4", 2, 420000, "ใช่", 3),
    ("รวมพลังโรงเรียนขนาดเล็กจัดการเรียนร่วม", 2, PLAN, "1-4", 1, 150000, "ใช่", 1),
    ("ติดตามเด็กออกกลางคันกลับเข้าเรียน", 2, PROMOTE, "2-3", 1, 70000, "ใช่", 2),
    ("ทัศนศึกษาต่างประเทศของผู้บริหาร", 3, ADMIN, "4", 1, 350000, "ไม่ใช่", 5),
    ("ชุมชนการเรียนรู้ทางวิชาชีพระดับเครือข่าย", 3, TEACHERS, "1-4", 1, 190000, "ใช่", 2),
    ("อบรมครูผู้สอนภาษาอังกฤษเพื่อการสื่อสาร", 3, TEACHERS, "2-3", 1, 0, "ใช่", 3),
    ("พัฒนาระบบติดตามการเบิกจ่ายงบประมาณ", 4, PLAN, "1-2", 1, 85000, "ใช่", 1),
    ("ขับเคลื่อนการประเมิน ITA", 4, PLAN, "2-4", 1, 60000, "ใช่", 2),
    ("จัดซื้อครุภัณฑ์ห้องประชุม", 4, ADMIN, "3", 2, 240000, "ใช่", 4),
    ("", 1, SUPERVISE, "3", 1, 50000, "ใช่", 3),
)
# fmt: on


def make(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    title = "แบบเสนอโครงการ/กิจกรรม ประกอบการจัดทำแผนปฏิบัติการประจำปีงบประมาณ"
    book, _ = _form(title)
    _save(book, out / TEMPLATE)

    rng = random.Random(2569)
    book, sheet = _form(title + " (ข้อมูลสมมุติ)")
    for number, (name, strategy, owner, quarters, cat, amount, aligned, rank) in enumerate(
        SAMPLE, start=1
    ):
        target = f"{rng.randint(2, 13) * 10} คน"
        sheet.append(  # type: ignore[attr-defined]
            [
                number,
                name,
                STRATEGIES[strategy],
                owner,
                "ข้อมูลสมมุติเพื่อประกอบตัวอย่าง",
                "ข้อมูลสมมุติเพื่อประกอบตัวอย่าง",
                target,
                "ร้อยละของผู้เข้าร่วมที่ผ่านเกณฑ์",
                quarters,
                BUDGET_CATEGORIES[cat],
                amount,
                aligned,
                rank,
            ]
        )
    _save(book, out / FILLED)


if __name__ == "__main__":
    default = Path(__file__).parents[1] / "book" / "examples" / "files"
    make(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
    print("เขียนแบบเสนอโครงการแล้ว")
