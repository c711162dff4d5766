"""Clean table HTML, reproducible Excel downloads, embedded charts and input fingerprints."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from sop_helpers.rates import ILLUSTRATIVE_LABEL, load_rates
from sop_helpers.tables import ThaiTable, baht, excel_download, money, pct, xlsx_bytes
from sop_helpers.views.notebook import Figure, PlainText, data_fingerprint, sources_table, with_unit

ROOT = Path(__file__).parents[1]


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "รายการ": ["ก <b>", "ข"],
            "จำนวนเงิน": [Decimal("1836"), Decimal("1234567.5")],
            "ร้อยละ": [Decimal("95.2"), None],
        }
    )


def test_table_html_is_clean(frame: pd.DataFrame) -> None:
    text = ThaiTable(
        frame, caption="ตาราง & ทดสอบ", formats={"จำนวนเงิน": money, "ร้อยละ": pct}
    ).to_html()
    assert "<style" not in text and "border=" not in text and "style=" not in text
    assert "<caption>ตาราง &amp; ทดสอบ</caption>" in text
    # amounts and percentages right-aligned, two decimals, thousands separators
    assert '<td class="sop-num">1,836.00</td>' in text
    assert '<td class="sop-num">1,234,567.50</td>' in text
    assert '<td class="sop-num">95.20</td>' in text and '<td class="sop-num"></td>' in text
    assert '<th scope="col" class="sop-num">จำนวนเงิน</th>' in text
    assert "<td>ก &lt;b&gt;</td>" in text  # cell text is escaped, text columns stay left
    # the caption is shown above the scroll box (a phone shows it whole), with a scroll cue
    assert text.index("sop-table-caption") < text.index("sop-table-scroll")
    assert 'class="sop-scroll-cue" hidden' in text


def test_total_rows_are_marked(frame: pd.DataFrame) -> None:
    frame.loc[len(frame)] = ["รวม", Decimal("1236403.5"), None]
    text = ThaiTable(frame, formats={"จำนวนเงิน": money}).to_html()
    assert (
        '<tr class="sop-total"><th scope="row">รวม</th><td class="sop-num">1,236,403.50</td>'
        in text
    )
    assert text.count("sop-total") == 1


def test_formatters() -> None:
    assert baht(Decimal("1234567.5")) == "1,234,568"
    assert money(None) == "" and pct(float("nan")) == ""


def _sheets(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(io.BytesIO(data))
    return {s.title: list(s.iter_rows(values_only=True)) for s in book.worksheets}


def test_excel_download_roundtrip(frame: pd.DataFrame) -> None:
    tables = {"ตาราง/หนึ่ง": ThaiTable(frame), "x" * 40: frame, "x" * 35: frame}
    data = xlsx_bytes(tables)
    assert data == xlsx_bytes(tables)  # same tables, same bytes
    sheets = _sheets(data)
    assert list(sheets) == ["ตาราง หนึ่ง", "x" * 31, "x" * 27 + " (2)"]
    rows = sheets["ตาราง หนึ่ง"]
    assert rows[0] == ("รายการ", "จำนวนเงิน", "ร้อยละ")
    assert rows[1] == ("ก <b>", 1836, 95.2)
    assert rows[2] == ("ข", 1234567.5, None)
    link = excel_download(tables, "ทดสอบ ตาราง: หนึ่ง/สอง")._repr_html_()
    payload = re.search(r'href="data:[^;]+;base64,([^"]+)"', link)
    assert payload and base64.b64decode(payload.group(1)) == data
    # saved under a Thai-safe name (sop_helpers.names.file_name), the name shown as it is saved
    assert 'download="ทดสอบ-ตาราง-หนึ่งสอง.xlsx"' in link
    assert '<span class="sop-keep-digits">ทดสอบ-ตาราง-หนึ่งสอง.xlsx</span>' in link
    dated = excel_download(tables, "ภาพรวมทีม", day=dt.date(2026, 12, 1)).filename
    assert dated == "ภาพรวมทีม_2569-12-01.xlsx"


def test_sources_table_labels_illustrative() -> None:
    rates = load_rates("per_student")
    table = sources_table([rates.record("teaching_primary"), rates.record("supplies_rates")])
    # the primary teaching rate is from a news report: marked as news, never "ใช้อ้างอิงได้"
    assert list(table["สถานะ"]) == ["ข่าว รอหนังสือราชการยืนยัน", ILLUSTRATIVE_LABEL]
    assert list(table["ค่า"]) == ["2,052 บาท/คน/ปี", "ยังไม่ทราบ"]
    sizes = sources_table(load_rates("school_size"))
    assert list(sizes["ค่า"]) == ["1–120 คน", "121–600 คน", "601–1,500 คน", "1,501 ขึ้นไป คน"]


@pytest.mark.parametrize(
    ("number", "unit", "expected"),
    [("30", "ร้อยละ", "ร้อยละ 30"), ("1,836", "บาท/คน/ปี", "1,836 บาท/คน/ปี"), ("7", "", "7")],
)
def test_unit_placement(number: str, unit: str, expected: str) -> None:
    assert with_unit(number, unit) == expected


def test_sources_table_puts_percent_before_the_number() -> None:
    targets = [
        r for r in load_rates("disbursement_targets") if r.unit == "ร้อยละ" and r.value is not None
    ]
    shown = list(sources_table(targets)["ค่า"])
    assert targets and shown == [f"ร้อยละ {r.value:,}" for r in targets]


def test_fingerprint_follows_content(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("1", encoding="utf-8")
    first = data_fingerprint([tmp_path])
    assert first == data_fingerprint([tmp_path / "a.csv"])
    (tmp_path / "a.csv").write_text("2", encoding="utf-8")
    assert data_fingerprint([tmp_path]) != first


def test_plain_text_repr() -> None:
    assert repr(PlainText("1,836")) == "1,836"


def test_figure_embeds_png_with_alt() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from sop_helpers.views.notebook import use_thai_font

    use_thai_font()
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.set_title("ทดสอบภาษาไทย")
    html = Figure(fig, alt="แผนภูมิ <ทดสอบ>", caption="คำอธิบาย")._repr_html_()
    assert 'alt="แผนภูมิ &lt;ทดสอบ&gt;"' in html and "<figcaption>คำอธิบาย</figcaption>" in html
    assert 'width="180" height="90"' in html
    assert base64.b64decode(html.split("base64,")[1].split('"')[0]).startswith(b"\x89PNG")
    assert fig.number not in plt.get_fignums()  # the helper closes the figure it rendered


def test_thai_glyphs_exist_in_chart_font() -> None:
    from matplotlib import font_manager

    from sop_helpers.views.notebook import use_thai_font

    family = use_thai_font()
    path = font_manager.findfont(font_manager.FontProperties(family=family))
    assert "Sarabun" in path
    from matplotlib.ft2font import FT2Font

    font = FT2Font(path)
    assert all(font.get_char_index(ord(c)) for c in "งบประมาณปีพ.ศ.๒๕๖๙")


def test_proposal_template_reproducible(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_proposal_template.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    committed = ROOT / "book" / "examples" / "files"
    names = (
        "แผนปฏิบัติการประจำปีงบประมาณ-แบบเสนอโครงการ.xlsx",  # the names readers save them under
        "แผนปฏิบัติการประจำปีงบประมาณ-แบบเสนอโครงการ-ตัวอย่างที่กรอกแล้ว.xlsx",
    )
    for name in names:
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), name
    template = _sheets((committed / names[0]).read_bytes())
    sample = _sheets((committed / names[1]).read_bytes())
    assert template["แบบเสนอโครงการ"][0] == sample["แบบเสนอโครงการ"][0]
    assert len(template["แบบเสนอโครงการ"]) == 1 and len(sample["แบบเสนอโครงการ"]) > 10


def test_excel_cells_are_typed_formatted_and_safe(frame: pd.DataFrame) -> None:
    frame.loc[len(frame)] = ["=SUM(A1)", Decimal("12"), Decimal("7")]
    frame.loc[len(frame)] = ["รวม", Decimal("1236415.5"), None]
    frame["หมายเหตุ"] = ["-ลด", "+เพิ่ม", "@x", "ปกติ"]
    data = xlsx_bytes({"ตาราง": ThaiTable(frame, formats={"จำนวนเงิน": money, "ร้อยละ": pct})})
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet["B2"].value == 1836 and sheet["B2"].number_format == "#,##0.00"
    assert sheet["C2"].number_format == "0.00"
    # text that could run as a formula gets a leading ' (decision 2); numbers stay numbers
    assert sheet["A4"].value == "'=SUM(A1)" and sheet["A4"].data_type == "s"
    assert [sheet[f"D{r}"].value for r in range(2, 6)] == ["'-ลด", "'+เพิ่ม", "'@x", "ปกติ"]
    assert sheet["A5"].font.bold and sheet["B5"].font.bold  # the total row
    assert sheet.column_dimensions["B"].width >= len("1,236,415.50") + 2


def test_excel_guesses_formats_of_plain_frames() -> None:
    frame = pd.DataFrame({"n": [1, 2], "เงิน": [Decimal("1.5"), Decimal("2")], "t": ["ก", "ข"]})
    sheet = load_workbook(io.BytesIO(xlsx_bytes({"s": frame}))).worksheets[0]
    assert sheet["A2"].number_format == "#,##0"
    assert sheet["B2"].number_format == "#,##0.00"
    assert sheet["C2"].number_format == "General"
