"""Tables for the worked examples: Thai-formatted, clean HTML, and an Excel download.

pandas' notebook HTML carries ``<style scoped>`` and ``border="1"``, which the W3C HTML checker
rejects; :class:`ThaiTable` renders through ``DataFrame.to_html(border=0)`` (no border
attribute, no styles) after formatting each cell as text (Arabic digits, thousands separators,
money with two decimals). :func:`excel_download` embeds an ``.xlsx`` of the tables in a
``data:`` link, so the file travels with the notebook's saved output: no build step copies it.
"""

from __future__ import annotations

import base64
import html
import io
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pandas as pd

from .output import sheet_cell
from .thai import format_number

Formatter = Callable[[Any], str]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)
_FIXED_PROP_TIME = "2020-01-01T00:00:00Z"


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
    return lambda value: "" if _missing(value) else format_number(Decimal(str(value)), places)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


@dataclass
class ThaiTable:
    """A DataFrame shown as a clean, Thai-formatted HTML table.

    ``formats`` maps a column to a formatter (:func:`money`, :func:`pct`, ...); other columns
    are shown with ``str``. ``caption`` becomes the table's ``<caption>``.
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

    def to_html(self) -> str:
        """HTML of the table: no ``border`` attribute, no ``<style>``, with a caption."""
        text = self.formatted().to_html(index=False, border=0, classes="sop-table", escape=True)
        text = text.replace(' style="text-align: right;"', "")
        if self.caption:
            text = text.replace(">", f">\n  <caption>{html.escape(self.caption)}</caption>", 1)
        return text

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


def _excel_value(value: Any) -> Any:
    if _missing(value):
        return None
    if isinstance(value, Decimal):
        # Excel stores numbers as binary floats anyway; whole amounts stay exact integers.
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def xlsx_bytes(sheets: Mapping[str, ThaiTable | pd.DataFrame]) -> bytes:
    """An .xlsx workbook with one sheet per table (raw values, not the formatted text).

    Timestamps inside the file are fixed so that the same tables always give the same bytes.
    """
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for name, table in sheets.items():
        frame = table.frame if isinstance(table, ThaiTable) else table
        sheet = book.create_sheet(_sheet_name(name, used))
        sheet.append([sheet_cell(str(c)) for c in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([sheet_cell(_excel_value(v)) for v in row])
        for index, column in enumerate(frame.columns, start=1):
            width = max([len(str(column)), *(len(str(v)) for v in frame[column])]) + 2
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(width, 60)
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
            f"({html.escape(self.filename)})</p>"
        )

    def __repr__(self) -> str:
        return f"{self.label}: {self.filename}"


def excel_download(
    sheets: Mapping[str, ThaiTable | pd.DataFrame] | Sequence[tuple[str, Any]], filename: str
) -> ExcelDownload:
    """A download link for the given tables (sheet name -> table) as ``filename``."""
    return ExcelDownload(dict(sheets), filename)
