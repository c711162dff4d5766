"""School size bands and the small-school summary of an area."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

import pandas as pd

from ._arith import percent, ratio

T = TypeVar("T")


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
