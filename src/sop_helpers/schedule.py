"""When steps happen: Thai wording of a step's timing and the fiscal-year month table.

Pure functions over the procedure model; the fiscal-year page and the procedure pages show them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pythainlp.util import arabic_digit_to_thai_digit, thai_strftime

from .procedures import (
    DeadlineTiming,
    MonthsTiming,
    PendingTiming,
    Procedure,
    QuarterlyTiming,
    Step,
)

Timing = MonthsTiming | DeadlineTiming | QuarterlyTiming | PendingTiming

FISCAL_MONTHS: tuple[int, ...] = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
"""Calendar months in fiscal-year order (ตุลาคม first)."""

QUARTER_END: dict[int, int] = {12: 1, 3: 2, 6: 3, 9: 4}
"""Last month of each fiscal quarter -> quarter number."""


def thai_number(value: int | str) -> str:
    """Arabic digits as Thai digits (15 -> ๑๕)."""
    return str(arabic_digit_to_thai_digit(str(value)))


def number_list(numbers: Iterable[int | str]) -> str:
    """Numbers as a Thai list in Thai digits: "๑", "๑ และ ๒", "๑, ๒ และ ๔".

    The comma keeps "๑ ๒" from reading as one number (๑๒).
    """
    parts = [thai_number(n) for n in numbers]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " และ " + parts[-1]


def month_name(month: int, *, short: bool = False) -> str:
    """Thai name of a calendar month (10 -> ตุลาคม, or ต.ค. when ``short``)."""
    return str(thai_strftime(dt.datetime(2000, month, 1), "%b" if short else "%B"))


def _span(first: int, last: int) -> tuple[int, ...]:
    start = FISCAL_MONTHS.index(first)
    end = FISCAL_MONTHS.index(last)
    if end < start:
        raise ValueError(f"ช่วงเดือน {first}-{last} ข้ามปีงบประมาณ")
    return FISCAL_MONTHS[start : end + 1]


def months_of(timing: Timing) -> tuple[int, ...]:
    """Calendar months in which a step with this timing is worked on (none if pending)."""
    if isinstance(timing, MonthsTiming):
        return _span(timing.from_month, timing.to_month)
    if isinstance(timing, DeadlineTiming):
        return (timing.month,)
    if isinstance(timing, QuarterlyTiming):
        return tuple(QUARTER_END)
    return ()


def timing_label(timing: Timing) -> str:
    """The timing in Thai, e.g. "ตุลาคม–ธันวาคม", "ภายในวันที่ ๑๕ ตุลาคม"."""
    if isinstance(timing, MonthsTiming):
        if timing.from_month == timing.to_month:
            text = f"เดือน{month_name(timing.from_month)}"
        else:
            text = f"เดือน{month_name(timing.from_month)}–{month_name(timing.to_month)}"
    elif isinstance(timing, DeadlineTiming):
        text = f"ภายในวันที่ {thai_number(timing.day)} {month_name(timing.month)}"
    elif isinstance(timing, QuarterlyTiming):
        text = "ทุกไตรมาส (ต.ค.–ธ.ค., ม.ค.–มี.ค., เม.ย.–มิ.ย., ก.ค.–ก.ย.)"
    else:
        text = "ยังไม่กำหนด"
    return text


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def timing_text(timing: Timing) -> str:
    """The timing with its note, without brackets inside brackets.

    "ภายในวันที่ ๑๕ ตุลาคม (ตามกำหนดส่งรายงาน)": a bracketed repeat of the timing is dropped
    from the note; a note that already states the timing is shown alone; a note holding its own
    brackets follows a colon instead of being bracketed.
    """
    label = timing_label(timing)
    note = getattr(timing, "note", "").strip()
    if not note:
        return label
    repeat = re.compile(r"\s*\(([^()]*)\)")
    note = repeat.sub(
        lambda m: "" if _squash(m.group(1)) == _squash(label) else m.group(0), note
    ).strip()
    if _squash(label) in _squash(note):
        return note
    if "(" in note:
        return f"{label}: {note}"
    return f"{label} ({note})"


@dataclass(frozen=True)
class MonthEntry:
    """One step that is worked on in a given month."""

    procedure: Procedure
    step: Step
    note: str
    """What happens in this month in particular, e.g. "รายงานไตรมาสที่ ๑" or "กำหนดส่ง"."""


@dataclass(frozen=True)
class MonthRow:
    """One month of the fiscal year and the steps worked on in it."""

    month: int
    quarter: int
    entries: tuple[MonthEntry, ...]


def quarter_of(month: int) -> int:
    """Fiscal quarter of a calendar month (ต.ค.-ธ.ค. = 1 ... ก.ค.-ก.ย. = 4)."""
    return FISCAL_MONTHS.index(month) // 3 + 1


def _note(timing: Timing, month: int) -> str:
    if isinstance(timing, QuarterlyTiming):
        return f"รายงานผลไตรมาสที่ {thai_number(QUARTER_END[month])}"
    if isinstance(timing, DeadlineTiming):
        return f"กำหนดเสร็จ {timing_label(timing)}"
    return ""


def year_table(procedures: Iterable[Procedure]) -> tuple[MonthRow, ...]:
    """The fiscal year month by month (ต.ค. ... ก.ย.) with each procedure's steps in that month."""
    procs = tuple(procedures)
    rows = []
    for month in FISCAL_MONTHS:
        entries = tuple(
            MonthEntry(proc, step, _note(step.timing, month))
            for proc in procs
            for step in proc.steps
            if month in months_of(step.timing)
        )
        rows.append(MonthRow(month, quarter_of(month), entries))
    return tuple(rows)


def unscheduled(procedures: Iterable[Procedure]) -> tuple[tuple[Procedure, tuple[Step, ...]], ...]:
    """Per procedure, the steps whose timing the source does not give (the office must set it)."""
    out = []
    for proc in procedures:
        steps = tuple(s for s in proc.steps if isinstance(s.timing, PendingTiming))
        if steps:
            out.append((proc, steps))
    return tuple(out)
