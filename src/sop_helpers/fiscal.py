"""Thai fiscal years (ปีงบประมาณ), their months and quarters, in Buddhist-era (พ.ศ.) years.

A fiscal year runs from 1 October to 30 September and is named by the B.E. year in which it
ends: FY 2568 = 1 ต.ค. 2567 - 30 ก.ย. 2568. Quarter 1 is ต.ค.-ธ.ค., quarter 4 is ก.ค.-ก.ย.
The one home of the fiscal months, the quarters, month arithmetic and the months a step's
timing covers (:func:`months_of`, read by the step table, the calendar and the flowchart).
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from .thai import be_year, ce_year, month_name

if TYPE_CHECKING:
    from .procedures import Timing

FISCAL_MONTHS: tuple[int, ...] = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
"""Calendar months in fiscal order (ต.ค. first)."""

QUARTERS: tuple[int, ...] = (1, 2, 3, 4)
"""The fiscal quarters, in order."""


def quarter_months(quarter: int) -> tuple[int, ...]:
    """The calendar months of a fiscal quarter, in order: 1 -> (10, 11, 12), 4 -> (7, 8, 9)."""
    if quarter not in QUARTERS:
        raise ValueError(f"ไตรมาสต้องเป็น 1 ถึง 4 (ได้ {quarter})")
    return FISCAL_MONTHS[(quarter - 1) * 3 : quarter * 3]


def quarter_span(quarter: int) -> str:
    """A quarter's months as readers see them: 1 -> "ต.ค.–ธ.ค."."""
    months = quarter_months(quarter)
    return f"{month_name(months[0], short=True)}–{month_name(months[-1], short=True)}"


QUARTER_END: dict[int, int] = {quarter_months(q)[-1]: q for q in QUARTERS}
"""Last month of each fiscal quarter -> quarter number (12 -> 1 ... 9 -> 4)."""


def fiscal_year(d: date) -> int:
    """B.E. fiscal year that holds ``d`` (2024-10-01 -> 2568)."""
    return be_year(d.year) + (1 if d.month >= 10 else 0)


def fiscal_quarter(when: date | int) -> int:
    """Fiscal quarter (1-4) of a date or a calendar month: ต.ค.-ธ.ค. = 1 ... ก.ค.-ก.ย. = 4."""
    month = when if isinstance(when, int) else when.month
    return fiscal_month_index(month) // 3 + 1


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


def check_be_year(year: object, name: str = "year") -> int:
    """A plausible B.E. year (2400-2800); a C.E. year is named as such in the message."""
    from ._errors import ArgumentError

    if isinstance(year, bool) or not isinstance(year, int):
        raise ArgumentError(f"{name}: ปี พ.ศ. ต้องเป็นจำนวนเต็ม เช่น 2569 (ได้ {year!r})")
    if not 2400 <= year <= 2800:
        hint = f" ดูเหมือนเป็นปี ค.ศ. (ตรงกับ พ.ศ. {be_year(year)})" if 1800 <= year <= 2300 else ""
        raise ArgumentError(f"{name}: ปี พ.ศ. ต้องอยู่ระหว่าง 2400 ถึง 2800 (ได้ {year}){hint}")
    return year


def fiscal_year_range(fiscal_year: int) -> tuple[date, date]:
    """First and last day of a fiscal year (2568 -> 2024-10-01, 2025-09-30)."""
    check_be_year(fiscal_year, "fiscal_year")
    return date(ce_year(fiscal_year) - 1, 10, 1), date(ce_year(fiscal_year), 9, 30)


def quarter_range(fiscal_year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter of a fiscal year (both inclusive)."""
    months = quarter_months(quarter)
    return month_range(fiscal_year, months[0])[0], month_range(fiscal_year, months[-1])[1]


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it has no such day (31 -> 30)."""
    moved: date = day + relativedelta(months=months)
    return moved


def month_span(first: int, last: int) -> tuple[int, ...]:
    """Calendar months from ``first`` to ``last`` going forward, past September if need be.

    ``month_span(8, 11)`` is ส.ค., ก.ย., ต.ค., พ.ย.: a range across the fiscal-year end covers
    the end of one fiscal year and the start of the next, which a year's table shows as both.
    """
    fiscal_month_index(first)
    fiscal_month_index(last)
    count = (last - first) % 12 + 1
    return tuple((first - 1 + step) % 12 + 1 for step in range(count))


def months_of(timing: Timing) -> tuple[int, ...]:
    """Calendar months in which a step with this timing is worked on (none if pending)."""
    if timing.kind == "months":
        return month_span(timing.from_month, timing.to_month)
    if timing.kind == "deadline":
        return (timing.month,)
    if timing.kind == "quarterly":
        return tuple(QUARTER_END)
    return ()


def month_runs(months: tuple[int, ...]) -> tuple[tuple[int, ...], ...]:
    """Months grouped into runs that are consecutive in fiscal order (ต.ค. ... ก.ย.).

    A range across the fiscal-year end, seen inside one fiscal year, is two runs: the start of
    the year (ต.ค. ...) and its end (... ก.ย.).
    """
    ordered = sorted(set(months), key=fiscal_month_index)
    runs: list[list[int]] = []
    for month in ordered:
        if runs and fiscal_month_index(month) == fiscal_month_index(runs[-1][-1]) + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return tuple(tuple(run) for run in runs)
