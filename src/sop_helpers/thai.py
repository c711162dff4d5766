"""Thai dates, digits, month names, B.E. years, money and amounts in words, on top of PyThaiNLP.

The one home of these rules: Thai <-> Arabic digits, Thai month names, Buddhist-era years and
dates. Only what PyThaiNLP lacks is written here: a ``Decimal``-safe amount in words (its
``bahttext`` takes only ``int``/``float``), money and percentage formats, named date styles and
the handbook's B.E. date fields (``2569-11-28``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal

from pythainlp.util import (
    arabic_digit_to_thai_digit,
    bahttext,
    convert_years,
    num_to_thaiword,
    thai_digit_to_arabic_digit,
    thai_strftime,
)
from pythainlp.util.date import thai_abbr_months, thai_full_months

DateStyle = Literal["full", "short", "official", "month", "month_short"]

_FORMATS: dict[str, tuple[str, bool]] = {
    # style: (thai_strftime format, Thai digits)
    "full": ("%-d %B %Y", False),  # 15 ตุลาคม 2568
    "official": ("%-d %B %Y", True),  # ๑๕ ตุลาคม ๒๕๖๘ (printed letters and forms)
    "short": ("%-d %b %y", False),  # 15 ต.ค. 68
    "month": ("%B %Y", False),  # ตุลาคม 2568
    "month_short": ("%b %y", False),  # ต.ค. 68
}

SATANG = Decimal("0.01")

_BE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def be_year(ce_year: int) -> int:
    """B.E. year of a C.E. year (2025 -> 2568)."""
    return int(convert_years(str(ce_year), src="ad", target="be"))


def ce_year(be: int) -> int:
    """C.E. year of a B.E. year (2568 -> 2025)."""
    return int(convert_years(str(be), src="be", target="ad"))


def parse_be_date(value: Any, field: str = "last_reviewed") -> date:
    """A B.E. date field ``2569-11-28`` -> ``date(2026, 11, 28)``; ``field`` names it in errors."""
    match = _BE_DATE.match(str(value))
    if not match:
        raise ValueError(f"{field} ต้องเป็นวันที่ พ.ศ. แบบ YYYY-MM-DD (พบ {value!r})")
    year, month, day = (int(part) for part in match.groups())
    if year < 2400:
        raise ValueError(f"{field} ต้องเป็นปี พ.ศ. (พบ {year})")
    return date(ce_year(year), month, day)


def thai_date(d: date, style: DateStyle = "full") -> str:
    """A date in B.E. in one of the handbook's styles.

    ``full`` "15 ตุลาคม 2568", ``official`` "๑๕ ตุลาคม ๒๕๖๘", ``short`` "15 ต.ค. 68",
    ``month`` "ตุลาคม 2568", ``month_short`` "ต.ค. 68".
    """
    try:
        fmt, thai = _FORMATS[style]
    except KeyError:
        raise ValueError(f"ไม่รู้จักรูปแบบวันที่ '{style}' (มี {', '.join(_FORMATS)})") from None
    moment = d if isinstance(d, datetime) else datetime(d.year, d.month, d.day)
    return str(thai_strftime(moment, fmt, thaidigit=thai))


def month_name(month: int, *, short: bool = False) -> str:
    """Thai name of a calendar month (1 = มกราคม), full or abbreviated (ม.ค.)."""
    if not 1 <= month <= 12:
        raise ValueError(f"เดือนต้องอยู่ระหว่าง 1 ถึง 12 (ได้ {month})")
    names = thai_abbr_months if short else thai_full_months
    return str(names[month - 1])


def thai_digits(text: str) -> str:
    """Arabic digits in ``text`` turned into Thai digits (2568 -> ๒๕๖๘)."""
    return str(arabic_digit_to_thai_digit(text))


def arabic_digits(text: str) -> str:
    """Thai digits in ``text`` turned into Arabic digits (๒๕๖๘ -> 2568)."""
    return str(thai_digit_to_arabic_digit(text))


DigitStyle = Literal["thai", "arabic"]
DIGIT_STYLES: tuple[DigitStyle, ...] = ("thai", "arabic")

# Runs of text whose digits are not numbers the reader reads: URLs, e-mail addresses, file
# names, Latin words with digits (E13, A4, UTF-8) and versions after a Latin name (CC BY 4.0).
_KEEP_DIGITS = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|[\w-]+\.(?:pdf|ics|xlsx|xls|csv|json|yml|yaml|md|ipynb|py|js|css|html|txt|zip|woff2)\b"
    r"|[A-Za-z][A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*"
    r"|(?<=[A-Za-z] )[0-9]+(?:\.[0-9]+)+"  # a version after a Latin name: CC BY 4.0
    r"|[0-9]+[A-Za-z][A-Za-z0-9_-]*"
)


def apply_digits(text: str, style: DigitStyle) -> str:
    """Every number in running text in one digit style (decision 1, setting ``sop_digits``).

    ``thai``: 1 ต.ค. 2568 -> ๑ ต.ค. ๒๕๖๘; ``arabic``: the reverse. Digits inside URLs, e-mail
    addresses, file names and Latin words (E13, A4, UTF-8) stay as written.
    """
    if style == "arabic":
        return arabic_digits(text)
    if style != "thai":
        raise ValueError(f"รูปแบบตัวเลขต้องเป็น thai หรือ arabic (พบ {style!r})")
    if not any("0" <= ch <= "9" for ch in text):
        return text
    out, pos = [], 0
    for match in _KEEP_DIGITS.finditer(text):
        out.append(thai_digits(text[pos : match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(thai_digits(text[pos:]))
    return "".join(out)


def thai_number(value: int | str) -> str:
    """A number written in Thai digits (15 -> ๑๕)."""
    return thai_digits(str(value))


def number_list(numbers: Iterable[int | str]) -> str:
    """Numbers as a Thai list in Thai digits: "๑", "๑ และ ๒", "๑, ๒ และ ๔".

    The comma keeps "๑ ๒" from reading as one number (๑๒).
    """
    parts = [thai_number(n) for n in numbers]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " และ " + parts[-1]


def _to_decimal(amount: Decimal | int | str, name: str = "amount") -> Decimal:
    """A finite Decimal from a Decimal, an int or a numeric text; anything else names ``name``."""
    from decimal import InvalidOperation

    from ._errors import ArgumentError

    if isinstance(amount, bool):
        raise ArgumentError(f"{name}: ต้องเป็นตัวเลข (Decimal หรือ int) ไม่ใช่ True/False")
    if isinstance(amount, float):
        raise ArgumentError(f"{name}: ใช้ Decimal หรือ int กับจำนวนเงิน ไม่ใช้ float")
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise ArgumentError(f"{name}: {str(amount)[:40]!r} ไม่ใช่ตัวเลข") from None
    if not value.is_finite():
        raise ArgumentError(f"{name}: ต้องเป็นจำนวนที่มีค่าจริง ไม่ใช่ NaN หรือ Infinity")
    return value


def baht_text(amount: Decimal | int | str) -> str:
    """Amount in Thai words: 307800 -> "สามแสนเจ็ดพันแปดร้อยบาทถ้วน".

    The amount is rounded half up to whole satang first (1.005 -> 1.01); with satang the text
    ends in "...สตางค์". Negative amounts are rejected.
    """
    value = _to_decimal(amount).quantize(SATANG, rounding=ROUND_HALF_UP)
    if value < 0:
        raise ValueError("จำนวนเงินต้องไม่ติดลบ")
    baht = int(value)
    satang = int((value - baht) * 100)
    if satang == 0:
        return str(bahttext(baht))
    words = f"{num_to_thaiword(baht)}{BAHT}" if baht else ""
    return f"{words}{num_to_thaiword(satang)}{SATANG_WORD}"


BAHT, WHOLE, SATANG_WORD = "บาท", "ถ้วน", "สตางค์"
"""The units of an amount in words: บาท, ถ้วน (no satang), สตางค์."""


def baht_words() -> dict[str, Any]:
    """The words :func:`baht_text` reads an amount with: PyThaiNLP's own tables (digit values,
    places, the สิบ/ยี่สิบ/สิบเอ็ด exceptions) and the units. The browser's copy of the algorithm
    (``bahtText`` in calculator.js) gets them with the page, so no Thai word is written twice."""
    from pythainlp.util import numtoword

    return {
        "values": list(numtoword._VALUES),
        "places": list(numtoword._PLACES),
        "exceptions": [list(pair) for pair in numtoword._EXCEPTIONS.items()],
        "zero": numtoword._DIGITS[0],
        "et": "เอ็ด",  # a last หนึ่ง after another digit (PyThaiNLP writes the rule in its code)
        "baht": BAHT,
        "whole": WHOLE,
        "satang": SATANG_WORD,
    }


def format_number(value: Decimal | int, places: int = 0, *, thai: bool = False) -> str:
    """Thousands separators and ``places`` decimals, half up: 1234.5 -> "1,234.50"."""
    number = _to_decimal(value)
    quantum = Decimal(1).scaleb(-places)
    text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    return thai_digits(text) if thai else text


def format_money(amount: Decimal | int, places: int = 2, *, thai: bool = False) -> str:
    """Money with separators, two decimals by default: 1500 -> "1,500.00"."""
    return format_number(amount, places, thai=thai)


def format_percent(value: Decimal | int, places: int = 2, *, thai: bool = False) -> str:
    """A percentage already scaled to 0-100: 95.2 -> "95.20%"."""
    return f"{format_number(value, places, thai=thai)}%"


def money_with_words(amount: Decimal | int, *, thai: bool = True) -> str:
    """Form style "๑,๕๐๐ บาท (หนึ่งพันห้าร้อยบาทถ้วน)": figure first, words in brackets."""
    value = _to_decimal(amount)
    places = 0 if value == value.to_integral_value() else 2
    return f"{format_number(value, places, thai=thai)} บาท ({baht_text(value)})"


def wrap_thai(text: str, width: int) -> str:
    """Text broken into lines of at most ``width`` characters at Thai word boundaries.

    Thai is written without spaces between words, so the breaks come from PyThaiNLP's word
    segmentation (a word longer than ``width`` stays whole on its own line). Lines are joined
    with newlines, as chart labels take them.
    """
    from pythainlp.tokenize import word_tokenize

    lines: list[str] = []
    line = ""
    for word in word_tokenize(text, keep_whitespace=True):
        if line and len((line + word).rstrip()) > width:
            lines.append(line.rstrip())
            line = word.lstrip()
        else:
            line += word
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)
