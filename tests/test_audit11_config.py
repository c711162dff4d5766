"""Audit of issue 11, point 1: a setting read while pages are read is registered with rebuild
``"env"``, so a changed value reaches the next incremental build.

``tests/test_config.py`` covers ``sop_calendar_years``, ``sop_director_name`` and
``sop_review_months``. Seen from the office's side, the other settings a page's content depends
on: the site's address goes into every event of the ``.ics`` download (written while the
calendar page is read: it was registered ``"html"``, so the download kept no link after the
office set it) and the digit style into every number of a page. Each is changed once, then the
project is built incrementally, as ``scripts/jb-build.sh`` does after an edit of ``_config.yml``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar

from sop_helpers.calendar import ics_file_name

from .fixture_project import build, handbook_pages, make_project, set_conf

pytestmark = pytest.mark.build

CALENDAR = "# ปฏิทิน\n\n```{operations-calendar}\n```\n"
URL = "https://sop.example.go.th/handbook"


def _ics_urls(out: Path) -> set[str]:
    (ics,) = out.glob(f"_downloads/*/{ics_file_name(2569)}")
    return {str(e.get("URL", "")) for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")}


def test_changed_settings_reach_an_incremental_build(tmp_path: Path) -> None:
    pages = {"index": CALENDAR, **handbook_pages()}
    src = make_project(tmp_path, pages, "sop_calendar_years = [2569]\n")
    out = tmp_path / "html"
    for _ in range(2):  # the second build proves the saved environment is kept
        done = build(src, out)
        assert done.returncode == 0, done.stderr
    assert "reading sources... [" not in done.stdout, "an unchanged build re-read pages"
    index = out / "index.html"
    assert _ics_urls(out) == {""}  # no address set: the events carry no link

    # The office sets the site's address: the calendar's events link to the steps' pages.
    set_conf(src, f'sop_site_url = "{URL}"')
    done = build(src, out)
    assert done.returncode == 0, done.stderr
    urls = _ics_urls(out)
    assert urls and all(u.startswith(f"{URL}/procedures/") for u in urls), urls

    # Arabic digits: the calendar page's year reads 2569, not ๒๕๖๙.
    assert "ปีงบประมาณ ๒๕๖๙" in index.read_text(encoding="utf-8")
    set_conf(src, 'sop_digits = "arabic"')
    done = build(src, out)
    assert done.returncode == 0, done.stderr
    text = index.read_text(encoding="utf-8")
    assert "ปีงบประมาณ 2569" in text and "ปีงบประมาณ ๒๕๖๙" not in text
