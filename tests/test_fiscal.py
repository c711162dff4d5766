"""Fiscal year, quarter and B.E. conversion (domain facts section 1 and 15.10)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sop_helpers.fiscal import (
    be_year,
    ce_year,
    fiscal_months,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_range,
    month_range,
    quarter_range,
)


@pytest.mark.parametrize(
    ("day", "fy", "quarter"),
    [
        (date(2024, 9, 30), 2567, 4),
        (date(2024, 10, 1), 2568, 1),
        (date(2025, 1, 15), 2568, 2),
        (date(2025, 6, 30), 2568, 3),
        (date(2025, 7, 1), 2568, 4),
        (date(2024, 12, 31), 2568, 1),
        (date(2025, 4, 1), 2568, 3),
    ],
)
def test_domain_fact_dates(day: date, fy: int, quarter: int) -> None:
    assert fiscal_year(day) == fy
    assert fiscal_quarter(day) == quarter


def test_fy2568_named_by_the_year_it_ends() -> None:
    assert fiscal_year_range(2568) == (date(2024, 10, 1), date(2025, 9, 30))
    assert quarter_range(2568, 1) == (date(2024, 10, 1), date(2024, 12, 31))
    assert quarter_range(2568, 4) == (date(2025, 7, 1), date(2025, 9, 30))


@pytest.mark.parametrize(
    ("fy", "feb_end"),
    [(2567, date(2024, 2, 29)), (2568, date(2025, 2, 28)), (2543, date(2000, 2, 29))],
)
def test_leap_years(fy: int, feb_end: date) -> None:
    assert month_range(fy, 2)[1] == feb_end
    assert quarter_range(fy, 2) == (date(feb_end.year, 1, 1), date(feb_end.year, 3, 31))


def test_months_in_order() -> None:
    months = fiscal_months(2570)
    assert [m.month for m in months] == [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert months[0] == date(2026, 10, 1) and months[-1] == date(2027, 9, 1)


@pytest.mark.parametrize("bad", [0, 5])
def test_bad_quarter(bad: int) -> None:
    with pytest.raises(ValueError, match="ไตรมาส"):
        quarter_range(2568, bad)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_day_in_its_quarter(day: date) -> None:
    fy, q = fiscal_year(day), fiscal_quarter(day)
    start, end = quarter_range(fy, q)
    assert start <= day <= end
    first, last = fiscal_year_range(fy)
    assert first <= day <= last
    assert fy == be_year(day.year) + (day.month >= 10)


@given(st.integers(min_value=2450, max_value=2750))
def test_quarters_tile_the_year(fy: int) -> None:
    ranges = [quarter_range(fy, q) for q in range(1, 5)]
    assert ranges[0][0] == fiscal_year_range(fy)[0]
    assert ranges[-1][1] == fiscal_year_range(fy)[1]
    for (_, end), (start, _) in itertools.pairwise(ranges):
        assert start - end == timedelta(days=1)
    assert ce_year(be_year(fy)) == fy
