"""The operations calendar files a reader downloads: they parse with icalendar, titles are
whole, each event links to its step (when the site's address is set) and deadlines remind."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from icalendar import Calendar

from sop_helpers.calendar import operations_calendar, to_ical
from sop_helpers.procedures import load_procedures

ROOT = Path(__file__).resolve().parents[1]


def _calendar(**kwargs: str) -> Calendar:
    procedures = load_procedures(ROOT / "book" / "data" / "procedures")
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
