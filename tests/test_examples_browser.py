"""The worked-example pages and the calendar on the built site, in Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from sop_helpers.rates import ILLUSTRATIVE_LABEL

pytestmark = pytest.mark.browser

EXAMPLES = [
    "budget-analysis-per-student-subsidy",
    "action-plan-proposals",
    "action-plan-quarterly-report",
    "budget-analysis-annual-report",
    "director-small-schools",
    "development-plan-indicators",
]


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_page(name: str, site_url: str, page: Any, tmp_path: Path) -> None:
    page.goto(f"{site_url}examples/{name}.html", wait_until="load")
    text = page.inner_text("main")
    assert "ข้อมูลสมมุติ" in text  # the sample data is labelled where it is used
    assert "ใช้งานได้เมื่อเปิดหน้านี้ใน Jupyter" in text  # the widget's static stand-in
    assert page.locator("table.sop-table caption").count() >= 1
    # Every chart is a loaded image with a Thai text alternative.
    charts = page.locator("figure.sop-chart img")
    assert charts.count() >= 1
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
        assert len(chart.get_attribute("alt") or "") > 10
    # The Excel link downloads a workbook whose first sheet has a header row.
    with page.expect_download() as info:
        page.locator("p.sop-download a").first.click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    book = load_workbook(target)
    assert book.worksheets[0].max_row > 1
    assert not page.watch.blocked
    assert not page.watch.console_errors, page.watch.console_errors


def test_illustrative_values_are_labelled(site_url: str, page: Any) -> None:
    page.goto(f"{site_url}examples/action-plan-quarterly-report.html", wait_until="load")
    assert ILLUSTRATIVE_LABEL in page.inner_text("main")


def test_calendar_downloads(site_dir: Path, site_url: str, page: Any, tmp_path: Path) -> None:
    page.goto(f"{site_url}fiscal-year.html", wait_until="load")
    links = page.locator("p.sop-calendar-download a")
    assert links.count() >= 1
    for i in range(links.count()):
        with page.expect_download() as info:
            links.nth(i).click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        calendar = Calendar.from_ical(target.read_bytes())
        assert len(list(calendar.walk("VEVENT"))) > 0
