"""The calendar as a work tool, as a reader sees it on a given day (issue 17 part 4).

The site is static, so "this month" is the reader's clock: each browser test fixes the clock
(Playwright's ``page.clock``) and opens the start page or the fiscal-year page at 360 and
1,280 px. The data the script reads is the build's: the steps' months are
``sop_helpers.fiscal.months_of`` of their timing (checked against the page's JSON).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from sop_helpers.fiscal import months_of

from . import support

PROCEDURES = support.procedures()
WIDTHS = (360, 1280)


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def at(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    """``at(iso_time, page)``: a page opened with the clock fixed (Bangkok time), at a width."""
    width = request.param
    ctx = browser.new_context(
        viewport={"width": width, "height": 740 if width == 360 else 900},
        locale="th-TH",
        timezone_id="Asia/Bangkok",
    )
    errors: list[str] = []

    def open_(when: str, page: str) -> Any:
        pg = ctx.new_page()
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
        pg.clock.set_fixed_time(when)
        pg.goto(site_url + page)
        pg.width = width
        return pg

    yield open_
    ctx.close()
    assert errors == []


def _block(pg: Any) -> Any:
    block = pg.locator(".sop-month-work")
    # the script replaces the no-script sentence with the day's heading
    block.locator(".sop-mw-today").wait_for()
    return block


def _marked(pg: Any) -> Any:
    """The fiscal-year table's rows marked as this month, once the script has marked one."""
    marked = pg.locator("table.sop-year-table tr.sop-now")
    marked.first.wait_for()
    return marked


def _this_month(block: Any) -> list[str]:
    return [a.get_attribute("href") or "" for a in block.locator(".sop-mw-proc a").all()]


def _due(block: Any) -> list[str]:
    return [li.inner_text() for li in block.locator(".sop-mw-due li").all()]


def _no_overflow(pg: Any) -> None:
    wide = pg.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert wide <= 1, f"page scrolls sideways by {wide}px"


def _dates_on_one_line(pg: Any, selector: str) -> int:
    """Every date of ``selector`` is on one line; returns how many there are."""
    lines = pg.eval_on_selector_all(
        selector, "els => els.map(e => [e.textContent, e.getClientRects().length])"
    )
    broken = [text for text, count in lines if count != 1]
    assert broken == [], f"dates broken across lines: {broken}"
    return len(lines)


def test_in_december_the_start_page_lists_the_december_steps(at: Any, site_dir: Path) -> None:
    pg = at("2026-12-01T09:00:00+07:00", "index.html")
    block = _block(pg)
    assert "ปีงบประมาณ ๒๕๗๐ ไตรมาสที่ ๑" in block.locator(".sop-mw-today").inner_text()
    assert "งานเดือนธันวาคม ๒๕๖๙" in block.inner_text()
    december = [
        f"procedures/action-plan.html#proc-action-plan-{s.id}"
        for s in PROCEDURES["action-plan"].steps
        if 12 in months_of(s.timing)
    ]
    assert _this_month(block) == december
    # each link leads to a step that exists on its page
    page = BeautifulSoup(
        (site_dir / "procedures/action-plan.html").read_text("utf-8"), "html.parser"
    )
    assert all(page.find(id=href.split("#")[1]) for href in december)
    assert block.locator(".sop-mw-proc .sop-mw-title").all_inner_texts() == [
        PROCEDURES["action-plan"].title
    ]
    due = _due(block)
    # ต.ค.–ธ.ค. steps and the first quarter's report end on 31 ธ.ค.; 31 ม.ค. is past six weeks
    assert due and all(line.startswith("๓๑ ธ.ค. ๒๕๖๙ (อีก ๓๐ วัน)") for line in due)
    assert any("รายงานไตรมาส ๑" in line for line in due)
    assert not any("ปีงบประมาณ ๒" in line for line in due)  # all in the current year
    _no_overflow(pg)
    _dates_on_one_line(pg, ".sop-month-work .sop-mw-date")


def test_in_december_the_fiscal_year_page_marks_december(at: Any) -> None:
    pg = at("2026-12-01T09:00:00+07:00", "fiscal-year.html")
    marked = _marked(pg)
    assert marked.count() == 1
    text = marked.inner_text()
    assert text.startswith("ธันวาคม (ไตรมาสที่ ๑)") and "เดือนนี้" in text
    assert marked.get_attribute("aria-current") == "date"
    _no_overflow(pg)


def test_in_march_only_the_quarterly_report_is_this_months_work(at: Any) -> None:
    pg = at("2027-03-10T08:00:00+07:00", "index.html")
    block = _block(pg)
    assert "งานเดือนมีนาคม ๒๕๗๐" in block.inner_text()
    assert "ปีงบประมาณ ๒๕๗๐ ไตรมาสที่ ๒" in block.inner_text()
    assert _this_month(block) == ["procedures/action-plan.html#proc-action-plan-s8"]
    assert _due(block) == [
        "๓๑ มี.ค. ๒๕๗๐ (อีก ๒๑ วัน) แผนปฏิบัติการประจำปีงบประมาณ: "
        "ขั้นตอนที่ ๘ ติดตาม ประเมิน และรายงานผลการดำเนินงาน · รายงานไตรมาส ๒"
    ]
    marked = _marked(at("2027-03-10T08:00:00+07:00", "fiscal-year.html"))
    assert marked.inner_text().startswith("มีนาคม (ไตรมาสที่ ๒)")


