"""Budget arithmetic of the planning group: subsidies, allocation, disbursement, categories.

Money is ``Decimal`` (or whole baht as ``int``); no float touches an amount. Functions that work
on tables take and return pandas DataFrames with the column names documented on each function.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TypeVar

import pandas as pd

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

BUDGET_CATEGORIES: tuple[str, ...] = (
    "งบบุคลากร",
    "งบดำเนินงาน",
    "งบลงทุน",
    "งบเงินอุดหนุน",
    "งบรายจ่ายอื่น",
)
"""The five expenditure categories (งบรายจ่าย) of the Budget Bureau, in their usual order."""

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


# --- per-student subsidy -------------------------------------------------------------------


@dataclass(frozen=True)
class SubsidyLine:
    """One level of a per-student subsidy: pupils × rate = amount."""

    level: str
    students: int
    rate: Decimal
    amount: Decimal


def per_student_subsidy(
    students: Mapping[str, int], rates: Mapping[str, Decimal]
) -> tuple[SubsidyLine, ...]:
    """Subsidy per level for one school: pupils at each level times that level's yearly rate.

    Levels with no rate raise ``KeyError`` naming the level (a missing rate must not count as 0).
    """
    lines = []
    for level, count in students.items():
        if count < 0:
            raise ValueError(f"จำนวนนักเรียนระดับ {level} ติดลบ")
        if level not in rates:
            raise KeyError(f"ไม่มีอัตราสำหรับระดับ {level}")
        rate = Decimal(rates[level])
        lines.append(SubsidyLine(level, count, rate, rate * count))
    return tuple(lines)


def subsidy_total(lines: Sequence[SubsidyLine]) -> Decimal:
    """Sum of the amounts of subsidy lines."""
    return sum((line.amount for line in lines), Decimal(0))


def subsidy_table(students: pd.DataFrame, rates: Mapping[str, Decimal]) -> pd.DataFrame:
    """Subsidy of many schools: ``students`` has one column per level (plus any id columns).

    Returns the same rows with one ``Decimal`` amount column per level (named like the level)
    and a ``รวม`` column; id columns are kept as they are.
    """
    levels = [column for column in students.columns if column in rates]
    result = students.drop(columns=levels).copy()
    for level in levels:
        rate = Decimal(rates[level])
        result[level] = pd.Series(
            [rate * int(n) for n in students[level]], index=result.index, dtype=object
        )
    result["รวม"] = pd.Series(
        [sum((row[level] for level in levels), Decimal(0)) for _, row in result.iterrows()],
        index=result.index,
        dtype=object,
    )
    return result


# --- allocation ----------------------------------------------------------------------------


def allocate(total: Decimal | int, weights: Mapping[K, Decimal | int]) -> dict[K, int]:
    """Split ``total`` whole baht in proportion to ``weights``; the parts sum exactly to ``total``.

    Largest remainder (Hamilton) method: each part first gets the whole-baht floor of its exact
    share, then the baht left over go one each to the largest fractional remainders.
    Tie rule: among equal remainders the larger weight comes first, and among equal weights the
    key listed first in ``weights``. Zero weights get 0.
    """
    whole = Decimal(total)
    if whole != whole.to_integral_value() or whole < 0:
        raise ValueError(f"ยอดที่จัดสรรต้องเป็นจำนวนบาทเต็มที่ไม่ติดลบ (ได้ {total})")
    if not weights:
        raise ValueError("ต้องมีรายการที่จะจัดสรรอย่างน้อยหนึ่งรายการ")
    exact = {key: Fraction(Decimal(w)) for key, w in weights.items()}
    if any(w < 0 for w in exact.values()):
        raise ValueError("น้ำหนักการจัดสรรต้องไม่ติดลบ")
    weight_sum = sum(exact.values(), Fraction(0))
    if weight_sum == 0:
        raise ValueError("ผลรวมน้ำหนักการจัดสรรต้องมากกว่าศูนย์")
    amount = int(whole)
    shares = {key: amount * w / weight_sum for key, w in exact.items()}
    parts = {key: int(share) for key, share in shares.items()}  # floor: shares are >= 0
    left = amount - sum(parts.values())
    order = list(weights)
    ranked = sorted(
        order,
        key=lambda key: (-(shares[key] - parts[key]), -exact[key], order.index(key)),
    )
    for key in ranked[:left]:
        parts[key] += 1
    return parts


# --- disbursement --------------------------------------------------------------------------


@dataclass(frozen=True)
class DisbursementCheck:
    """Disbursement against a target percentage of the allocation."""

    allocated: Decimal
    disbursed: Decimal
    target_percent: Decimal
    rate_percent: Decimal
    shortfall: Decimal
    met: bool


def check_disbursement(
    allocated: Decimal | int, disbursed: Decimal | int, target_percent: Decimal | int
) -> DisbursementCheck:
    """Disbursement rate (disbursed ÷ allocated × 100, 2 decimals) and shortfall against target.

    shortfall = target% × allocated − disbursed when positive, else 0; ``met`` compares the
    exact amounts, not the rounded rate.
    """
    alloc, paid, target = Decimal(allocated), Decimal(disbursed), Decimal(target_percent)
    needed = target * alloc / HUNDRED
    shortfall = max(needed - paid, Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
    return DisbursementCheck(
        allocated=alloc,
        disbursed=paid,
        target_percent=target,
        rate_percent=percent(paid, alloc),
        shortfall=shortfall,
        met=paid >= needed,
    )


def quarterly_disbursement(
    quarters: pd.DataFrame, allocated: Decimal | int, targets: Mapping[int, Decimal]
) -> pd.DataFrame:
    """Cumulative disbursement per quarter against cumulative targets.

    ``quarters`` has columns ``ไตรมาส`` (1-4) and ``เบิกจ่าย`` (Decimal, disbursed in that
    quarter). Returns columns ไตรมาส, เบิกจ่าย, เบิกจ่ายสะสม, ร้อยละสะสม, เป้าหมายร้อยละ,
    ส่วนต่าง (cumulative % − target %), ต่ำกว่าเป้า (shortfall in baht) and ผล (Thai flag).
    """
    alloc = Decimal(allocated)
    rows = []
    running = Decimal(0)
    for quarter, paid in sorted(zip(quarters["ไตรมาส"], quarters["เบิกจ่าย"], strict=True)):
        running += Decimal(paid)
        target = Decimal(targets[int(quarter)])
        check = check_disbursement(alloc, running, target)
        rows.append(
            {
                "ไตรมาส": int(quarter),
                "เบิกจ่าย": Decimal(paid),
                "เบิกจ่ายสะสม": running,
                "ร้อยละสะสม": check.rate_percent,
                "เป้าหมายร้อยละ": target,
                "ส่วนต่าง": check.rate_percent - target,
                "ต่ำกว่าเป้า": check.shortfall,
                "ผล": "ถึงเป้า" if check.met else "ต่ำกว่าเป้า",
            }
        )
    return pd.DataFrame(rows)


# --- income and spending by category -------------------------------------------------------


def category_summary(
    spending: pd.DataFrame, students: Mapping[int, int], *, group: str = "หมวดงบ"
) -> pd.DataFrame:
    """Spending by category for the last two fiscal years: share, per student, change.

    ``spending`` has columns ``ปีงบประมาณ``, ``group`` and ``จำนวนเงิน`` (Decimal); ``students``
    maps each fiscal year to its pupil count. The result has one row per value of ``group`` (in
    the order of :data:`BUDGET_CATEGORIES` when grouping by category) and columns for the earlier
    and later year, the later year's share (%) and per-student amount, and the change (baht, %).
    """
    years = sorted({int(y) for y in spending["ปีงบประมาณ"]})
    if len(years) < 2:
        raise ValueError("ต้องมีข้อมูลอย่างน้อยสองปีงบประมาณ")
    before, after = years[-2], years[-1]
    totals: dict[tuple[int, str], Decimal] = {}
    for year, key, amount in zip(
        spending["ปีงบประมาณ"], spending[group], spending["จำนวนเงิน"], strict=True
    ):
        totals[(int(year), key)] = totals.get((int(year), key), Decimal(0)) + Decimal(amount)
    keys = list(dict.fromkeys(str(k) for k in spending[group]))
    if group == "หมวดงบ":
        keys = [k for k in BUDGET_CATEGORIES if k in keys] + [
            k for k in keys if k not in BUDGET_CATEGORIES
        ]
    grand = sum((totals.get((after, k), Decimal(0)) for k in keys), Decimal(0))
    rows = []
    for key in keys:
        old = totals.get((before, key), Decimal(0))
        new = totals.get((after, key), Decimal(0))
        rows.append(
            {
                group: key,
                f"ปี {before}": old,
                f"ปี {after}": new,
                "สัดส่วนร้อยละ": percent(new, grand) if grand else Decimal(0),
                "ต่อนักเรียน": ratio(new, students[after]),
                "เปลี่ยนแปลง": new - old,
                "เปลี่ยนแปลงร้อยละ": percent(new - old, old) if old else None,
            }
        )
    return pd.DataFrame(rows)


# --- school size ---------------------------------------------------------------------------


def band_for(count: int, bands: Sequence[tuple[int, int | None, T]]) -> T:
    """The value of the band ``(low, high, value)`` holding ``count``; both ends inclusive.

    ``high`` None means no upper limit. Used for school size classes and lunch-rate bands.
    """
    for low, high, value in bands:
        if count >= low and (high is None or count <= high):
            return value
    raise ValueError(f"ไม่มีช่วงที่ครอบคลุมจำนวน {count}")


SMALL_SCHOOL_MAX = 120
"""OBEC's small-school ceiling for สพป.: at most 120 pupils (domain facts 6.1)."""


