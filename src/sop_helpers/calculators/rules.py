"""The six calculators: text as typed in, worked lines and results out (exact Decimal)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ..budget import (
    SMALL_SCHOOL_MAX,
    band_for,
    check_disbursement,
    indicator_progress,
    per_student_subsidy,
    percent,
    ratio,
)
from ..thai import arabic_digits, baht_text, format_number
from .allocation import allocation
from .fields import (
    MAX_MONEY,
    MAX_PUPILS,
    MAX_VALUE,
    Data,
    Inputs,
    Result,
    _count,
    _Fields,
    _figure,
    _pct,
    _plain,
    failed,
    money,
    solved,
)
from .texts import LINES, WARNINGS, line

# --- the calculators -------------------------------------------------------------------------


def subsidy(data: Data, inputs: Inputs) -> Result:
    """Per-pupil subsidy of one school: pupils at each level × that level's yearly rate."""
    fields = _Fields()
    counts: dict[str, int] = {}
    for level in data["levels"]:
        value = fields.read(inputs, level["key"], maximum=MAX_PUPILS)
        if value is not None:
            counts[level["label"]] = int(value)
        if level.get("rate") is None and value:
            fields.fail(level["key"], "no_rate")
    if fields.errors:
        return failed(fields.errors)
    rates = {lv["label"]: Decimal(lv["rate"]) for lv in data["levels"] if lv.get("rate")}
    lines = per_student_subsidy({k: n for k, n in counts.items() if n}, rates)
    total = sum((line.amount for line in lines), Decimal(0))
    worked = [
        line(
            "subsidy.level",
            level=row.level,
            pupils=_count(row.students),
            rate=_figure(row.rate),
            amount=money(row.amount),
        )
        for row in lines
    ]
    worked.append(line("subsidy.total", total=money(total), term=money(total / 2)))
    return solved(
        values={
            "amounts": {row.level: _plain(row.amount) for row in lines},
            "total": _plain(total),
            "per_term": _plain(total / 2),
        },
        lines=worked,
        result=line("money", amount=money(total)),
        words=baht_text(total),
        illustrative=any(
            lv.get("illustrative") for lv in data["levels"] if counts.get(lv["label"])
        ),
    )


def disbursement(data: Data, inputs: Inputs) -> Result:
    """Cumulative disbursement against the quarter's cumulative target."""
    fields = _Fields()
    allocated = fields.read(inputs, "allocated", places=2, maximum=MAX_MONEY, positive=True)
    paid = fields.read(inputs, "disbursed", places=2, maximum=MAX_MONEY)
    quarter = arabic_digits(str(inputs.get("quarter", ""))).strip()
    target = next((t for t in data["targets"] if str(t["quarter"]) == quarter), None)
    if quarter not in {"1", "2", "3", "4"}:
        fields.fail("quarter", "quarter")
    elif target is None or target.get("percent") is None:
        fields.fail("quarter", "no_target")
    if fields.errors or allocated is None or paid is None or target is None:
        return failed(fields.errors)
    check = check_disbursement(allocated, paid, Decimal(target["percent"]))
    worked = [
        line(
            "disbursement.rate",
            paid=money(paid),
            allocated=money(allocated),
            rate=_pct(check.rate_percent),
        ),
        line("disbursement.target", quarter=target["quarter"], target=_pct(check.target_percent)),
    ]
    if check.met:
        worked.append(LINES["disbursement.met"])
    else:
        worked.append(
            line(
                "disbursement.gap",
                target=_pct(check.target_percent),
                allocated=money(allocated),
                paid=money(paid),
                shortfall=money(check.shortfall),
            )
        )
    # More paid out than was allocated cannot be right: the result stands, marked, with a warning.
    over = paid > allocated
    warning = ""
    result = (
        LINES["disbursement.result.met"]
        if check.met
        else line("disbursement.result.short", shortfall=money(check.shortfall))
    )
    if over:
        excess = paid - allocated
        worked.append(
            line(
                "disbursement.excess",
                paid=money(paid),
                allocated=money(allocated),
                excess=money(excess),
            )
        )
        warning = WARNINGS["disbursement.over"].format(
            excess=money(excess), rate=format_number(check.rate_percent, 2)
        )
        result += LINES["disbursement.result.over"]
    return solved(
        values={
            "rate": _plain(check.rate_percent),
            "target": _plain(check.target_percent),
            "shortfall": _plain(check.shortfall),
            "met": check.met,
            "over": over,
        },
        lines=worked,
        result=result,
        words=baht_text(check.shortfall) if not check.met else "",
        warning=warning,
        illustrative=bool(target.get("illustrative")),
    )


