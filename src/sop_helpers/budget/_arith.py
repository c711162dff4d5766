"""Exact ratios and percentages of money, rounded half up at the end."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def amount_arg(value: object, name: str, *, positive: bool = False) -> Decimal:
    """A finite, non-negative (or positive) amount; anything else is an ``ArgumentError``
    naming ``name`` in Thai (booleans, floats, NaN, text and negative amounts included)."""
    from .._errors import ArgumentError
    from ..thai import _to_decimal

    number = _to_decimal(value, name)  # type: ignore[arg-type]
    if number < 0 or (positive and number == 0):
        need = "มากกว่าศูนย์" if positive else "ไม่ติดลบ"
        raise ArgumentError(f"{name}: ต้องเป็นจำนวนที่{need} (ได้ {number})")
    return number


def percentage_arg(value: object, name: str) -> Decimal:
    """A percentage given as input (a rate or target): 0-100, e.g. 80 for ร้อยละ 80."""
    from .._errors import ArgumentError

    number = amount_arg(value, name)
    if number > HUNDRED:
        raise ArgumentError(f"{name}: ร้อยละต้องอยู่ระหว่าง 0 ถึง 100 เช่น 80 (ได้ {number})")
    return number


def ratio(part: Decimal | int, whole: Decimal | int, places: int = 2) -> Decimal:
    """``part / whole`` rounded half up to ``places`` decimals, computed exactly first."""
    if whole == 0:
        raise ValueError("ตัวหารเป็นศูนย์: คำนวณอัตราส่วนไม่ได้")
    return _round(Fraction(Decimal(part)) / Fraction(Decimal(whole)), places)


def percent(part: Decimal | int, whole: Decimal | int, places: int = 2) -> Decimal:
    """``part / whole × 100`` rounded half up to ``places`` decimals (exact ``Decimal``)."""
    return ratio(Decimal(part) * 100, whole, places)


def _round(value: Fraction, places: int) -> Decimal:
    quantum = Decimal(1).scaleb(-places)
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    # Decimal division keeps 28 significant digits: enough for baht amounts, then round half up.
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)