def small_school_summary(
    schools: pd.DataFrame,
    *,
    by: str = "อำเภอ",
    students: str = "นักเรียนรวม",
    limit: int = SMALL_SCHOOL_MAX,
) -> pd.DataFrame:
    """Per ``by`` group: schools, small schools (≤ ``limit`` pupils), their share and pupils.

    A last row ``รวม`` totals the area. Columns: by, โรงเรียนทั้งหมด, โรงเรียนขนาดเล็ก,
    ร้อยละขนาดเล็ก, นักเรียนในโรงเรียนขนาดเล็ก, นักเรียนเฉลี่ยต่อโรงเรียนขนาดเล็ก.
    """
    frame = schools[[by, students]].copy()
    frame["เล็ก"] = frame[students] <= limit

    def row(name: str, part: pd.DataFrame) -> dict[str, object]:
        small = part[part["เล็ก"]]
        n_small = len(small)
        pupils = int(small[students].sum())
        return {
            by: name,
            "โรงเรียนทั้งหมด": len(part),
            "โรงเรียนขนาดเล็ก": n_small,
            "ร้อยละขนาดเล็ก": percent(n_small, len(part)),
            "นักเรียนในโรงเรียนขนาดเล็ก": pupils,
            "นักเรียนเฉลี่ยต่อโรงเรียนขนาดเล็ก": ratio(pupils, n_small, 1) if n_small else Decimal(0),
        }

    rows = [row(str(name), part) for name, part in frame.groupby(by, sort=False)]
    rows.append(row("รวม", frame))
    return pd.DataFrame(rows)


