"""The operations calendar (ปฏิทินการดำเนินงาน) of a fiscal year, from the steps' timing.

Rules (issue 6): a step with a month range is one all-day event over those months; a deadline is
an all-day event on its day; a quarterly step falls on the last day of each quarter; a step whose
time is pending is left out (it is listed by :func:`pending_steps`); a deadline on a day the
month lacks (29 February) falls on the month's last day. Fiscal year N holds only
events dated within N, so its 15 October entry is the report on fiscal year N-1; a month range
that runs past 30 September (e.g. ส.ค.-พ.ย.) is cut at the year's edges.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from .fiscal import (
    QUARTER_END,
    QUARTERS,
    fiscal_month_index,
    fiscal_year,
    fiscal_year_range,
    month_range,
    month_runs,
    months_of,
    quarter_range,
)
from .names import file_name
from .procedures import DeadlineTiming, MonthsTiming, Procedure, QuarterlyTiming, Step
from .schedule import timing_label
from .thai import DigitStyle, apply_digits, month_name, thai_date, thai_number

UID_DOMAIN = "sop.policy-plan.phayao2"
PRODID = "-//กลุ่มนโยบายและแผน สพป.พะเยา เขต 2//คู่มือการปฏิบัติงาน//TH"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day entry: ``start`` to ``end`` inclusive."""

    fiscal_year: int
    procedure_id: str
    procedure_title: str
    step_id: str
    step_number: int
    summary: str
    description: str
    start: date
    end: date
    kind: str
    part: int = 0
    step_text: str = ""
    """The step's text (first line, untruncated) for tables."""
    label: str = ""
    """What this entry is beyond the step itself, e.g. "รายงานไตรมาส ๒"."""

    @property
    def uid(self) -> str:
        """Stable identifier: the same step in the same year keeps its UID across exports."""
        return (
            f"fy{self.fiscal_year}-{self.procedure_id}-{self.step_id}-{self.kind}{self.part}"
            f"@{UID_DOMAIN}"
        )

    @property
    def when_th(self) -> str:
        """Date or date range in Thai (B.E.), e.g. "1 ต.ค. 68 – 31 ธ.ค. 68"."""
        if self.start == self.end:
            return thai_date(self.start, "short")
        return f"{thai_date(self.start, 'short')} – {thai_date(self.end, 'short')}"


def _step_title(step: Step) -> str:
    # The whole first line: calendar apps wrap long titles, a cut one loses the meaning.
    return step.text.split("\n", 1)[0].strip()


REMINDER_DAYS = (7, 1)
"""Days before a deadline (and a quarterly report) when an ``.ics`` reminder (VALARM) fires."""


def step_events(fiscal_year: int, procedure: Procedure, step: Step) -> list[CalendarEvent]:
    """The events one step contributes to a fiscal year (none for pending timing)."""
    timing = step.timing
    # Step and quarter numbers are the procedure's own numbering: Thai digits, as on its pages.
    base = f"{procedure.short_title} {step.numbered}: {_step_title(step)}"
    note = getattr(timing, "note", "")

    def make(
        start: date, end: date, kind: str, summary: str, part: int = 0, label: str = ""
    ) -> CalendarEvent:
        description = "\n".join(
            x for x in (procedure.title, f"{step.numbered}: {step.text}", note) if x
        )
        return CalendarEvent(
            fiscal_year,
            procedure.id,
            procedure.title,
            step.id,
            step.number,
            summary,
            description,
            start,
            end,
            kind,
            part,
            step.text.split("\n", 1)[0].strip(),
            label,
        )

    if isinstance(timing, MonthsTiming):
        runs = month_runs(months_of(timing))
        if len(runs) == 1:
            start = month_range(fiscal_year, runs[0][0])[0]
            end = month_range(fiscal_year, runs[0][-1])[1]
            return [make(start, end, "months", base)]
        # The range wraps past 30 September: keep the two pieces inside this fiscal year.
        return [
            make(
                month_range(fiscal_year, run[0])[0],
                month_range(fiscal_year, run[-1])[1],
                "months",
                base,
                part,
            )
            for part, run in enumerate(runs, start=1)
        ]
    if isinstance(timing, DeadlineTiming):
        month_start, month_end = month_range(fiscal_year, timing.month)
        # A day past the month's end (29 Feb in a common year) falls on the month's last day.
        day = month_start.replace(day=min(timing.day, month_end.day))
        summary = f"กำหนดส่ง: {base}"
        label = "กำหนดส่ง"
        if fiscal_month_index(timing.month) == 0:
            # A deadline in October closes the work on the fiscal year that has just ended.
            summary += f" (ของปีงบประมาณ {fiscal_year - 1})"
            label += f" งานของปีงบประมาณ {fiscal_year - 1}"
        return [make(day, day, "deadline", summary, label=label)]
    if isinstance(timing, QuarterlyTiming):
        events = []
        for quarter in QUARTERS:
            q_end = quarter_range(fiscal_year, quarter)[1]
            events.append(
                make(
                    q_end,
                    q_end,
                    "quarterly",
                    f"{base} (ไตรมาส {thai_number(quarter)})",
                    quarter,
                    f"รายงานไตรมาส {thai_number(quarter)}",
                )
            )
        return events
    return []


def operations_calendar(
    fiscal_year: int, procedures: Mapping[str, Procedure] | Iterable[Procedure]
) -> tuple[CalendarEvent, ...]:
    """All events of a fiscal year, sorted by start date, then procedure order and step."""
    items = procedures.values() if isinstance(procedures, Mapping) else procedures
    events = [
        event
        for procedure in items
        for step in procedure.steps
        for event in step_events(fiscal_year, procedure, step)
    ]
    first, last = fiscal_year_range(fiscal_year)
    assert all(first <= e.start <= e.end <= last for e in events)
    return tuple(sorted(events, key=lambda e: (e.start, e.end, e.procedure_id, e.step_number)))


