"""The six calculators: text as typed in, worked lines and results out (exact Decimal)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from ..budget import (
    SMALL_SCHOOL_MAX,
    allocate,
    band_for,
    check_disbursement,
    indicator_progress,
    per_student_subsidy,
    percent,
    ratio,
)
from ..thai import arabic_digits, baht_text, format_number
from .fields import (
    MAX_MONEY,
    MAX_PUPILS,
    MAX_VALUE,
    WARNINGS,
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
)

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
        f"{line.level} {_count(line.students)} คน × {_figure(line.rate)} บาท"
        f" = {money(line.amount)} บาท"
        for line in lines
    ]
    worked.append(f"รวมทั้งปี {money(total)} บาท ภาคเรียนละ {money(total / 2)} บาท")
    return {
        "ok": True,
        "warning": "",
        "values": {
            "amounts": {line.level: _plain(line.amount) for line in lines},
            "total": _plain(total),
            "per_term": _plain(total / 2),
        },
        "lines": worked,
        "result": f"{money(total)} บาท",
        "words": baht_text(total),
        "illustrative": any(
            lv.get("illustrative") for lv in data["levels"] if counts.get(lv["label"])
        ),
    }


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
        f"รายการที่ {i + 1}: {_count(total)} × {_figure(w)} ÷ {_figure(weight_sum)}"
        f" = {money(ratio(total * w, weight_sum))}"
        f" → {_count(parts[i])} บาท"
        for i, w in weights.items()
    ]
    floors = sum(int(Fraction(total * w) / Fraction(weight_sum)) for w in weights.values())
    left = int(total) - floors
    worked.append(_rounding_line(total, floors, left))
    result = "ไม่มีเงินให้จัดสรร" if total == 0 else f"จัดสรรครบ {_count(total)} บาท ไม่มีเงินเหลือ"
    warning = ""
    over = False
    if _asked(inputs.get("requests")):
        # The weights are the amounts asked for: say how the money compares with what was asked.
        over = total > weight_sum
        worked.append(_requests_line(total, weight_sum))
        if over:
            excess = _figure(total - weight_sum)
            warning = WARNINGS["over_requested"].format(excess=excess)
            result += f" (เกินที่ขอรวม {excess} บาท)"
    return {
        "ok": True,
        "warning": warning,
        "values": {
            "parts": {str(i): str(p) for i, p in parts.items()},
            "left": str(left),
            "over": over,
        },
        "lines": worked,
        "result": result,
        "words": baht_text(total),
        "illustrative": False,
    }


def _asked(flag: object) -> bool:
    """The form's "the weights are the amounts asked for" box (text "1"/"true"/"on" or True)."""
    return str(flag if flag is not None else "").strip().lower() in {"1", "true", "on"}


def _rounding_line(total: Decimal, floors: int, left: int) -> str:
    """The largest-remainder step in words, as a person would say it."""
    if total == 0:
        return "วงเงินเป็นศูนย์ ทุกรายการได้ 0 บาท"
    if left == 0:
        # every share came out in whole baht: nothing was rounded
        return f"ทุกรายการได้เป็นบาทเต็มพอดี รวม {_count(floors)} บาท เท่ากับวงเงิน จัดสรรครบแล้ว ไม่มีเงินเหลือ"
    return (
        f"ปัดลงเป็นบาทเต็มรวม {_count(floors)} บาท ยังเหลือ {_count(left)} บาท"
        f" จึงให้รายการที่มีเศษมากที่สุด {_count(left)} รายการ รายการละ 1 บาท"
        f" จัดสรรครบ {_count(total)} บาท ไม่มีเงินเหลือ"
    )