# --- indicators ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorProgress:
    """One indicator: how far the result has moved from the baseline towards the target."""

    baseline: Decimal
    target: Decimal
    actual: Decimal
    progress_percent: Decimal
    met: bool


def indicator_progress(
    baseline: Decimal | int, target: Decimal | int, actual: Decimal | int
) -> IndicatorProgress:
    """Progress = (actual − baseline) ÷ (target − baseline) × 100; works for falling targets too.

    ``met`` is true when the actual value has reached the target in the target's direction.
    A target equal to the baseline counts as 100% when reached.
    """
    base, goal, now = Decimal(baseline), Decimal(target), Decimal(actual)
    rising = goal >= base
    met = now >= goal if rising else now <= goal
    if goal == base:
        progress = HUNDRED if met else Decimal(0)
    else:
        progress = percent(now - base, goal - base)
    return IndicatorProgress(base, goal, now, progress, met)


# --- action-plan proposals -----------------------------------------------------------------

PROPOSAL_AMOUNT = "งบประมาณที่เสนอ (บาท)"


def screen_proposals(
    proposals: pd.DataFrame,
    *,
    strategies: Sequence[str],
    max_amount: Decimal | int | None = None,
    name: str = "ชื่อโครงการ/กิจกรรม",
    strategy: str = "กลยุทธ์",
    amount: str = PROPOSAL_AMOUNT,
    aligned: str = "สอดคล้องนโยบาย สพฐ.",
) -> pd.DataFrame:
    """Screen proposals from the proposal form; adds ``ผ่าน`` (bool) and ``เหตุผล`` columns.

    A proposal passes when it has a name, names one of ``strategies``, asks for more than 0
    baht (and at most ``max_amount`` when given) and is marked aligned with policy ("ใช่").
    ``เหตุผล`` lists every rule a proposal fails, so the owner can fix all at once.
    """
    reasons: list[str] = []
    for _, row in proposals.iterrows():
        failed = []
        if not str(row[name] or "").strip() or str(row[name]) == "nan":
            failed.append("ไม่มีชื่อโครงการ")
        if row[strategy] not in strategies:
            failed.append("ไม่ระบุกลยุทธ์ที่มีในแผน")
        money = Decimal(str(row[amount]))
        if money <= 0:
            failed.append("ไม่ระบุงบประมาณ")
        elif max_amount is not None and money > Decimal(max_amount):
            failed.append("งบประมาณเกินวงเงินต่อโครงการ")
        if str(row[aligned]).strip() != "ใช่":
            failed.append("ไม่สอดคล้องกับนโยบาย")
        reasons.append("; ".join(failed))
    result = proposals.copy()
    result["ผ่าน"] = [not r for r in reasons]
    result["เหตุผล"] = [r or "ผ่านเกณฑ์" for r in reasons]
    return result


