"""Tables for the worked examples: Thai-formatted, clean HTML, and an Excel download.

pandas' notebook HTML carries ``<style scoped>`` and ``border="1"``, which the W3C HTML checker
rejects; :class:`ThaiTable` renders through ``DataFrame.to_html(border=0)`` (no border
attribute, no styles) after formatting each cell as text (Arabic digits, thousands separators,
money with two decimals). :func:`excel_download` embeds an ``.xlsx`` of the tables in a
``data:`` link, so the file travels with the notebook's saved output: no build step copies it.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pandas as pd

from .names import file_name
from .output import sheet_cell
from .thai import format_number

Formatter = Callable[[Any], str]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
_FIXED_PROP_TIME = "2020-01-01T00:00:00Z"


def _numeric(fmt: Formatter, excel: str) -> Formatter:
    """Mark a formatter as numeric: its column is right-aligned, Excel gets ``excel``."""
    fmt.excel_format = excel  # type: ignore[attr-defined]
    return fmt


def money(value: Any) -> str:
    """Baht with two decimals: 1836 -> "1,836.00"; empty for missing values."""
    return "" if _missing(value) else format_number(Decimal(value), 2)


def baht(value: Any) -> str:
    """Whole baht: 1836 -> "1,836"."""
    return "" if _missing(value) else format_number(Decimal(value), 0)


def count(value: Any) -> str:
    """A count with separators: 12345 -> "12,345"."""
    return "" if _missing(value) else format_number(int(value), 0)


def pct(value: Any) -> str:
    """A percentage already scaled to 0-100, two decimals: 95.2 -> "95.20"."""
    return "" if _missing(value) else format_number(Decimal(value), 2)


def number(places: int) -> Formatter:
    """A formatter with ``places`` decimals."""
    fmt: Formatter = lambda value: (  # noqa: E731
        "" if _missing(value) else format_number(Decimal(str(value)), places)
    )
    return _numeric(fmt, "#,##0" + ("." + "0" * places if places else ""))


_numeric(money, "#,##0.00")
_numeric(baht, "#,##0")
_numeric(count, "#,##0")
_numeric(pct, "0.00")


def excel_format(fmt: Formatter | None) -> str | None:
    """The Excel number format of a numeric formatter (None for text columns)."""
    return getattr(fmt, "excel_format", None)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


TOTAL_PREFIX = "รวม"
"""A row whose first cell starts with this word is a total row (bold, ruled above)."""

SCROLL_CUE = "ตารางกว้างกว่าหน้าจอ เลื่อนตารางไปทางขวาเพื่อดูคอลัมน์ที่เหลือ →"


def is_total(first_cell: Any) -> bool:
    """Whether a row is a total row, judged by its first cell."""
    return str(first_cell).strip().startswith(TOTAL_PREFIX)


@dataclass
class ThaiTable:
    """A DataFrame shown as a clean, Thai-formatted HTML table.

    ``formats`` maps a column to a formatter (:func:`money`, :func:`pct`, ...); other columns
    are shown with ``str``. Numeric columns are right-aligned, total rows (first cell starting
    with "รวม") are marked. ``caption`` is shown above the table, outside its scroll box, so a
    phone shows it whole; a cue says when the table is wider than the screen.
    """

    frame: pd.DataFrame
    caption: str = ""
    formats: Mapping[str, Formatter] = field(default_factory=dict)

    def formatted(self) -> pd.DataFrame:
        """The table as text cells, as shown on the page."""
        shown = pd.DataFrame(index=self.frame.index)
        for column in self.frame.columns:
            fmt = self.formats.get(column, _plain)
            shown[column] = [fmt(value) for value in self.frame[column]]
        return shown

    def numeric(self, column: Any) -> bool:
        """Whether a column holds numbers (right-aligned, a number format in Excel)."""
        return excel_format(self.formats.get(column)) is not None

    def to_html(self) -> str:
        """HTML of the table: no ``border`` attribute, no ``<style>``, caption above it."""
        esc = html.escape
        shown = self.formatted()
        columns = list(self.frame.columns)
        num = [self.numeric(c) for c in columns]
        numeric = ' class="sop-num"'
        head = "".join(
            f'<th scope="col"{numeric if n else ""}>{esc(str(c))}</th>'
            for c, n in zip(columns, num, strict=True)
        )
        rows = []
        for values in shown.itertuples(index=False):
            total = bool(values) and is_total(values[0])
            cells = []
            for i, (text, n) in enumerate(zip(values, num, strict=True)):
                cls = numeric if n else ""
                tag = "th" if i == 0 and total else "td"
                scope = ' scope="row"' if tag == "th" else ""
                cells.append(f"<{tag}{scope}{cls}>{esc(str(text))}</{tag}>")
            mark = ' class="sop-total"' if total else ""
            rows.append(f"<tr{mark}>{''.join(cells)}</tr>")
        label = f' aria-label="{esc(self.caption)}"' if self.caption else ""
        caption = f"<caption>{esc(self.caption)}</caption>" if self.caption else ""
        visible = (
            f'<p class="sop-table-caption" aria-hidden="true">{esc(self.caption)}</p>'
            if self.caption
            else ""
        )
        return (
            f'<div class="sop-table-wrap">{visible}'
            f'<p class="sop-scroll-cue" hidden>{esc(SCROLL_CUE)}</p>'
            f'<div class="sop-table-scroll" tabindex="0" role="region"{label}>'
            f'<table class="sop-table">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return self.formatted().to_string(index=False)


def _plain(value: Any) -> str:
    return "" if _missing(value) else str(value)


def _sheet_name(name: str, used: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ and unique in the workbook.
    base = re.sub(r"[\[\]:*?/\\]", " ", name)[:31] or "ตาราง"
    candidate, n = base, 2
    while candidate in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def safe_text(text: str) -> str:
    """Text for a spreadsheet cell that cannot run as a formula (decision 2, one home:
    :func:`sop_helpers.output.sheet_cell`)."""
    return str(sheet_cell(text))


def _excel_value(value: Any) -> Any:
    if _missing(value):
        return None
    if isinstance(value, bool):
        return "ใช่" if value else "ไม่ใช่"
    if isinstance(value, Decimal):
        # Excel stores numbers as binary floats anyway; whole amounts stay exact integers.
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int | float):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return _excel_value(value.item())
    return safe_text(str(value))


def _guess_format(values: Sequence[Any]) -> str | None:
    """A number format for a plain DataFrame column: amounts with decimals, counts without."""
    present = [v for v in values if not _missing(v)]
    if not present or any(
        isinstance(v, bool) or not isinstance(v, int | float | Decimal) for v in present
    ):
        return None
    whole = all(Decimal(str(v)) == Decimal(str(v)).to_integral_value() for v in present)
    return "#,##0" if whole else "#,##0.00"


def _display_width(text: str) -> int:
    # Thai vowels and tone marks above/below a consonant take no width of their own.
    return sum(
        1 for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Mn"
    )


def xlsx_bytes(sheets: Mapping[str, ThaiTable | pd.DataFrame]) -> bytes:
    """An .xlsx workbook with one sheet per table: typed numbers with Thai office formats.

    Numbers stay numbers (``#,##0.00`` for money, ``#,##0`` for counts and whole baht, ``0.00``
    for percentages, from the table's formatters or guessed for a plain DataFrame); text cells
    that could run as a formula get a leading ``'``; the header row is bold and frozen, column
    widths follow the longest shown value, total rows are bold. Timestamps inside the file are
    fixed so that the same tables always give the same bytes.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    bold = Font(bold=True)
    ruled = Border(top=Side(style="thin"), bottom=Side(style="double"))
    for name, table in sheets.items():
        view = table if isinstance(table, ThaiTable) else ThaiTable(table)
        frame = view.frame
        sheet = book.create_sheet(_sheet_name(name, used))
        sheet.append([safe_text(str(c)) for c in frame.columns])
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        formats = [
            excel_format(view.formats.get(c)) or _guess_format(list(frame[c]))
            for c in frame.columns
        ]
        for row in frame.itertuples(index=False):
            sheet.append([_excel_value(v) for v in row])
            if len(row) and is_total(row[0]):
                for cell in sheet[sheet.max_row]:
                    cell.font = bold
                    cell.border = ruled
        shown = view.formatted()
        for index, column in enumerate(frame.columns, start=1):
            fmt = formats[index - 1]
            if fmt:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    if isinstance(cell.value, int | float):
                        cell.number_format = fmt
            texts = [str(column), *(str(v) for v in shown[column])]
            width = max(_display_width(t) for t in texts) + 2
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(
                max(width, 8), 60
            )
        sheet.freeze_panes = "A2"
    raw = io.BytesIO()
    book.save(raw)
    return stable_xlsx(raw.getvalue())


def stable_xlsx(data: bytes) -> bytes:
    """The same .xlsx with fixed zip and document timestamps (reproducible bytes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>" + _FIXED_PROP_TIME.encode(),
                    content,
                )
            item = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            item.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(item, content)
    return out.getvalue()


@dataclass
class ExcelDownload:
    """A link that downloads the tables as one Excel file (an embedded ``data:`` URL)."""

    sheets: Mapping[str, ThaiTable | pd.DataFrame]
    filename: str
    label: str = "ดาวน์โหลดตารางเป็นไฟล์ Excel"

    def _repr_html_(self) -> str:
        payload = base64.b64encode(xlsx_bytes(self.sheets)).decode("ascii")
        return (
            f'<p class="sop-download"><a download="{html.escape(self.filename)}" '
            f'href="data:{XLSX_MIME};base64,{payload}">{html.escape(self.label)}</a> '
            # the name as it is saved: its digits stay as they are (decision 1, file names)
            f'(<span class="sop-keep-digits">{html.escape(self.filename)}</span>)</p>'
        )

    def __repr__(self) -> str:
        return f"{self.label}: {self.filename}"


def excel_download(
    sheets: Mapping[str, ThaiTable | pd.DataFrame] | Sequence[tuple[str, Any]],
    name: str,
    *,
    day: dt.date | None = None,
) -> ExcelDownload:
    """A download link for the given tables (sheet name -> table), saved under a name a reader
    recognises: ``name`` (e.g. the procedure's short title and what the tables show) made safe
    and dated by the handbook's one naming rule (:func:`sop_helpers.names.file_name`), e.g.
    ``การวิเคราะห์งบประมาณรายจ่าย-เงินอุดหนุนรายหัว.xlsx`` or ``ภาพรวมทีม_2569-12-01.xlsx``."""
    stem = name.removesuffix(".xlsx")
    return ExcelDownload(dict(sheets), file_name(stem, ext="xlsx", day=day))
