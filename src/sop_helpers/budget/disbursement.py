"""Disbursement against a target percentage, once or cumulated per quarter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from ._arith import CENT, HUNDRED, amount_arg, percent, percentage_arg


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
    alloc = amount_arg(allocated, "allocated", positive=True)
    paid = amount_arg(disbursed, "disbursed")
    target = percentage_arg(target_percent, "target_percent")
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
