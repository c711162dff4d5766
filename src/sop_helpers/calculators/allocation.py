"""The allocation calculator: whole baht split by weights (largest remainder), compared with
the amounts asked for when the weights are requests."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from ..budget import allocate, percent, ratio
from ..thai import baht_text
from .fields import (
    MAX_MONEY,
    MAX_VALUE,
    Data,
    Inputs,
    Result,
    _count,
    _Fields,
    _figure,
    _pct,
    failed,
    money,
    solved,
)
from .texts import LINES, WARNINGS, line


def allocation(data: Data, inputs: Inputs) -> Result:
    """Whole baht split by weights with the largest-remainder rule (:func:`budget.allocate`)."""
    fields = _Fields()
    total = fields.read(inputs, "total", maximum=MAX_MONEY)
    weights: dict[int, Decimal] = {}
    for index, text in enumerate(inputs.get("weights", [])):
        if str(text).strip() == "":
            continue  # an empty row is not part of the split
        value = fields.read({"w": text}, "w", places=2, maximum=MAX_VALUE)
        if "w" in fields.errors:
            fields.errors[f"weight-{index}"] = fields.errors.pop("w")
        elif value is not None:
            weights[index] = value
    if not weights and not any(k.startswith("weight-") for k in fields.errors):
        fields.fail("weight-0", "no_rows")
    elif weights and sum(weights.values()) == 0:
        fields.fail(f"weight-{min(weights)}", "zero_weights")
    if fields.errors or total is None:
        return failed(fields.errors)
    parts = allocate(total, weights)
    weight_sum = sum(weights.values(), Decimal(0))
    worked = [
        line(
            "allocation.row",
            number=i + 1,
            total=_count(total),
            weight=_figure(w),
            sum=_figure(weight_sum),
            share=money(ratio(total * w, weight_sum)),
            part=_count(parts[i]),
        )
        for i, w in weights.items()
    ]
    floors = sum(int(Fraction(total * w) / Fraction(weight_sum)) for w in weights.values())
    left = int(total) - floors
    worked.append(_rounding_line(total, floors, left))
    result = (
        LINES["allocation.none"] if total == 0 else line("allocation.done", total=_count(total))
    )
    warning = ""
    over = False
    if _asked(inputs.get("requests")):
        # The weights are the amounts asked for: say how the money compares with what was asked.
        over = total > weight_sum
        worked.append(_requests_line(total, weight_sum))
        if over:
            excess = _figure(total - weight_sum)
            warning = WARNINGS["allocation.over"].format(excess=excess)
            result += line("allocation.over", excess=excess)
    return solved(
        values={
            "parts": {str(i): str(p) for i, p in parts.items()},
            "left": str(left),
            "over": over,
        },
        lines=worked,
        result=result,
        words=baht_text(total),
        warning=warning,
    )


def _asked(flag: object) -> bool:
    """The form's "the weights are the amounts asked for" box (text "1"/"true"/"on" or True)."""
    return str(flag if flag is not None else "").strip().lower() in {"1", "true", "on"}


def _rounding_line(total: Decimal, floors: int, left: int) -> str:
    """The largest-remainder step in words, as a person would say it."""
    if total == 0:
        return LINES["allocation.zero"]
    if left == 0:
        # every share came out in whole baht: nothing was rounded
        return line("allocation.exact", floors=_count(floors))
    return line("allocation.rest", floors=_count(floors), left=_count(left), total=_count(total))


def _requests_line(total: Decimal, asked: Decimal) -> str:
    """How the money available compares with the amounts asked for (the weights)."""
    if total > asked:
        return line(
            "allocation.asked.over",
            asked=_figure(asked),
            total=_count(total),
            excess=_figure(total - asked),
        )
    if total == asked:
        return line("allocation.asked.equal", asked=_figure(asked))
    return line(
        "allocation.asked.under",
        asked=_figure(asked),
        total=_count(total),
        percent=_pct(percent(total, asked)),
    )