def _requests_line(total: Decimal, asked: Decimal) -> str:
    """How the money available compares with the amounts asked for (the weights)."""
    if total > asked:
        return (
            f"ขอรวม {_figure(asked)} บาท วงเงิน {_count(total)} บาท"
            f" เกินที่ขอ {_figure(total - asked)} บาท"
        )
    if total == asked:
        return f"ขอรวม {_figure(asked)} บาท เท่ากับวงเงิน ทุกรายการได้เท่าที่ขอ"
    return (
        f"ขอรวม {_figure(asked)} บาท วงเงิน {_count(total)} บาท"
        f" ได้{_pct(percent(total, asked))} ของที่ขอ"
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
        f"อัตราการเบิกจ่าย = {money(paid)} ÷ {money(allocated)} × 100 = {_pct(check.rate_percent)}",
        f"เป้าหมายสะสมสิ้นไตรมาส {target['quarter']} {_pct(check.target_percent)}",
    ]
    if check.met:
        worked.append("ถึงเป้าหมายแล้ว")
    else:
        worked.append(
            f"ยังขาด = {_pct(check.target_percent)} × {money(allocated)} − {money(paid)}"
            f" = {money(check.shortfall)} บาท"
        )
    # More paid out than was allocated cannot be right: the result stands, marked, with a warning.
    over = paid > allocated
    warning = ""
    result = "ถึงเป้าหมาย" if check.met else f"ต่ำกว่าเป้าหมาย ขาด {money(check.shortfall)} บาท"
    if over:
        excess = paid - allocated
        worked.append(f"เกินงบที่ได้รับจัดสรร = {money(paid)} − {money(allocated)} = {money(excess)} บาท")
        warning = WARNINGS["over_allocated"].format(
            excess=money(excess), rate=format_number(check.rate_percent, 2)
        )
        result += " แต่เบิกจ่ายเกินงบที่ได้รับจัดสรร"
    return {
        "ok": True,
        "warning": warning,
        "values": {
            "rate": _plain(check.rate_percent),
            "target": _plain(check.target_percent),
            "shortfall": _plain(check.shortfall),
            "met": check.met,
            "over": over,
        },
        "lines": worked,
        "result": result,
        "words": baht_text(check.shortfall) if not check.met else "",
        "illustrative": bool(target.get("illustrative")),
    }


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
    direction = "ต้องเพิ่ม" if goal >= base else "ต้องลด"

    def num(v: Decimal) -> str:
        return format_number(v, 2)

    worked = [
        f"ตัวชี้วัด{direction}: ความก้าวหน้า = ({num(now)} − {num(base)}) ÷ ({num(goal)} − {num(base)})"
        f" × 100 = {_pct(progress.progress_percent)}"
    ]
    if goal == base:
        worked = ["เป้าหมายเท่ากับค่าฐาน: ถึงเป้าหมายเมื่อผลไม่ต่ำกว่าค่าฐาน ความก้าวหน้าจึงเป็นร้อยละ 100 หรือ 0"]
    return {
        "ok": True,
        "warning": "",
        "values": {"progress": _plain(progress.progress_percent), "met": progress.met},
        "lines": worked,
        "result": ("ถึงเป้าหมาย" if progress.met else "ยังไม่ถึงเป้าหมาย")
        + f" (ความก้าวหน้า{_pct(progress.progress_percent)})",
        "words": "",
        "illustrative": False,
    }


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
    worked = [
        f"นักเรียน {_count(n)} คน → {size}"
        + (" (โรงเรียนขนาดเล็ก)" if small and "เล็ก" not in size else ""),
        f"ค่าอาหารกลางวัน {_count(n)} คน × {_figure(rate)} บาท = {money(per_day)} บาทต่อวัน",
        f"ทั้งปี {money(per_day)} × {_figure(days)} วัน = {money(per_year)} บาท",
    ]
    return {
        "ok": True,
        "warning": "",
        "values": {
            "size": size,
            "small": small,
            "lunch_rate": _plain(rate),
            "lunch_day": _plain(per_day),
            "lunch_year": _plain(per_year),
        },
        "lines": worked,
        "result": f"{size} ค่าอาหารกลางวันปีละ {money(per_year)} บาท",
        "words": baht_text(per_year),
        "illustrative": bool(rate_band.get("illustrative") or data.get("days_illustrative")),
    }


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
        f"ต่อนักเรียน = {money(amount)} ÷ {_count(pupils)} คน = {money(per_pupil)} บาท",
        f"เปลี่ยนแปลง = {money(amount)} − {money(previous)} = {money(change)} บาท",
    ]
    if change_pct is not None:
        worked.append(
            f"เปลี่ยนแปลงร้อยละ = {money(change)} ÷ {money(previous)} × 100 = {_pct(change_pct)}"
        )
    else:
        worked.append("ปีก่อนเป็นศูนย์: คิดร้อยละการเปลี่ยนแปลงไม่ได้")
    return {
        "ok": True,
        "warning": "",
        "values": {
            "per_pupil": _plain(per_pupil),
            "change": _plain(change),
            "change_percent": None if change_pct is None else _plain(change_pct),
        },
        "lines": worked,
        "result": f"นักเรียนละ {money(per_pupil)} บาท",
        "words": baht_text(per_pupil),
        "illustrative": False,
    }


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
        raise ValueError(f"ไม่มีเครื่องคำนวณ '{kind}' (มี {', '.join(CALCULATORS)})") from None
    return calculator(data, inputs)


def worked_line(kind: str, data: Data, inputs: Inputs) -> str:
    """The worked lines of one calculation joined for a page's prose (errors raise)."""
    result = compute(kind, data, inputs)
    if not result["ok"]:
        raise ValueError("; ".join(f"{k}: {v}" for k, v in result["errors"].items()))
    return "\n".join(result["lines"])
