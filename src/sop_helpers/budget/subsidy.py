"""Per-student subsidies: pupils × yearly rate, for one school or a table of schools."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from numbers import Integral

import pandas as pd

from .._errors import ArgumentError
from ._arith import amount_arg


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
    lines: list[SubsidyLine] = []
    for level, count in students.items():
        if isinstance(count, bool) or not isinstance(count, Integral):
            raise ArgumentError(f"students[{level}]: จำนวนนักเรียนต้องเป็นจำนวนเต็ม (ได้ {count!r})")
        if count < 0:
            raise ArgumentError(f"students[{level}]: จำนวนนักเรียนระดับ {level} ติดลบ")
        if level not in rates:
            raise KeyError(f"ไม่มีอัตราสำหรับระดับ {level}")
        rate = amount_arg(rates[level], f"rates[{level}]", positive=True)
        lines.append(SubsidyLine(level, int(count), rate, rate * int(count)))
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
