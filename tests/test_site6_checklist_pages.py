"""Two things a new staff member met on the built site (session 6), tested from the user's side.

1. The first-week list names pages ("อ่านหน้า…", "ทำแบบตรวจสอบตนเอง: …", "จากหน้าปฏิทินปีงบประมาณ")
   and now links to each of them: tapping the link on a phone or a PC lands on that page. The
   address and the title come from the build (the item's ``page`` in checklists/first-week.yml,
   resolved by Sphinx), so no address is typed twice.
2. Step ๕ of the action plan's steps checklist showed no timing while the other steps did: the
   timings were retyped in each checklist file and step 5's was left out. Every step item now
   shows the timing of its step in the procedure data, worded as the procedure page words it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from sop_helpers import load_checklist, load_procedures
from sop_helpers.schedule import timing_text

from .conftest import ROOT

PROCEDURES = load_procedures(ROOT / "book" / "data" / "procedures")
FIRST_WEEK = load_checklist(ROOT / "checklists" / "first-week.yml", PROCEDURES)
FORM = "form#cl-first-week"
SHOTS = Path("/tmp/site6")

pytestmark = pytest.mark.browser


@pytest.fixture(params=[360, 1280], ids=lambda w: f"{w}px")
def width_page(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:
    """A fresh page at a phone's or a PC's width."""
    width = request.param
    ctx = browser.new_context(
        viewport={"width": width, "height": 740 if width == 360 else 900}, locale="th-TH"
    )
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.width = width
    yield page
    ctx.close()
    assert errors == []


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", html).strip()


# ---- 1. the first-week items link to the pages they name ----

# what each task names (the item's text says it) and the page a reader must land on
NAMED = {
    "calendar": "fiscal-year",
    **{f"read-{p}": f"procedures/{p}" for p in PROCEDURES},
    **{f"check-{p}": f"self-check/{p}" for p in PROCEDURES},
}


def test_every_item_that_names_a_page_has_it() -> None:
    pages = {item.id: item.page for item in FIRST_WEEK.items if item.page}
    assert pages == NAMED
    # the text still names the page (the link adds to it; answers saved before stay valid)
    for p in PROCEDURES.values():
        assert p.title in FIRST_WEEK.item(f"read-{p.id}").text


def test_links_on_the_site_lead_to_the_named_pages(site_dir: Path) -> None:
    """The start page and its print form link each such item to its page, titled as the page."""
    soup = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    form = soup.select_one(FORM)
    assert form is not None
    printed = soup.select_one('.sop-print-form[data-print-for="first-week"]')
    assert printed is not None
    for item_id, docname in NAMED.items():
        box = form.select_one(f'input[data-item-id="{item_id}"]')
        assert box is not None, item_id
        link = box.find_parent("li").select_one(".sop-cl-page a")
        assert link is not None, f"{item_id}: no link to {docname}"
        assert link["href"] == f"{docname}.html"
        target = BeautifulSoup(
            (site_dir / f"{docname}.html").read_text(encoding="utf-8"), "html.parser"
        )
        title = _text(target.select_one("article h1").get_text(" ")).rstrip(" #")
        assert _text(link.get_text(" ")) == f"เปิดหน้า {title}"
        row = printed.select_one(f'[data-pf-answer="{item_id}"]').find_parent("tr")
        assert row.select_one(f'a[href="{docname}.html"]') is not None, item_id
    # an item that names no page has no link
    meet = form.select_one('input[data-item-id="meet-director"]').find_parent("li")
    assert meet.select_one(".sop-cl-page") is None


@pytest.mark.parametrize("item_id", ["calendar", "read-action-plan", "check-budget-analysis"])
def test_tapping_the_link_opens_the_page(width_page: Any, site_url: str, item_id: str) -> None:
    page = width_page
    page.goto(site_url + "index.html")
    item = page.locator(f'{FORM} input[data-item-id="{item_id}"]').locator("xpath=ancestor::li[1]")
    link = item.locator(".sop-cl-page a")
    link.scroll_into_view_if_needed()
    box = link.bounding_box()
    assert box is not None and box["height"] >= 24, box  # a target a finger can hit
    assert box["x"] + box["width"] <= page.viewport_size["width"], box  # not off the screen
    if item_id == "read-action-plan":
        item.screenshot(path=str(SHOTS / f"first-week-link-{page.width}.png"))
    named = link.inner_text()
    with page.expect_navigation():
        link.click()
    assert page.url == site_url + NAMED[item_id] + ".html"
    heading = page.locator("article h1").first.inner_text().strip().rstrip("#").strip()
    assert named == f"เปิดหน้า {heading}"
    # ticking is still the label's job: following the link did not tick the box
    page.go_back()
    box_input = page.locator(f'{FORM} input[data-item-id="{item_id}"]')
    box_input.wait_for()
    assert not box_input.is_checked()


def test_a_missing_page_stops_the_build_naming_the_line(tmp_path: Path) -> None:
    """A page that is not in the book is a build warning at the checklist file's line."""
    from sop_helpers.sphinx_ext.checklists import _missing_page

    source = (ROOT / "checklists" / "first-week.yml").read_text(encoding="utf-8")
    bad = tmp_path / "first-week.yml"
    bad.write_text(source.replace("page: fiscal-year", "page: no-such-page"), encoding="utf-8")
    checklist = load_checklist(bad, PROCEDURES)

    class Env:
        found_docs = {"procedures/" + p for p in PROCEDURES} | {
            "self-check/" + p for p in PROCEDURES
        }

    found = _missing_page(Env(), bad, checklist)  # type: ignore[arg-type]
    line = next(i for i, text in enumerate(bad.read_text().splitlines(), 1) if "no-such" in text)
    assert found == (f"{bad}:{line}", "/items/0/page: ไม่มีหน้า 'no-such-page' ในคู่มือ")


