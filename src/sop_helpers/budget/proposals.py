"""Screening of action-plan proposals and their allocation by strategy."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pandas as pd

from .allocation import allocate

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
