"""The operations calendar: events per timing kind, fiscal-year edges, and the .ics file read
back two independent ways: with icalendar (the one iCalendar library the project keeps,
decision 15) and with a plain RFC 5545 line reader written here."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from icalendar import Calendar

from sop_helpers.calendar import ics_file_name, operations_calendar, pending_steps, to_ical
from sop_helpers.fiscal import fiscal_year_range
from sop_helpers.procedures import Procedure, load_procedures, parse_procedure
from sop_helpers.thai import apply_digits, thai_number

from .support import sphinx_build


def _step(number: int, timing: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"s{number}",
        "number": number,
        "text": f"ขั้นตอนทดสอบที่ {number}",
        "role": "กลุ่มนโยบายและแผน",
        "timing": timing,
    }


@pytest.fixture(scope="module")
def procedure() -> Procedure:
    steps = [
        _step(1, {"kind": "months", "from_month": 10, "to_month": 12}),
        _step(2, {"kind": "months", "from_month": 12, "to_month": 1}),
        _step(3, {"kind": "deadline", "month": 10, "day": 15}),
        _step(4, {"kind": "quarterly"}),
        _step(5, {"kind": "pending"}),
        _step(6, {"kind": "months", "from_month": 8, "to_month": 11}),
        _step(7, {"kind": "deadline", "month": 2, "day": 29}),
    ]
    data = {
        "id": "demo",
        "order": 1,
        "title": "งานทดสอบปฏิทิน",
        "short_title": "ทดสอบ",
        "mission": "ทดสอบ",
        "position": "ผู้ทดสอบ",
        "objectives": ["ทดสอบ"],
        "scope": "ทดสอบ",
        "responsibilities": [{"role": "กลุ่มนโยบายและแผน", "duties": ["ทดสอบ"]}],
        "steps": steps,
        "standards": [
            {"id": "st1", "number": 1, "kind": "single", "steps": ["s1"], "text": "มาตรฐาน"}
        ],
        "monitoring": ["ติดตาม"],
    }
    return parse_procedure(data, "demo.yml")


def spans(events: Any, step_id: str) -> list[tuple[date, date]]:
    return [(e.start, e.end) for e in events if e.step_id == step_id]


def test_event_rules(procedure: Procedure) -> None:
    events = operations_calendar(2570, [procedure])
    assert spans(events, "s1") == [(date(2026, 10, 1), date(2026, 12, 31))]
    assert spans(events, "s2") == [(date(2026, 12, 1), date(2027, 1, 31))]
    # FY 2570's 15 October is 15 ต.ค. 2569: the report on FY 2569.
    (deadline,) = [e for e in events if e.step_id == "s3"]
    assert (deadline.start, deadline.end) == (date(2026, 10, 15), date(2026, 10, 15))
    assert "ปีงบประมาณ 2569" in deadline.summary
    assert spans(events, "s4") == [
        (date(2026, 12, 31),) * 2,
        (date(2027, 3, 31),) * 2,
        (date(2027, 6, 30),) * 2,
        (date(2027, 9, 30),) * 2,
    ]
    assert spans(events, "s5") == []
    # ส.ค.-พ.ย. runs past the year end: only the parts inside FY 2570.
    assert sorted(spans(events, "s6")) == [
        (date(2026, 10, 1), date(2026, 11, 30)),
        (date(2027, 8, 1), date(2027, 9, 30)),
    ]
    assert [s.id for _, s in pending_steps([procedure])] == ["s5"]


@pytest.mark.parametrize("fy", [2567, 2568, 2570, 2571])
def test_only_dates_in_the_year(procedure: Procedure, fy: int) -> None:
    first, last = fiscal_year_range(fy)
    events = operations_calendar(fy, [procedure])
    assert events and all(first <= e.start <= e.end <= last for e in events)
    assert [e.start for e in events] == sorted(e.start for e in events)
    assert len({e.uid for e in events}) == len(events)


def test_leap_day_deadline(procedure: Procedure) -> None:
    assert spans(operations_calendar(2567, [procedure]), "s7") == [(date(2024, 2, 29),) * 2]
    # No 29 February in 2025: the deadline falls on the month's last day.
    assert spans(operations_calendar(2568, [procedure]), "s7") == [(date(2025, 2, 28),) * 2]


def _raw_events(data: bytes) -> list[dict[str, tuple[str, str]]]:
    """VEVENTs read straight from the text: unfold lines (RFC 5545 3.1), split NAME;PARAMS:VALUE.

    Each event maps a property name to (its parameters, its value, unescaped).
    """
    text = data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
    events: list[dict[str, tuple[str, str]]] = []
    current: dict[str, tuple[str, str]] | None = None
    for line in text.split("\r\n"):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT" and current is not None:
            events.append(current)
            current = None
        elif current is not None and ":" in line:
            head, value = line.split(":", 1)
            name, _, params = head.partition(";")
            value = value.replace("\\,", ",").replace("\\;", ";").replace("\\n", "\n")
            current[name] = (params, value.replace("\\\\", "\\"))
    return events


def _parse_both(data: bytes) -> tuple[Calendar, list[dict[str, tuple[str, str]]]]:
    return Calendar.from_ical(data), _raw_events(data)


@pytest.mark.parametrize("fy", [2569, 2570])
def test_ics_two_parsers(procedure: Procedure, fy: int) -> None:
    events = operations_calendar(fy, [procedure])
    data = to_ical(fy, events)
    assert data == to_ical(fy, events)  # same input, same bytes
    assert b"\r\n" in data
    first, second = _parse_both(data)
    parsed = [c for c in first.walk("VEVENT")]
    assert len(parsed) == len(events) == len(second)
    for component, event in zip(parsed, events, strict=True):
        assert component.decoded("dtstart") == event.start
        assert component.decoded("dtend") == event.end + timedelta(days=1)
        # Titles in the site's digits (Thai by default); dates and UIDs are machine values.
        assert str(component["summary"]) == apply_digits(event.summary, "thai")
        assert str(component["uid"]) == event.uid
    by_uid = {e.uid: e for e in events}
    for item in second:
        assert item["DTSTART"][0] == "VALUE=DATE" and item["DTEND"][0] == "VALUE=DATE"  # all day
        source = by_uid[item["UID"][1]]
        assert item["SUMMARY"][1] == apply_digits(source.summary, "thai")
        assert item["DTSTART"][1] == source.start.strftime("%Y%m%d")
        # an all-day event's DTEND is exclusive: the day after its inclusive end
        assert item["DTEND"][1] == (source.end + timedelta(days=1)).strftime("%Y%m%d")


def test_cli_writes_calendar(tmp_path: Path) -> None:
    out = tmp_path / "cal.ics"
    done = subprocess.run(
        [sys.executable, "-m", "sop_helpers", "calendar", "2570", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).parents[1],
    )
    assert done.returncode == 0, done.stderr
    cal = Calendar.from_ical(out.read_bytes())
    first, last = fiscal_year_range(2570)
    expected = operations_calendar(2570, load_procedures())
    starts = [c.decoded("dtstart") for c in cal.walk("VEVENT")]
    assert starts == [e.start for e in expected]
    assert all(first <= s <= last for s in starts)
    assert "2570" in done.stdout


def test_cli_help_is_thai() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sop_helpers", "calendar", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "ปีงบประมาณ" in done.stdout


def _build(tmp_path: Path, procedures: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sop_helpers.sphinx_ext"]\n'
        'language = "th"\nsop_calendar_years = [2569, 2570]\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(
        "---\nlast_reviewed: 2569-11-28\n---\n# ปฏิทิน\n\n```{operations-calendar}\n```\n",
        encoding="utf-8",
    )
    out = tmp_path / "html"
    # the build reads the procedures of its own project (<source>/data/procedures)
    shutil.copytree(procedures, src / "data" / "procedures")
    done = sphinx_build(src, out, nitpicky=True)
    return done, out


@pytest.mark.build
def test_directive_renders_table_and_download(tmp_path: Path) -> None:
    folder = Path(__file__).parents[1] / "book/data/procedures"
    done, out = _build(tmp_path, folder)
    assert done.returncode == 0, done.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    procedures = load_procedures(folder)
    for fy in (2569, 2570):
        # The site's digits (decision 1: Thai by default), as every number a reader sees.
        assert f"ปฏิทินการดำเนินงาน ปีงบประมาณ {thai_number(fy)}" in html
        (ics_file,) = out.glob(f"_downloads/*/{ics_file_name(fy)}")
        # saved under its Thai name (linked percent-encoded, as Sphinx links every download)
        assert f"{ics_file.parent.name}/{quote(ics_file.name)}" in html
        assert ics_file.read_bytes() == to_ical(fy, operations_calendar(fy, procedures))
    # FY 2570's expenditure report on FY 2569; dates keep together on a phone (no-break spaces).
    assert "๑๕\u00a0ต.ค.\u00a0๖๙" in html and "15 ต.ค. 69" not in html
    # Step numbers are the procedures' own numbering: Thai digits, as on the procedure pages.
    assert "ขั้นตอนที่ ๑: " in html and "ขั้นตอนที่ 1: " not in html


@pytest.mark.build
def test_directive_reports_bad_data(tmp_path: Path) -> None:
    folder = tmp_path / "procedures"
    folder.mkdir()
    (folder / "broken.yml").write_text("id: broken\norder: one\n", encoding="utf-8")
    done, _ = _build(tmp_path, folder)
    assert done.returncode != 0
    assert "สร้างปฏิทินการดำเนินงานไม่ได้" in done.stderr
    assert "broken.yml:2" in done.stderr


def test_table_labels(procedure: Procedure) -> None:
    events = operations_calendar(2570, [procedure])
    labels = {(e.step_id, e.label) for e in events if e.label}
    assert ("s3", "กำหนดส่ง งานของปีงบประมาณ 2569") in labels
    assert {label for step, label in labels if step == "s4"} == {
        f"รายงานไตรมาส {thai_number(q)}" for q in range(1, 5)
    }
    assert all(e.step_text == f"ขั้นตอนทดสอบที่ {e.step_number}" for e in events)
