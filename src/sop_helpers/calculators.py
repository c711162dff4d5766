"""The worked examples' calculators: typed text in, worked lines and results out.

One calculator per worked example. Each reads the text a person typed (Thai or Arabic digits,
thousands separators allowed), checks it field by field with Thai messages, and computes with
the functions of :mod:`sop_helpers.budget` (exact ``Decimal``). The website runs the same rules
in ``calculator.js`` (BigInt, no float); ``tests/vectors/calculators.json`` drives both, so the
two cannot drift. :func:`calculator_data` gives the rates and rules each calculator needs, read
from the same data files the notebooks use; the website writes them into the page at build time.

Results are plain JSON-able dicts: numbers as normalised strings ("347652.00", Arabic digits,
no separators), ``lines`` (the worked lines, Arabic digits; views change digits for display)
and ``words`` (the amount in Thai words), or ``errors`` (field -> Thai message).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from .budget import (
    SMALL_SCHOOL_MAX,
    allocate,
    band_for,
    check_disbursement,
    indicator_progress,
    per_student_subsidy,
    percent,
    ratio,
)
from .thai import arabic_digits, baht_text, format_number

Data = Mapping[str, Any]
Inputs = Mapping[str, Any]
Result = dict[str, Any]

MAX_PUPILS = 100_000
"""Largest pupil count a field accepts (a whole ESA has far fewer)."""
MAX_MONEY = Decimal(10) ** 12
"""Largest amount in baht a field accepts (one million million)."""
MAX_VALUE = Decimal(10) ** 9
"""Largest indicator value or weight a field accepts."""
MAX_ROWS = 10
"""Rows of the allocation form."""

MESSAGES: dict[str, str] = {
    "empty": "กรุณากรอกตัวเลข",
    "not_number": "กรอกได้เฉพาะตัวเลข (เลขไทยหรือเลขอารบิก)",
    "negative": "ตัวเลขต้องไม่ติดลบ",
    "whole": "กรอกเป็นจำนวนเต็ม ไม่มีทศนิยม",
    "places": "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
    "too_big": "ตัวเลขมากเกินไป (ไม่เกิน {max})",
    "zero": "ต้องมากกว่าศูนย์",
    "no_rows": "กรอกน้ำหนักอย่างน้อยหนึ่งรายการ",
    "zero_weights": "ผลรวมน้ำหนักต้องมากกว่าศูนย์",
    "quarter": "เลือกไตรมาส 1 ถึง 4",
    "no_target": "ยังไม่มีเป้าหมายของไตรมาสนี้ในข้อมูล",
    "no_rate": "ยังไม่มีอัตราของระดับนี้ในข้อมูล",
}
"""Every message a calculator shows next to a field (the JavaScript has the same table)."""

_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_NUMBER = re.compile(r"^-?([0-9]+)(?:\.([0-9]+))?$")


class FieldError(ValueError):
    """A field's text is not an acceptable number; ``field`` names it, ``key`` the message."""

    def __init__(self, field: str, key: str, **values: str) -> None:
        self.field, self.key = field, key
        super().__init__(MESSAGES[key].format(**values))


def parse_number(
    text: Any,
    field: str,
    *,
    places: int = 0,
    maximum: Decimal | int = MAX_VALUE,
    positive: bool = False,
) -> Decimal:
    """The number typed in ``field``: Thai or Arabic digits, separators and spaces ignored.

    ``places`` is how many decimals are allowed (0: whole numbers only). Raises
    :class:`FieldError` for an empty field, letters, a negative number, too many decimals,
    a number above ``maximum`` or (``positive``) zero.
    """
    raw = _SEPARATORS.sub("", arabic_digits(str(text if text is not None else "")))
    if raw == "":
        raise FieldError(field, "empty")
    match = _NUMBER.match(raw)
    if match is None:
        raise FieldError(field, "not_number")
    if raw.startswith("-") and Decimal(raw) != 0:
        raise FieldError(field, "negative")
    decimals = match.group(2) or ""
    if decimals.rstrip("0") and places == 0:
        raise FieldError(field, "whole")
    if len(decimals.rstrip("0")) > places:
        raise FieldError(field, "places")
    value = abs(Decimal(raw))
    if value > Decimal(maximum):
        raise FieldError(field, "too_big", max=format_number(Decimal(maximum)))
    if positive and value == 0:
        raise FieldError(field, "zero")
    return value.quantize(Decimal(1).scaleb(-places)) if places else Decimal(int(value))


def money(value: Decimal | int) -> str:
    """An amount as shown in a worked line: "347,652.00"."""
    return format_number(Decimal(value), 2)