def test_a_month_without_steps_is_marked_in_its_folded_row(at: Any) -> None:
    marked = _marked(at("2027-05-05T08:00:00+07:00", "fiscal-year.html"))
    assert marked.count() == 1
    assert marked.inner_text().startswith("เมษายน–พฤษภาคม (ไตรมาสที่ ๓)")
    start = _block(at("2027-05-05T08:00:00+07:00", "index.html"))
    assert "เดือนนี้ไม่มีขั้นตอนที่เอกสารมาตรฐานการปฏิบัติงานกำหนดเวลาไว้" in start.inner_text()


def test_in_september_the_turn_of_the_fiscal_year_is_shown(at: Any) -> None:
    pg = at("2027-09-20T08:00:00+07:00", "index.html")
    block = _block(pg)
    text = block.inner_text()
    assert "ปีงบประมาณ ๒๕๗๐ ไตรมาสที่ ๔" in text
    assert "ปีงบประมาณ ๒๕๗๑ เริ่มวันที่ ๑ ตุลาคม ๒๕๗๐" in text
    due = _due(block)
    dates = [line.split(" (")[0] for line in due]
    assert dates == sorted(dates, key=lambda d: ["๓๐ ก.ย.", "๑๕ ต.ค.", "๓๑ ต.ค."].index(d[:7]))
    # the fourth quarter closes the current year; the 15 October report is the year just ended;
    # October's first steps belong to the new year
    q4 = [line for line in due if "รายงานไตรมาส ๔" in line]
    assert q4 and q4[0].startswith("๓๐ ก.ย. ๒๕๗๐ (อีก ๑๐ วัน)") and "ปีงบประมาณ ๒" not in q4[0]
    report = [line for line in due if line.startswith("๑๕ ต.ค. ๒๕๗๐")]
    assert report and all("งานของปีงบประมาณ ๒๕๗๐" in line for line in report)
    october = [line for line in due if line.startswith("๓๑ ต.ค. ๒๕๗๐")]
    assert len(october) == 3 and all(line.endswith("ปีงบประมาณ ๒๕๗๑") for line in october)
    marked = _marked(at("2027-09-20T08:00:00+07:00", "fiscal-year.html"))
    assert marked.inner_text().startswith("กันยายน (ไตรมาสที่ ๔)")


def test_calendar_dates_do_not_wrap(at: Any) -> None:
    pg = at("2026-12-01T09:00:00+07:00", "fiscal-year.html")
    pg.locator("table.sop-calendar").first.wait_for()
    # the open year's table (the others are folded until the reader opens them)
    assert _dates_on_one_line(pg, "details[open] table.sop-calendar .sop-date .sop-nowrap") > 10
    _no_overflow(pg)


def _years(pg: Any) -> list[tuple[str, bool, str]]:
    """(fiscal year, open, badge) of each year's calendar, in page order."""
    return [
        (d["fy"], d["open"], d["badge"])
        for d in pg.eval_on_selector_all(
            "details.sop-fy",
            "els => els.map(e => ({fy: e.dataset.fy, open: e.open,"
            " badge: e.querySelector('.sop-fy-state').textContent}))",
        )
    ]


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # December 2569 is in fiscal year 2570: 2569 has ended
        (
            "2026-12-01T09:00:00+07:00",
            [("2570", True, "ปีงบประมาณนี้"), ("2569", False, "สิ้นสุดแล้ว")],
        ),
        # 30 September 2570, late in the evening: still the last day of fiscal year 2570
        (
            "2027-09-30T23:00:00+07:00",
            [("2570", True, "ปีงบประมาณนี้"), ("2569", False, "สิ้นสุดแล้ว")],
        ),
        # a reader in September 2569 (a site built later, a clock set back): 2569 comes first
        (
            "2026-09-15T09:00:00+07:00",
            [("2569", True, "ปีงบประมาณนี้"), ("2570", False, "ปีงบประมาณหน้า")],
        ),
    ],
    ids=["dec-2569", "last-day-2570", "sep-2569"],
)
def test_the_current_fiscal_years_calendar_comes_first(
    at: Any, when: str, expected: list[tuple[str, bool, str]], tmp_path: Path
) -> None:
    pg = at(when, "fiscal-year.html")
    _marked(pg)  # the script has run
    assert _years(pg) == expected
    first = pg.locator("details.sop-fy").first
    assert first.locator("table.sop-calendar").is_visible()
    assert not pg.locator("details.sop-fy").nth(1).locator("table.sop-calendar").is_visible()
    # a folded year opens on a tap of its one line
    folded = pg.locator("details.sop-fy").nth(1)
    folded.locator("summary").click()
    assert folded.locator("table.sop-calendar").is_visible()
    _no_overflow(pg)
    first.scroll_into_view_if_needed()
    pg.screenshot(path=str(tmp_path / f"fiscal-years-{pg.width}.png"))


