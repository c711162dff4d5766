"""Thai fiscal years (ปีงบประมาณ) and their quarters, in Buddhist-era (พ.ศ.) years.

A fiscal year runs from 1 October to 30 September and is named by the B.E. year in which it
ends: FY 2568 = 1 ต.ค. 2567 - 30 ก.ย. 2568. Quarter 1 is ต.ค.-ธ.ค., quarter 4 is ก.ค.-ก.ย.
"""

from __future__ import annotations

import calendar
from datetime import date

BE_OFFSET = 543
"""B.E. year = C.E. year + 543."""

FISCAL_MONTHS: tuple[int, ...] = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
"""Calendar months in fiscal order (ต.ค. first)."""


def be_year(ce_year: int) -> int:
    """B.E. year of a C.E. year (2025 -> 2568)."""
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    """C.E. year of a B.E. year (2568 -> 2025)."""
    return be - BE_OFFSET


def fiscal_year(d: date) -> int:
    """B.E. fiscal year that holds ``d`` (2024-10-01 -> 2568)."""
    return be_year(d.year) + (1 if d.month >= 10 else 0)


def fiscal_quarter(d: date) -> int:
    """Fiscal quarter (1-4) that holds ``d``: ต.ค.-ธ.ค. = 1 ... ก.ค.-ก.ย. = 4."""
    return fiscal_month_index(d.month) // 3 + 1


def fiscal_month_index(month: int) -> int:
    """Position (0-11) of a calendar month in the fiscal year: ต.ค. = 0, ก.ย. = 11."""
    if not 1 <= month <= 12:
        raise ValueError(f"เดือนต้องอยู่ระหว่าง 1 ถึง 12 (ได้ {month})")
    return (month - 10) % 12


def month_year(fiscal_year: int, month: int) -> int:
    """C.E. calendar year in which ``month`` of the B.E. fiscal year falls."""
    fiscal_month_index(month)
    return ce_year(fiscal_year) - (1 if month >= 10 else 0)


def month_range(fiscal_year: int, month: int) -> tuple[date, date]:
    """First and last day of a calendar month inside a fiscal year."""
    year = month_year(fiscal_year, month)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def fiscal_months(fiscal_year: int) -> tuple[date, ...]:
    """The first day of each month of a fiscal year, in order (1 ต.ค. ... 1 ก.ย.)."""
    return tuple(month_range(fiscal_year, month)[0] for month in FISCAL_MONTHS)


def fiscal_year_range(fiscal_year: int) -> tuple[date, date]:
    """First and last day of a fiscal year (2568 -> 2024-10-01, 2025-09-30)."""
    return date(ce_year(fiscal_year) - 1, 10, 1), date(ce_year(fiscal_year), 9, 30)


def quarter_range(fiscal_year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter of a fiscal year (both inclusive)."""
    if not 1 <= quarter <= 4:
        raise ValueError(f"ไตรมาสต้องเป็น 1 ถึง 4 (ได้ {quarter})")
    first_month = FISCAL_MONTHS[(quarter - 1) * 3]
    last_month = FISCAL_MONTHS[(quarter - 1) * 3 + 2]
    return month_range(fiscal_year, first_month)[0], month_range(fiscal_year, last_month)[1]