def allocate_proposals(
    passed: pd.DataFrame,
    total: Decimal | int,
    *,
    by: str = "กลยุทธ์",
    amount: str = PROPOSAL_AMOUNT,
) -> pd.DataFrame:
    """Split ``total`` baht across groups (strategies) and then across their proposals.

    When the requests fit in ``total`` every proposal gets what it asked for. Otherwise each
    group gets a share of ``total`` in proportion to its requests and each proposal a share of
    its group's amount in proportion to its request, both with :func:`allocate` (whole baht,
    largest remainder), so the proposals add up to the groups and the groups to ``total``.
    Adds the column ``จัดสรร`` (int baht).
    """
    requests = [Decimal(str(v)) for v in passed[amount]]
    result = passed.copy()
    if sum(requests, Decimal(0)) <= Decimal(total):
        result["จัดสรร"] = [int(v) for v in requests]
        return result
    groups: dict[str, Decimal] = {}
    for key, value in zip(passed[by], requests, strict=True):
        groups[str(key)] = groups.get(str(key), Decimal(0)) + value
    group_amounts = allocate(total, groups)
    shares = [0] * len(passed)
    for key, group_total in group_amounts.items():
        members = {i: requests[i] for i, k in enumerate(passed[by]) if str(k) == key}
        for i, part in allocate(group_total, members).items():
            shares[i] = part
    result["จัดสรร"] = shares
    return result