def pending_steps(
    procedures: Mapping[str, Procedure] | Iterable[Procedure],
) -> tuple[tuple[Procedure, Step], ...]:
    """Steps whose timing the source document does not state (left out of the calendar)."""
    items = procedures.values() if isinstance(procedures, Mapping) else procedures
    return tuple((p, s) for p in items for s in p.steps if s.timing.kind == "pending")


def ics_file_name(fiscal_year: int) -> str:
    """The name a fiscal year's ``.ics`` file is saved under, on the site and from the command
    line: ``ปฏิทินการดำเนินงาน-ปีงบประมาณ-2570.ics`` (:func:`sop_helpers.names.file_name`)."""
    return file_name(f"ปฏิทินการดำเนินงาน ปีงบประมาณ {fiscal_year}", ext="ics")


def to_ical(
    fiscal_year: int,
    events: Iterable[CalendarEvent],
    *,
    stamp: datetime | None = None,
    site_url: str = "",
    digits: DigitStyle = "thai",
) -> bytes:
    """The events as an iCalendar (RFC 5545) file with all-day events.

    ``DTSTAMP`` defaults to midnight UTC of the fiscal year's first day so that the same data
    always gives the same bytes (the file is committed and compared in tests). What a reader
    reads (the calendar's name, titles, descriptions, categories, reminders) is written in the
    site's ``digits`` (decision 1); dates, UIDs and URLs are machine values and keep theirs.
    """

    def shown(text: str) -> str:
        return apply_digits(text, digits)

    first, _ = fiscal_year_range(fiscal_year)
    dtstamp = stamp or datetime(first.year, first.month, first.day, tzinfo=UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", shown(f"ปฏิทินการดำเนินงาน กลุ่มนโยบายและแผน ปีงบประมาณ {fiscal_year}"))
    cal.add("x-wr-timezone", "Asia/Bangkok")
    for event in events:
        item = Event()
        item.add("uid", event.uid)
        item.add("dtstamp", dtstamp)
        item.add("dtstart", event.start)
        # DTEND of an all-day event is exclusive: the day after the last day.
        item.add("dtend", event.end + timedelta(days=1))
        item.add("summary", shown(event.summary))
        item.add("description", shown(event.description))
        item.add("categories", [shown(event.procedure_title)])
        item.add("transp", "TRANSPARENT")
        if site_url:
            item.add(
                "url",
                f"{site_url.rstrip('/')}/procedures/{event.procedure_id}.html"
                f"#proc-{event.procedure_id}-{event.step_id}",
            )
        if event.kind in ("deadline", "quarterly"):
            for days in REMINDER_DAYS:
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", shown(f"อีก {days} วัน: {event.summary}"))
                alarm.add("trigger", timedelta(days=-days))
                item.add_component(alarm)
        cal.add_component(item)
    return bytes(cal.to_ical())


def _dues(step: Step) -> list[list[int | str]]:
    """``[month, day, what]`` of each day a step falls due in every year; day 0 = the month's
    last day (the browser knows the year, so it knows February's length)."""
    timing = step.timing
    if isinstance(timing, MonthsTiming):
        return [[timing.to_month, 0, f"ครบช่วง{timing_label(timing)}"]]
    if isinstance(timing, DeadlineTiming):
        return [[timing.month, timing.day, "กำหนดส่ง"]]
    if isinstance(timing, QuarterlyTiming):
        return [
            [month, 0, f"รายงานไตรมาส {thai_number(quarter)}"]
            for month, quarter in QUARTER_END.items()
        ]
    return []


def month_work(
    procedures: Mapping[str, Procedure] | Iterable[Procedure],
) -> list[dict[str, object]]:
    """Every step with a time, as the start page's script reads it (pure, JSON-ready).

    ``months`` are the calendar months the step is worked on (:func:`~.fiscal.months_of`, the
    one rule the table and the calendar use); ``due`` the days it falls due (:func:`_dues`);
    ``closes_year`` marks an October deadline that closes the fiscal year just ended.
    """
    items = procedures.values() if isinstance(procedures, Mapping) else procedures
    out: list[dict[str, object]] = []
    for procedure in items:
        for step in procedure.steps:
            months = months_of(step.timing)
            if not months:
                continue
            timing = step.timing
            out.append(
                {
                    "procedure": procedure.id,
                    "step": step.id,
                    "number": thai_number(step.number),
                    "text": step.short,
                    "when": timing_label(timing),
                    "months": list(months),
                    "due": _dues(step),
                    "closes_year": isinstance(timing, DeadlineTiming)
                    and fiscal_month_index(timing.month) == 0,
                }
            )
    return out


def month_names() -> dict[str, str]:
    """Calendar month number -> Thai month name, for the browser (one table: :mod:`.thai`)."""
    return {str(m): month_name(m) for m in range(1, 13)}


def year_order(years: Iterable[int], today: date) -> list[tuple[int, str]]:
    """The fiscal years of the calendar page in reading order, each with its place in time.

    The year ``today`` falls in comes first ("current"), then the years still to come, nearest
    first ("future"), then the years already ended, latest first ("past"). The fiscal-year page
    shows them in this order with only the current one open; ``calendar-now.js`` does the same by
    the reader's clock.
    """
    now = fiscal_year(today)
    unique = sorted(set(years))
    current = [(y, "current") for y in unique if y == now]
    future = [(y, "future") for y in unique if y > now]
    past = [(y, "past") for y in reversed(unique) if y < now]
    return current + future + past
