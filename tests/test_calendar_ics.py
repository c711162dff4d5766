"""The operations calendar files a reader downloads: they parse with icalendar, titles are
whole, each event links to its step (when the site's address is set) and deadlines remind."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from sop_helpers.calendar import operations_calendar, to_ical
from sop_helpers.thai import arabic_digits

from . import support

ROOT = Path(__file__).resolve().parents[1]


def _calendar(**kwargs: str) -> Calendar:
    procedures = support.procedures()
    return Calendar.from_ical(to_ical(2570, operations_calendar(2570, procedures), **kwargs))


def test_deadlines_and_quarterly_reports_carry_reminders() -> None:
    events = list(_calendar().walk("VEVENT"))
    reminded = [e for e in events if e.walk("VALARM")]
    titles = [str(e["SUMMARY"]) for e in reminded]
    # The 15 October report (of the year just ended) and the four quarterly reports.
    assert any("กำหนดส่ง" in t and "15" not in t for t in titles)
    assert any(
        e.decoded("DTSTART").month == 10 and e.decoded("DTSTART").day == 15 for e in reminded
    )
    assert sum("ไตรมาส" in t for t in titles) >= 4
    for event in reminded:
        triggers = sorted(a.decoded("TRIGGER") for a in event.walk("VALARM"))
        assert triggers == [timedelta(days=-7), timedelta(days=-1)]
        assert all(str(a["ACTION"]) == "DISPLAY" for a in event.walk("VALARM"))
    # Month ranges are work periods, not deadlines: no alarm.
    assert all(
        not e.walk("VALARM")
        for e in events
        if e.decoded("DTEND") - e.decoded("DTSTART") > timedelta(days=1)
    )


def test_titles_are_whole_and_events_link_to_their_step() -> None:
    events = list(_calendar(site_url="https://plan.example.org/").walk("VEVENT"))
    assert events and all("…" not in str(e["SUMMARY"]) for e in events)
    for event in events:
        url = str(event["URL"])
        assert url.startswith("https://plan.example.org/procedures/") and "#proc-" in url
        assert "ขั้นตอนที่" in str(event["DESCRIPTION"])


def test_the_built_site_offers_files_that_parse(site_dir: Path) -> None:
    files = sorted((site_dir / "_downloads").rglob("*.ics"))
    assert files
    for path in files:
        cal = Calendar.from_ical(path.read_bytes())
        assert any(e.walk("VALARM") for e in cal.walk("VEVENT")), path.name


# What a reader reads in a calendar app; everything else (DTSTART, UID, URL, PRODID) is a
# machine value and keeps its Arabic digits.
READ_BY_PEOPLE = ("SUMMARY", "DESCRIPTION", "CATEGORIES", "X-WR-CALNAME")
FOREIGN = {"thai": "[0-9]", "arabic": "[๐-๙]"}


def people_texts(cal: Calendar) -> list[str]:
    """Every text of ``cal`` a person reads: the calendar's name, each event's title,
    description and category, each reminder's text."""
    texts = [str(cal["X-WR-CALNAME"])]
    for component in cal.walk():
        if component.name not in ("VEVENT", "VALARM"):
            continue
        for key in READ_BY_PEOPLE:
            if key in component:
                value = component[key]
                # CATEGORIES is a list property (vCategory) in icalendar.
                texts.append(" ".join(value.cats) if hasattr(value, "cats") else str(value))
    return texts


@pytest.mark.parametrize("style", ["thai", "arabic"])
def test_calendar_text_follows_the_digit_setting(style: str) -> None:
    procedures = support.procedures()
    events = operations_calendar(2570, procedures)
    cal = Calendar.from_ical(to_ical(2570, events, digits=style))  # type: ignore[arg-type]
    texts = people_texts(cal)
    # The data holds numbers in both forms (step numbers, fiscal years, days before a deadline).
    assert any(re.search("[0-9๐-๙]", t) for t in texts[1:])
    wrong = [t for t in texts if re.search(FOREIGN[style], t)]
    assert not wrong, wrong[:5]
    other = Calendar.from_ical(to_ical(2570, events))
    # Only the digits differ; the dates and identifiers are the same in both files.
    for mine, theirs in zip(cal.walk("VEVENT"), other.walk("VEVENT"), strict=True):
        assert mine.decoded("DTSTART") == theirs.decoded("DTSTART")
        assert str(mine["UID"]) == str(theirs["UID"]) and "2570" in str(mine["UID"])
        assert arabic_digits(str(mine["SUMMARY"])) == arabic_digits(str(theirs["SUMMARY"]))