# ---- 2. every step item shows its step's timing ----


def _step_timings(site_dir: Path, procedure_id: str) -> dict[str, str]:
    """Step id -> the timing the procedure page shows in the step's section."""
    soup = BeautifulSoup(
        (site_dir / "procedures" / f"{procedure_id}.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    out = {}
    for step in PROCEDURES[procedure_id].steps:
        section = soup.find(id=f"proc-{procedure_id}-{step.id}")
        term = next(dt for dt in section.select("dl.field-list dt") if "ระยะเวลา" in dt.text)
        out[step.id] = _text(term.find_next_sibling("dd").get_text(" "))
    return out


@pytest.mark.parametrize("procedure_id", list(PROCEDURES))
def test_every_step_item_shows_its_timing(
    width_page: Any, site_dir: Path, site_url: str, procedure_id: str
) -> None:
    expected = _step_timings(site_dir, procedure_id)
    assert set(expected) == {s.id for s in PROCEDURES[procedure_id].steps}
    page = width_page
    page.goto(site_url + f"self-check/{procedure_id}.html")
    form = page.locator(f"form#cl-{procedure_id}-steps")
    form.locator("input[data-item-id]").first.wait_for()
    for step in PROCEDURES[procedure_id].steps:
        item = form.locator(f'input[data-item-id="{step.id}"]').locator("xpath=ancestor::li[1]")
        when = item.locator(".sop-cl-when")
        assert when.count() == 1, f"{procedure_id} {step.id}: no timing"
        assert when.is_visible()
        shown = _text(when.inner_text())
        assert shown == f"ระยะเวลา: {expected[step.id]}", (step.id, shown)
        # the same words as the data says (in the site's digits, Thai by default)
        assert expected[step.id] == _text(timing_text(step.timing))
    if procedure_id == "action-plan":
        item = form.locator('input[data-item-id="s5"]').locator("xpath=ancestor::li[1]")
        item.scroll_into_view_if_needed()
        item.screenshot(path=str(SHOTS / f"action-plan-step5-{page.width}.png"))
