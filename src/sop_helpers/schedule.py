"""When steps happen: Thai wording of a step's timing and the fiscal-year month table.

Pure functions over the procedure model; the fiscal-year page and the procedure pages show them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .fiscal import FISCAL_MONTHS, QUARTER_END, QUARTERS, fiscal_quarter, months_of, quarter_span
from .procedures import (
    DeadlineTiming,
    MonthsTiming,
    PendingTiming,
    Procedure,
    QuarterlyTiming,
    Step,
    Timing,
)
from .thai import month_name, thai_number


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
        text = f"ทุกไตรมาส ({', '.join(quarter_span(q) for q in QUARTERS)})"
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
        rows.append(MonthRow(month, fiscal_quarter(month), entries))
    return tuple(rows)


def unscheduled(procedures: Iterable[Procedure]) -> tuple[tuple[Procedure, tuple[Step, ...]], ...]:
    """Per procedure, the steps whose timing the source does not give (the office must set it)."""
    out = []
    for proc in procedures:
        steps = tuple(s for s in proc.steps if isinstance(s.timing, PendingTiming))
        if steps:
            out.append((proc, steps))
    return tuple(out)