def _plain(value: Decimal | int, places: int = 2) -> str:
    """A normalised number: Arabic digits, no separators, ``places`` decimals."""
    return f"{Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"


def _count(value: Decimal | int) -> str:
    return format_number(Decimal(value), 0)


def _figure(value: Decimal | int) -> str:
    """A rate or weight as written: no decimals when whole ("2,052"), else two ("2,052.50")."""
    number = Decimal(value)
    return format_number(number, 0 if number == number.to_integral_value() else 2)


def _pct(value: Decimal) -> str:
    return f"ร้อยละ {format_number(value, 2)}"


class _Fields:
    """Collects every field's error, so a person sees all problems at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def read(self, inputs: Inputs, field: str, **options: Any) -> Decimal | None:
        try:
            return parse_number(inputs.get(field), field, **options)
        except FieldError as error:
            self.errors[error.field] = str(error)
            return None

    def fail(self, field: str, key: str) -> None:
        self.errors.setdefault(field, MESSAGES[key])


def _failed(errors: Mapping[str, str]) -> Result:
    return {"ok": False, "errors": dict(errors)}


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
        return _failed(fields.errors)
    rates = {lv["label"]: Decimal(lv["rate"]) for lv in data["levels"] if lv.get("rate")}
    lines = per_student_subsidy({k: n for k, n in counts.items() if n}, rates)
    total = sum((line.amount for line in lines), Decimal(0))
    worked = [
        f"{line.level} {_count(line.students)} คน × {_figure(line.rate)} บาท = {money(line.amount)} บาท"
        for line in lines
    ]
    worked.append(f"รวมทั้งปี {money(total)} บาท ภาคเรียนละ {money(total / 2)} บาท")
    return {
        "ok": True,
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
        return _failed(fields.errors)
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
    worked.append(
        f"ปัดลงเป็นบาทเต็มรวม {_count(floors)} บาท เหลือ {_count(left)} บาท"
        " ให้รายการที่มีเศษมากที่สุดรายการละ 1 บาท"
    )
    return {
        "ok": True,
        "values": {"parts": {str(i): str(p) for i, p in parts.items()}, "left": str(left)},
        "lines": worked,
        "result": f"รวม {_count(sum(parts.values()))} บาท",
        "words": baht_text(total),
        "illustrative": False,
    }


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
        return _failed(fields.errors)
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
    return {
        "ok": True,
        "values": {
            "rate": _plain(check.rate_percent),
            "target": _plain(check.target_percent),
            "shortfall": _plain(check.shortfall),
            "met": check.met,
        },
        "lines": worked,
        "result": "ถึงเป้าหมาย" if check.met else f"ต่ำกว่าเป้าหมาย ขาด {money(check.shortfall)} บาท",
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
        return _failed(fields.errors)
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
        return _failed(fields.errors)
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
        return _failed(fields.errors)
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


# --- the data each calculator needs, from the rates files -------------------------------------

SUBSIDY_LEVELS: tuple[tuple[str, str], ...] = (
    ("preprimary", "ก่อนประถมศึกษา"),
    ("primary", "ประถมศึกษา"),
    ("lower_secondary", "มัธยมศึกษาตอนต้น"),
)


def calculator_data(kind: str, year: int | None = None) -> dict[str, Any]:
    """Rates and rules of one calculator, from ``book/data/rates`` (what the page embeds).

    Each figure carries ``illustrative`` and ``source`` so the page can label it (decision 9).
    """
    from .rates import load_rates

    if kind == "subsidy":
        rates = load_rates("per_student")
        fy = year or max(r.applies_from_fy for r in rates if r.key.startswith("teaching_"))
        levels = []
        for key, label in SUBSIDY_LEVELS:
            record = rates.for_year(fy, "teaching_", level=label, applies_to="")
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
        targets = load_rates("disbursement_targets")
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
        sizes, lunch = load_rates("school_size"), load_rates("lunch")
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
    raise ValueError(f"ไม่มีเครื่องคำนวณ '{kind}' (มี {', '.join(CALCULATORS)})")


def worked_line(kind: str, data: Data, inputs: Inputs) -> str:
    """The worked lines of one calculation joined for a page's prose (errors raise)."""
    result = compute(kind, data, inputs)
    if not result["ok"]:
        raise ValueError("; ".join(f"{k}: {v}" for k, v in result["errors"].items()))
    return "\n".join(result["lines"])


__all__: Sequence[str] = (
    "CALCULATORS",
    "MESSAGES",
    "FieldError",
    "calculator_data",
    "compute",
    "parse_number",
    "worked_line",
)
