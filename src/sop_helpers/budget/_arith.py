"""Exact ratios and percentages of money, rounded half up at the end."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


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