def indicator(data: Data, inputs: Inputs) -> Result:
    """Progress from the baseline towards the target: (result − baseline) ÷ (target − baseline)."""
    fields = _Fields()
    values = {
        name: fields.read(inputs, name, places=2, maximum=MAX_VALUE)
        for name in ("baseline", "target", "actual")
    }
    if fields.errors:
        return failed(fields.errors)
    base, goal, now = (Decimal(values[n] or 0) for n in ("baseline", "target", "actual"))
    progress = indicator_progress(base, goal, now)
    direction = LINES["indicator.up"] if goal >= base else LINES["indicator.down"]

    def num(v: Decimal) -> str:
        return format_number(v, 2)

    worked = [
        line(
            "indicator.line",
            direction=direction,
            actual=num(now),
            baseline=num(base),
            target=num(goal),
            progress=_pct(progress.progress_percent),
        )
    ]
    if goal == base:
        worked = [LINES["indicator.flat"]]
    return solved(
        values={"progress": _plain(progress.progress_percent), "met": progress.met},
        lines=worked,
        result=line(
            "indicator.result",
            state=LINES["indicator.met" if progress.met else "indicator.short"],
            progress=_pct(progress.progress_percent),
        ),
    )


def school_size(data: Data, inputs: Inputs) -> Result:
    """Size class of a school from its pupils, and its lunch rate band and lunch money."""
    fields = _Fields()
    pupils = fields.read(inputs, "pupils", maximum=MAX_PUPILS, positive=True)
    if fields.errors or pupils is None:
        return failed(fields.errors)
    n = int(pupils)
    sizes = [(b["min"], b.get("max"), b["label"]) for b in data["sizes"]]
    size = band_for(n, sizes)
    rate_band = band_for(n, [(b["min"], b.get("max"), b) for b in data["lunch"]])
    rate = Decimal(rate_band["rate"])
    days = Decimal(data["days"])
    per_day = rate * n
    per_year = per_day * days
    small = n <= int(data.get("small_max", SMALL_SCHOOL_MAX))
    named_small = LINES["school-size.small.word"] in size
    worked = [
        line("school-size.size", pupils=_count(n), size=size)
        + (LINES["school-size.small"] if small and not named_small else ""),
        line(
            "school-size.lunch",
            pupils=_count(n),
            rate=_figure(rate),
            day=money(per_day),
        ),
        line("school-size.year", day=money(per_day), days=_figure(days), year=money(per_year)),
    ]
    return solved(
        values={
            "size": size,
            "small": small,
            "lunch_rate": _plain(rate),
            "lunch_day": _plain(per_day),
            "lunch_year": _plain(per_year),
        },
        lines=worked,
        result=line("school-size.result", size=size, year=money(per_year)),
        words=baht_text(per_year),
        illustrative=bool(rate_band.get("illustrative") or data.get("days_illustrative")),
    )


def spending(data: Data, inputs: Inputs) -> Result:
    """One category's spending per pupil and its change from the year before."""
    fields = _Fields()
    amount = fields.read(inputs, "amount", places=2, maximum=MAX_MONEY)
    previous = fields.read(inputs, "previous", places=2, maximum=MAX_MONEY)
    pupils = fields.read(inputs, "pupils", maximum=MAX_PUPILS * 10, positive=True)
    if fields.errors or amount is None or previous is None or pupils is None:
        return failed(fields.errors)
    per_pupil = ratio(amount, pupils)
    change = amount - previous
    change_pct = percent(change, previous) if previous else None
    worked = [
        line("spending.per", amount=money(amount), pupils=_count(pupils), per=money(per_pupil)),
        line(
            "spending.change", amount=money(amount), previous=money(previous), change=money(change)
        ),
    ]
    if change_pct is not None:
        worked.append(
            line(
                "spending.percent",
                change=money(change),
                previous=money(previous),
                percent=_pct(change_pct),
            )
        )
    else:
        worked.append(LINES["spending.no_percent"])
    return solved(
        values={
            "per_pupil": _plain(per_pupil),
            "change": _plain(change),
            "change_percent": None if change_pct is None else _plain(change_pct),
        },
        lines=worked,
        result=line("spending.result", per=money(per_pupil)),
        words=baht_text(per_pupil),
    )


CALCULATORS: dict[str, Callable[[Data, Inputs], Result]] = {
    "subsidy": subsidy,
    "allocation": allocation,
    "disbursement": disbursement,
    "indicator": indicator,
    "school-size": school_size,
    "spending": spending,
}
"""Each calculator by the name the pages, the vectors and ``calculator.js`` use."""


def compute(kind: str, data: Data, inputs: Inputs) -> Result:
    """Run the calculator ``kind`` on ``inputs`` (text as typed) with ``data`` (rates, rules)."""
    try:
        calculator = CALCULATORS[kind]
    except KeyError:
        raise ValueError(line("unknown", kind=kind, kinds=", ".join(CALCULATORS))) from None
    return calculator(data, inputs)


def worked_line(kind: str, data: Data, inputs: Inputs) -> str:
    """The worked lines of one calculation joined for a page's prose (errors raise)."""
    result = compute(kind, data, inputs)
    if not result["ok"]:
        raise ValueError("; ".join(f"{k}: {v}" for k, v in result["errors"].items()))
    return "\n".join(result["lines"])
