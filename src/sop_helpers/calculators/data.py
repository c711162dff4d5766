"""The rates and rules each calculator needs, read from ``book/data/rates`` (what pages embed)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..budget import SMALL_SCHOOL_MAX
from .fields import MAX_ROWS
from .rules import CALCULATORS
from .texts import line

if TYPE_CHECKING:
    from ..rates import RateFile

SUBSIDY_LEVELS: tuple[tuple[str, str], ...] = (
    ("preprimary", "ก่อนประถมศึกษา"),
    ("primary", "ประถมศึกษา"),
    ("lower_secondary", "มัธยมศึกษาตอนต้น"),
)


def calculator_data(
    kind: str, year: int | None = None, *, rates: Mapping[str, RateFile] | None = None
) -> dict[str, Any]:
    """Rates and rules of one calculator, from ``book/data/rates`` (what the page embeds).

    ``rates`` (name -> file, e.g. ``load_handbook().rates``) are the files already read;
    without them each file is read here. Each figure carries ``illustrative`` and ``source``
    so the page can label it (decision 9).
    """
    from ..rates import load_rates

    def rate_file(name: str) -> RateFile:
        return rates[name] if rates is not None else load_rates(name)

    if kind == "subsidy":
        per_student = rate_file("per_student")
        fy = year or max(r.applies_from_fy for r in per_student if r.key.startswith("teaching_"))
        levels = []
        for key, label in SUBSIDY_LEVELS:
            record = per_student.for_year(fy, "teaching_", level=label, applies_to="")
            levels.append(
                {
                    "key": key,
                    "label": label,
                    "rate": None if record.value is None else str(record.value),
                    "illustrative": record.illustrative,
                    "source": record.citation,
                    "from_fy": record.applies_from_fy,
                }
            )
        return {"year": fy, "levels": levels}
    if kind == "disbursement":
        targets = rate_file("disbursement_targets")
        quarters = sorted(
            (r for r in targets if r.quarter and r.level == "ภาพรวม"), key=lambda r: r.quarter or 0
        )
        return {
            "targets": [
                {
                    "quarter": r.quarter,
                    "percent": None if r.value is None else str(r.value),
                    "illustrative": r.illustrative,
                    "source": r.citation,
                }
                for r in quarters
            ]
        }
    if kind == "school-size":
        sizes, lunch = rate_file("school_size"), rate_file("lunch")
        days = lunch.record("lunch_days_per_year")
        return {
            "small_max": SMALL_SCHOOL_MAX,
            "sizes": [{"min": lo, "max": hi, "label": r.label_th} for lo, hi, r in sizes.bands()],
            "lunch": [
                {"min": lo, "max": hi, "rate": str(r.value), "illustrative": r.illustrative}
                for lo, hi, r in lunch.bands()
            ],
            "days": str(days.value),
            "days_illustrative": days.illustrative,
            "source": lunch.records[0].citation,
        }
    if kind in ("allocation", "indicator", "spending"):
        return {"rows": MAX_ROWS} if kind == "allocation" else {}
    raise ValueError(line("unknown", kind=kind, kinds=", ".join(CALCULATORS)))
