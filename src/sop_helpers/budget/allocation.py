"""Whole-baht allocation in proportion to weights (largest remainder)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


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
