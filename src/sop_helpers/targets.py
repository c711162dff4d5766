"""How the office writes an indicator's target, read as one number (the team view's rule).

"ไม่น้อยกว่าร้อยละ ๘๐", "ร้อยละ ๘๕", "๘๐ ขึ้นไป", "ไม่เกิน ๕ วัน": the words around one number are
read; anything else (two numbers, words only) is not counted. team.js reads the same patterns
from the team view's data (:func:`patterns`), so the rule is written once, here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .thai import arabic_digits

_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_AT_MOST = re.compile(r"^(ไม่เกิน|ไม่มากกว่า|ไม่ถึง)")
_WORDS = re.compile(r"^(ไม่น้อยกว่า|ไม่ต่ำกว่า|อย่างน้อย|ตั้งแต่|ไม่เกิน|ไม่มากกว่า)?(ร้อยละ)?|(ขึ้นไป|ลงมา)$")
_UNITS = re.compile(r"(ร้อยละ|บาท|คน|แห่ง|ครั้ง|เรื่อง|โครงการ|โรงเรียน|วัน|ฉบับ|รายการ|ขึ้นไป)$")


def patterns() -> dict[str, str]:
    """The patterns for the browser (team.js builds its regular expressions from them)."""
    return {"at_most": _AT_MOST.pattern, "words": _WORDS.pattern, "units": _UNITS.pattern}


def _number(text: str) -> Decimal | None:
    """A number written with Thai or Arabic digits, commas, a % sign, ร้อยละ, a leading
    ไม่น้อยกว่า/ไม่เกิน or a unit (บาท, คน, วัน, …); else None."""
    cleaned = re.sub(r"[,%\s]", "", arabic_digits(text))
    cleaned = _UNITS.sub("", _WORDS.sub("", cleaned))
    cleaned = _UNITS.sub("", cleaned)
    return Decimal(cleaned) if _NUMBER.fullmatch(cleaned) else None


def indicator_status(row: Mapping[str, Any]) -> bool | None:
    """True when a row's result reaches its target (both numbers), False when not, else None.

    A target written "ไม่เกิน …" is reached at or below it; any other at or above it."""
    text = re.sub(r"\s", "", str(row.get("target", "")))
    target = _number(text)
    result = _number(str(row.get("result", "")))
    if target is None or result is None:
        return None
    return result <= target if _AT_MOST.match(text) else result >= target