# ---- the build's data (no browser) --------------------------------------------------------


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text("utf-8"), "html.parser")


def test_the_start_page_carries_the_steps_months_from_fiscal_months_of(site_dir: Path) -> None:
    page = _soup(site_dir, "index.html")
    script = page.select_one(".sop-month-work script.sop-month-data")
    assert script is not None
    data = json.loads(script.string or "")
    expected = {
        (p.id, s.id): list(months_of(s.timing))
        for p in PROCEDURES.values()
        for s in p.steps
        if months_of(s.timing)
    }
    assert {(s["procedure"], s["step"]): s["months"] for s in data["steps"]} == expected
    # without a script the block says where the months are (the page works from a file too)
    fallback = page.select_one(".sop-month-work .sop-mw-fallback")
    assert fallback is not None and "ปฏิทินปีงบประมาณ" in fallback.get_text()
    tags = [s for s in page.select("script[src]") if "/calendar-now.js" in s["src"]]
    assert len(tags) == 1 and tags[0].has_attr("defer")


def test_months_without_steps_are_folded_into_short_rows(site_dir: Path) -> None:
    page = _soup(site_dir, "fiscal-year.html")
    table = page.select_one("table.sop-year-table")
    assert table is not None
    rows = table.select("tbody tr")
    months = [
        int(c[len("sop-m-") :]) for r in rows for c in r.get("class", []) if c.startswith("sop-m-")
    ]
    assert months == [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    empty = [r for r in rows if "sop-month-empty" in r.get("class", [])]
    assert [r.find("td").get_text(strip=True) for r in empty] == [
        "กุมภาพันธ์ (ไตรมาสที่ ๒)",
        "เมษายน–พฤษภาคม (ไตรมาสที่ ๓)",
        "กรกฎาคม–สิงหาคม (ไตรมาสที่ ๔)",
    ]
    text = page.select_one("article").get_text()
    assert text.count("ไม่มีขั้นตอนที่เอกสารมาตรฐานการปฏิบัติงานกำหนดเวลาไว้") == 1
    assert "python -m" not in text


def test_the_build_marks_its_own_month_before_any_script_runs(site_dir: Path) -> None:
    # Lighthouse: the badge added after load moved the page (CLS 0.168 on fiscal-year.html).
    import datetime as dt

    marked = _soup(site_dir, "fiscal-year.html").select("table.sop-year-table tr.sop-now")
    month = dt.date.today().month
    assert marked and all(f"sop-m-{month}" in row["class"] for row in marked)
    assert all(row.select_one(".sop-now-badge").get_text() == "เดือนนี้" for row in marked)


def test_in_another_month_the_builds_mark_moves(at: Any) -> None:
    import datetime as dt

    other = 3 if dt.date.today().month != 3 else 4
    pg = at(f"2027-{other:02d}-10T09:00:00+07:00", "fiscal-year.html")
    table = pg.locator("table.sop-year-table")
    marked = _marked(pg)
    assert marked.count() == 1 and f"sop-m-{other}" in (marked.get_attribute("class") or "")
    assert table.locator(".sop-now-badge").count() == 1


def test_the_build_orders_the_years_by_its_own_date(site_dir: Path) -> None:
    import datetime as dt

    from sop_helpers.calendar import year_order

    page = _soup(site_dir, "fiscal-year.html")
    boxes = page.select("details.sop-fy")
    order = year_order([2569, 2570], dt.date.today())
    assert [(b["data-fy"], b["data-state"]) for b in boxes] == [(str(y), s) for y, s in order]
    assert [b.has_attr("open") for b in boxes] == [s == "current" for _, s in order]
    # the folded year's line says which year, its months and how many items, in Thai digits
    summary = boxes[-1].find("summary").get_text(" ", strip=True)
    assert summary.startswith("ปีงบประมาณ ๒๕") and "ตุลาคม" in summary and "รายการ" in summary
    # each year keeps its .ics download inside its own box
    assert all(b.select_one("p.sop-calendar-download a") for b in boxes)


@pytest.mark.parametrize(
    ("years", "today", "expected"),
    [
        ([2569, 2570], "2026-12-01", [(2570, "current"), (2569, "past")]),
        ([2569, 2570], "2026-09-30", [(2569, "current"), (2570, "future")]),
        (
            [2568, 2570, 2569, 2571],
            "2026-10-01",
            [(2570, "current"), (2571, "future"), (2569, "past"), (2568, "past")],
        ),
        ([2566, 2567], "2026-12-01", [(2567, "past"), (2566, "past")]),
        ([2571, 2572], "2026-12-01", [(2571, "future"), (2572, "future")]),
        ([2570, 2570], "2026-12-01", [(2570, "current")]),
    ],
)
def test_year_order(years: list[int], today: str, expected: list[tuple[int, str]]) -> None:
    import datetime as dt

    from sop_helpers.calendar import year_order

    assert year_order(years, dt.date.fromisoformat(today)) == expected
