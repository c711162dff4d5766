"""Indicator progress from a baseline towards a target."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ._arith import HUNDRED, percent


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
