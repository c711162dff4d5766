"""Spending by expenditure category (งบรายจ่าย) over two fiscal years."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import pandas as pd

from ._arith import percent, ratio

BUDGET_CATEGORIES: tuple[str, ...] = (
    "งบบุคลากร",
    "งบดำเนินงาน",
    "งบลงทุน",
    "งบเงินอุดหนุน",
    "งบรายจ่ายอื่น",
)
"""The five expenditure categories (งบรายจ่าย) of the Budget Bureau, in their usual order."""


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
