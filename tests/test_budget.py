"""Budget arithmetic: subsidies, allocation, disbursement, categories, size, indicators."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sop_helpers.budget import (
    allocate,
    allocate_proposals,
    band_for,
    category_summary,
    check_disbursement,
    indicator_progress,
    per_student_subsidy,
    percent,
    quarterly_disbursement,
    screen_proposals,
    small_school_summary,
    subsidy_table,
    subsidy_total,
)
from sop_helpers.rates import load_rates

D = Decimal


@pytest.fixture(scope="module")
def lunch() -> tuple[tuple[int, int | None, Decimal], ...]:
    return tuple((lo, hi, r.value or D(0)) for lo, hi, r in load_rates("lunch").bands())


# --- domain facts section 15: the worked figures -------------------------------------------


@pytest.mark.parametrize(
    ("key", "pupils", "year", "semester"),
    [
        ("teaching_primary", 150, D("307800"), D("153900")),  # 15.3
        ("teaching_preprimary", 30, D("55080"), D("27540")),  # 15.4
    ],
)
def test_teaching_cost_examples(key: str, pupils: int, year: Decimal, semester: Decimal) -> None:
    rates = load_rates("per_student")
    rate = rates.value(key)
    lines = per_student_subsidy({"ระดับ": pupils}, {"ระดับ": rate})
    assert subsidy_total(lines) == year
    assert year / 2 == semester


def test_home_school_uneven_split() -> None:  # 15.5 and 15.6
    rates = load_rates("per_student")
    assert rates.value("home_primary") == D("7950")
    first = rates.value("home_preprimary_sem2_2566")
    second = rates.value("home_preprimary_sem1_2567")
    assert (first, second) == (D("3883"), D("3884"))
    assert first + second == rates.value("home_preprimary")


def test_textbooks_example() -> None:  # 15.7
    rate = load_rates("per_student").value("textbook_p1")
    assert subsidy_total(per_student_subsidy({"ป.1": 25}, {"ป.1": rate})) == D("16400")


@pytest.mark.parametrize(
    ("pupils", "rate", "daily"),
    [
        (40, 36, 1440),
        (41, 27, 1107),
        (85, 27, 2295),
        (100, 27, 2700),
        (101, 24, 2424),
        (118, 24, 2832),
        (120, 24, 2880),
        (121, 22, 2662),
    ],
)
def test_lunch_bands(
    lunch: tuple[tuple[int, int | None, Decimal], ...], pupils: int, rate: int, daily: int
) -> None:  # 15.1, 15.2, 15.9
    assert band_for(pupils, lunch) == rate
    assert band_for(pupils, lunch) * pupils == daily


def test_lunch_year_example(lunch: tuple[tuple[int, int | None, Decimal], ...]) -> None:
    days = load_rates("lunch").value("lunch_days_per_year")
    assert band_for(85, lunch) * 85 * days == D("459000")


@pytest.mark.parametrize(
    ("pupils", "size"),
    [(118, "ขนาดเล็ก"), (120, "ขนาดเล็ก"), (121, "ขนาดกลาง"), (1501, "ขนาดใหญ่พิเศษ")],
)
def test_size_class(pupils: int, size: str) -> None:
    bands = load_rates("school_size").bands()
    assert band_for(pupils, bands).label_th == size


def test_band_outside() -> None:
    with pytest.raises(ValueError, match="ไม่มีช่วง"):
        band_for(0, [(1, 40, "a")])


@pytest.mark.parametrize(
    ("allocated", "disbursed", "target", "rate", "shortfall", "met"),
    [
        (10_000_000, 9_520_000, 94, D("95.20"), D("0"), True),  # 15.8 overall
        (2_000_000, 1_500_000, 80, D("75.00"), D("100000"), False),  # 15.8 investment
        (1000, 940, 94, D("94.00"), D("0"), True),
        (3, 1, 50, D("33.33"), D("0.50"), False),
    ],
)
def test_disbursement(
    allocated: int, disbursed: int, target: int, rate: Decimal, shortfall: Decimal, met: bool
) -> None:
    check = check_disbursement(allocated, disbursed, target)
    assert (check.rate_percent, check.shortfall, check.met) == (rate, shortfall, met)


def test_quarterly_disbursement_cumulates() -> None:
    quarters = pd.DataFrame({"ไตรมาส": [2, 1, 3, 4], "เบิกจ่าย": [D(250), D(300), D(200), D(150)]})
    table = quarterly_disbursement(quarters, 1000, {1: D(30), 2: D(54), 3: D(77), 4: D(94)})
    assert list(table["เบิกจ่ายสะสม"]) == [D(300), D(550), D(750), D(900)]
    assert list(table["ร้อยละสะสม"]) == [D("30.00"), D("55.00"), D("75.00"), D("90.00")]
    assert list(table["ผล"]) == ["ถึงเป้า", "ถึงเป้า", "ต่ำกว่าเป้า", "ต่ำกว่าเป้า"]
    assert table["ต่ำกว่าเป้า"].iloc[3] == D("40.00")


# --- allocation ----------------------------------------------------------------------------


def test_allocate_tie_rule() -> None:
    # Three equal shares of 100: the first listed gets the extra baht.
    assert allocate(100, {"ก": 1, "ข": 1, "ค": 1}) == {"ก": 34, "ข": 33, "ค": 33}
    # Equal remainders (.5 each) with different weights: the larger weight first.
    assert allocate(2, {"ก": D("0.25"), "ข": D("0.75")}) == {"ก": 0, "ข": 2}
    assert allocate(5, {"ก": 1, "ข": 3}) == {"ก": 1, "ข": 4}  # 1.25 / 3.75
    assert allocate(7, {"ก": 0, "ข": 2}) == {"ก": 0, "ข": 7}


@pytest.mark.parametrize(
    ("total", "weights", "match"),
    [
        (D("10.5"), {"a": 1}, "บาทเต็ม"),
        (-1, {"a": 1}, "บาทเต็ม"),
        (10, {}, "อย่างน้อย"),
        (10, {"a": 0}, "มากกว่าศูนย์"),
        (10, {"a": -1, "b": 2}, "ไม่ติดลบ"),
    ],
)
def test_allocate_rejects(total: Decimal, weights: dict[str, int], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        allocate(total, weights)


weights_st = st.dictionaries(
    st.text(min_size=1, max_size=4),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=12,
).filter(lambda w: sum(w.values()) > 0)


@given(st.integers(min_value=0, max_value=10**10), weights_st)
def test_allocate_properties(total: int, weights: dict[str, Decimal]) -> None:
    parts = allocate(total, weights)
    assert sum(parts.values()) == total
    assert list(parts) == list(weights)
    weight_sum = sum(Fraction(w) for w in weights.values())
    shares = {k: total * Fraction(w) / weight_sum for k, w in weights.items()}
    for key, part in parts.items():
        # Each part is its exact share rounded down or up: never off by a whole baht.
        assert shares[key] - 1 < part < shares[key] + 1
    got_extra = [k for k in parts if parts[k] > int(shares[k])]
    missed = [k for k in parts if parts[k] == int(shares[k]) and shares[k] != int(shares[k])]
    order = list(weights)
    for winner in got_extra:
        for loser in missed:
            rw = shares[winner] - int(shares[winner])
            rl = shares[loser] - int(shares[loser])
            # Stated tie rule: remainder, then larger weight, then order listed.
            assert (rw, Fraction(weights[winner]), -order.index(winner)) > (
                rl,
                Fraction(weights[loser]),
                -order.index(loser),
            )


# --- tables --------------------------------------------------------------------------------


def test_subsidy_table() -> None:
    students = pd.DataFrame({"โรงเรียน": ["ก", "ข"], "ประถม": [10, 0], "อนุบาล": [2, 5]})
    table = subsidy_table(students, {"ประถม": D(2052), "อนุบาล": D(1836)})
    assert list(table["รวม"]) == [D(20520) + D(3672), D(9180)]
    assert list(table["โรงเรียน"]) == ["ก", "ข"]


def test_category_summary() -> None:
    spending = pd.DataFrame(
        {
            "ปีงบประมาณ": [2567, 2567, 2568, 2568, 2568],
            "หมวดงบ": ["งบลงทุน", "งบบุคลากร", "งบบุคลากร", "งบลงทุน", "งบลงทุน"],
            "จำนวนเงิน": [D(100), D(300), D(330), D(40), D(30)],
        }
    )
    table = category_summary(spending, {2567: 10, 2568: 20})
    assert list(table["หมวดงบ"]) == ["งบบุคลากร", "งบลงทุน"]
    assert list(table["ปี 2568"]) == [D(330), D(70)]
    assert list(table["สัดส่วนร้อยละ"]) == [D("82.50"), D("17.50")]
    assert list(table["ต่อนักเรียน"]) == [D("16.50"), D("3.50")]
    assert list(table["เปลี่ยนแปลงร้อยละ"]) == [D("10.00"), D("-30.00")]


def test_small_school_summary() -> None:
    schools = pd.DataFrame(
        {"อำเภอ": ["ก", "ก", "ข", "ข", "ข"], "นักเรียนรวม": [50, 200, 120, 121, 30]}
    )
    table = small_school_summary(schools)
    assert list(table["อำเภอ"]) == ["ก", "ข", "รวม"]
    assert list(table["โรงเรียนขนาดเล็ก"]) == [1, 2, 3]
    assert table["ร้อยละขนาดเล็ก"].iloc[2] == D("60.00")
    assert table["นักเรียนเฉลี่ยต่อโรงเรียนขนาดเล็ก"].iloc[1] == D("75.0")


@pytest.mark.parametrize(
    ("baseline", "target", "actual", "progress", "met"),
    [
        (60, 80, 70, D("50.00"), False),
        (60, 80, 85, D("125.00"), True),
        (20, 10, 12, D("80.00"), False),
        (20, 10, 9, D("110.00"), True),
        (5, 5, 5, D(100), True),
    ],
)
def test_indicator_progress(
    baseline: int, target: int, actual: int, progress: Decimal, met: bool
) -> None:
    result = indicator_progress(baseline, target, actual)
    assert (result.progress_percent, result.met) == (progress, met)


def test_percent_rounds_half_up() -> None:
    assert percent(1, 8, 2) == D("12.50")
    assert percent(1, 800, 2) == D("0.13")
    with pytest.raises(ValueError):
        percent(1, 0)


# --- proposals -----------------------------------------------------------------------------

STRATEGIES = ("1 ก", "2 ข")


def _proposals() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "ชื่อโครงการ/กิจกรรม": ["ก", "ข", "", "ง", "จ", "ฉ"],
            "กลยุทธ์": ["1 ก", "2 ข", "1 ก", "9 ไม่มี", "2 ข", "1 ก"],
            "งบประมาณที่เสนอ (บาท)": [100, 300, 50, 10, 0, 500],
            "สอดคล้องนโยบาย สพฐ.": ["ใช่", "ใช่", "ใช่", "ไม่ใช่", "ใช่", "ใช่"],
        }
    )


def test_screen_proposals() -> None:
    screened = screen_proposals(_proposals(), strategies=STRATEGIES, max_amount=400)
    assert list(screened["ผ่าน"]) == [True, True, False, False, False, False]
    assert screened["เหตุผล"].iloc[3] == "ไม่ระบุกลยุทธ์ที่มีในแผน; ไม่สอดคล้องกับนโยบาย"
    assert screened["เหตุผล"].iloc[4] == "ไม่ระบุงบประมาณ"
    assert screened["เหตุผล"].iloc[5] == "งบประมาณเกินวงเงินต่อโครงการ"


@pytest.mark.parametrize(
    ("total", "expected"),
    [(1000, [100, 300, 500]), (900, [100, 300, 500]), (450, [50, 150, 250]), (7, [1, 2, 4])],
)
def test_allocate_proposals(total: int, expected: list[int]) -> None:
    passed = _proposals().iloc[[0, 1, 5]].reset_index(drop=True)
    result = allocate_proposals(passed, total)
    assert list(result["จัดสรร"]) == expected
    assert sum(expected) == min(total, 900)


@pytest.mark.parametrize(
    ("call", "field", "words"),
    [
        (lambda: check_disbursement(-1000, 500, 80), "allocated", "มากกว่าศูนย์"),
        (lambda: check_disbursement(1000, -1, 80), "disbursed", "ไม่ติดลบ"),
        (lambda: check_disbursement(1000, 500, 180), "target_percent", "0 ถึง 100"),
        (lambda: check_disbursement(1000, 500, 0.8), "target_percent", "float"),
        (lambda: check_disbursement(1000, "abc", 80), "disbursed", "ไม่ใช่ตัวเลข"),
        (lambda: check_disbursement(True, 1, 80), "allocated", "True/False"),
        (lambda: check_disbursement(Decimal("NaN"), 1, 80), "allocated", "NaN"),
        (lambda: per_student_subsidy({"ป.1": 2}, {"ป.1": Decimal(-5)}), "rates[ป.1]", "มากกว่าศูนย์"),
        (lambda: per_student_subsidy({"ป.1": 2}, {"ป.1": 0.1}), "rates[ป.1]", "float"),
        (
            lambda: per_student_subsidy({"ป.1": 1.5}, {"ป.1": Decimal(1)}),
            "students[ป.1]",
            "จำนวนเต็ม",
        ),
        (
            lambda: per_student_subsidy({"ป.1": True}, {"ป.1": Decimal(1)}),
            "students[ป.1]",
            "จำนวนเต็ม",
        ),
    ],
)
def test_helpers_refuse_nonsense_naming_the_argument(call, field: str, words: str) -> None:
    from sop_helpers._errors import ArgumentError

    with pytest.raises(ArgumentError) as caught:
        call()
    assert str(caught.value).startswith(f"{field}: ") and words in str(caught.value)
