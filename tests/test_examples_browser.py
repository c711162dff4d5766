"""The worked-example pages and the calendar on the built site, in Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from sop_helpers.rates import ILLUSTRATIVE_LABEL

from .support import download, save_download, unfold

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
    assert "คำนวณด้วยตัวเลขของท่าน" in text and page.locator("[data-sop-calc]").count() == 1
    assert "ความหมายต่อการทำงานของท่าน" in text
    assert "book/data" not in text  # file paths are for maintainers, behind their own toggle
    assert page.locator("table.sop-table caption").count() >= 1
    # Every chart is an image that loads once scrolled to (loading="lazy"), with a Thai text
    # alternative.
    charts = page.locator("figure.sop-chart img")
    assert charts.count() >= 1
    for i in range(charts.count()):
        chart = charts.nth(i)
        chart.scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=chart.element_handle()
        )
        assert len(chart.get_attribute("alt") or "") > 10
    # The Excel link downloads a workbook with a frozen header and typed, formatted numbers.
    got = download(page, page.locator("p.sop-download a").first)
    assert got.suggested_filename.endswith(".xlsx")
    target = tmp_path / got.suggested_filename
    got.save_as(target)
    book = load_workbook(target)
    sheet = book.worksheets[0]
    assert sheet.max_row > 1 and sheet.freeze_panes == "A2"
    formats = {
        c.number_format
        for row in sheet.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, int | float)
    }
    assert formats and formats <= {"#,##0.00", "#,##0", "0.00", "#,##0.0"}, formats
    assert not page.watch.blocked
    assert not page.watch.console_errors, page.watch.console_errors


# Where things are on the page, top to bottom.
ORDER = """() => {
  const top = (el) => (el ? el.getBoundingClientRect().top + window.scrollY : null);
  const heading = [...document.querySelectorAll("main h2")]
    .find(h => h.textContent.includes("ตัวอย่างการคิด"));
  const lines = heading && heading.parentElement.querySelector("ul");
  const visibleCode = [...document.querySelectorAll("main pre, main div.cell_input")]
    .filter(el => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }))
    .length;
  return {
    worked: top(lines),
    toggle: top(document.querySelector("main details.hide")),
    table: top(document.querySelector("main table.sop-table")),
    chart: top(document.querySelector("main figure.sop-chart")),
    visibleCode,
    toggleText: (document.querySelector("main details.hide summary") || {}).textContent || "",
  };
}"""


@pytest.mark.parametrize("name", EXAMPLES)
def test_code_is_hidden_and_never_first(name: str, site_url: str, page: Any) -> None:
    page.goto(f"{site_url}examples/{name}.html", wait_until="load")
    where = page.evaluate(ORDER)
    assert where["visibleCode"] == 0, where  # no code until the toggle is used
    assert "แสดงโค้ด Python" in where["toggleText"]
    # the worked lines come before any code toggle, any table and the chart
    assert where["worked"] is not None
    assert where["worked"] < where["toggle"] and where["worked"] < where["table"] < where["chart"]
    page.locator("main details.hide summary").first.click()
    assert page.locator(
        "main details.hide div.cell_input pre, main details.hide pre"
    ).first.is_visible()
    assert page.evaluate(ORDER)["visibleCode"] >= 1  # the count sees code once it is shown


def test_phone_shows_the_caption_and_a_scroll_cue(site_url: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780}, locale="th-TH")
    page = context.new_page()
    page.goto(f"{site_url}examples/budget-analysis-per-student-subsidy.html", wait_until="load")
    wrap = page.locator("div.sop-table-wrap").nth(1)  # the districts table is wider than a phone
    caption = wrap.locator("p.sop-table-caption")
    assert caption.is_visible()
    box = caption.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    cue = wrap.locator("p.sop-scroll-cue")
    assert cue.is_visible()
    scroll = wrap.locator("div.sop-table-scroll")
    scroll.evaluate(
        "el => { el.scrollLeft = el.scrollWidth; el.dispatchEvent(new Event('scroll')); }"
    )
    page.wait_for_function(
        "el => el.hidden", arg=cue.element_handle()
    )  # at the right edge nothing is left to see
    context.close()


def test_illustrative_values_are_labelled(site_url: str, page: Any) -> None:
    page.goto(f"{site_url}examples/action-plan-quarterly-report.html", wait_until="load")
    assert ILLUSTRATIVE_LABEL in page.inner_text("main")


def test_calendar_downloads(site_dir: Path, site_url: str, page: Any, tmp_path: Path) -> None:
    page.goto(f"{site_url}fiscal-year.html", wait_until="load")
    links = page.locator("p.sop-calendar-download a")
    assert links.count() >= 1
    for i in range(links.count()):
        link = links.nth(i)
        unfold(link)  # another fiscal year's calendar is folded: open it as a reader would
        target = save_download(page, link, tmp_path)
        calendar = Calendar.from_ical(target.read_bytes())
        assert len(list(calendar.walk("VEVENT"))) > 0
