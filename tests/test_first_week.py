"""A first week you can tick (issue 16 part 7), on the start page, stored like every checklist.

The list is ``checklists/first-week.yml`` (kind ``onboarding``): its per-procedure tasks take their
text from the procedure data (titles, the roles of each procedure's responsibilities, its forms),
so nothing is retyped. Tested as a new staff member uses it, at 360 and 1,280 px: near the top on a
phone, a tick survives a reload, shows on "ความคืบหน้าของฉัน", and the exported file reads back
in Python and in the team view.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import load_checklist, load_procedures, load_results, score
from sop_helpers.thai import thai_digits

from .conftest import ROOT

PROCEDURES = load_procedures(ROOT / "book" / "data" / "procedures")
FIRST_WEEK = load_checklist(ROOT / "checklists" / "first-week.yml", PROCEDURES)
FORM = "form#cl-first-week"


def test_the_list_is_made_from_the_procedure_data() -> None:
    assert FIRST_WEEK.kind == "onboarding" and FIRST_WEEK.procedure == ""
    items = {item.id: item for item in FIRST_WEEK.items}
    for p in PROCEDURES.values():
        assert p.title in items[f"read-{p.id}"].text
        assert p.short_title in items[f"check-{p.id}"].text
        for duty in p.responsibilities:
            assert duty.role in items[f"meet-{p.id}"].text
    assert ".ics" in items["calendar"].text
    forms = [d.title for p in PROCEDURES.values() for d in p.documents if d.kind == "form"]
    assert forms and all(any(f in line for line in items["forms"].details) for f in forms)
    # every item is ticked like a step: the same storage, scoring and wording as the others
    model = FIRST_WEEK.to_json()
    assert {s["score"] for s in model["sections"]} == {"progress"}
    assert {i["answer_type"] for s in model["sections"] for i in s["items"]} == {"tick"}


@pytest.fixture(params=[360, 1280], ids=lambda w: f"{w}px")
def start(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Any]:
    """The start page in a fresh context at a width (phone: 360 x 740)."""
    width = request.param
    ctx = browser.new_context(
        viewport={"width": width, "height": 740 if width == 360 else 900},
        locale="th-TH",
        accept_downloads=True,
    )
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url + "index.html")
    page.locator(f"{FORM} input[data-item-id]").first.wait_for()
    page.width = width
    yield page
    ctx.close()
    assert errors == []


def _tick(page: Any, item_id: str) -> None:
    box = page.locator(f'{FORM} input[data-item-id="{item_id}"]')
    box.check()
    assert box.is_checked()


def test_near_the_top_on_a_phone(start: Any, tmp_path: Path) -> None:
    top = start.locator(FORM).evaluate("e => e.getBoundingClientRect().top")
    height = start.viewport_size["height"]
    assert top < height, f"the first-week list starts at {top}px, below the first screen"
    if start.width == 360:
        start.screenshot(path=str(tmp_path / "start-360.png"))


def test_a_tick_survives_a_reload_and_shows_on_my_progress(start: Any, site_url: str) -> None:
    _tick(start, "calendar")
    _tick(start, "read-action-plan")
    start.reload()
    start.locator(f"{FORM} input[data-item-id]").first.wait_for()
    assert start.locator(f'{FORM} input[data-item-id="calendar"]').is_checked()
    assert start.locator(f'{FORM} input[data-item-id="read-action-plan"]').is_checked()
    assert not start.locator(f'{FORM} input[data-item-id="meet-director"]').is_checked()
    start.goto(site_url + "self-check/index.html")
    cell = start.locator('[data-saved-for="first-week"]')
    total = len(FIRST_WEEK.items)
    start.wait_for_function(
        "(el) => !el.textContent.includes('ยังไม่ได้เริ่ม')", arg=cell.element_handle()
    )
    text = cell.inner_text()
    assert "๒" in text and thai_digits(str(total)) in text and str(total) not in text
    row = start.locator('tr[data-progress-row="first-week"]')
    assert FIRST_WEEK.title in row.inner_text()
    # listed first: it comes before any procedure's checklists
    first = start.locator("tr[data-progress-row]").first.get_attribute("data-progress-row")
    assert first == "first-week"


def test_the_export_reads_back_and_joins_the_team_view(
    start: Any, site_url: str, tmp_path: Path
) -> None:
    for item in ("calendar", "forms", "read-director", "check-director", "meet-director"):
        _tick(start, item)
    form = start.locator(FORM)
    form.locator('input[data-person="name"]').fill("สมหญิง ใจดี")
    form.locator('input[data-person="position"]').fill("นักวิเคราะห์นโยบายและแผน")
    with start.expect_download() as info:
        form.locator('button[data-action="export-json"]').click()
    assert info.value.suggested_filename.startswith("สัปดาห์แรกของบุคลากรใหม่")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    loaded = load_results(path, FIRST_WEEK)
    assert loaded.dropped == ()
    result = score(FIRST_WEEK, loaded.results.values())
    assert (result.progress.done, result.progress.total) == (5, len(FIRST_WEEK.items))
    assert json.loads(path.read_text("utf-8"))["checklist"]["id"] == "first-week"

    start.goto(site_url + "team/index.html")
    start.set_input_files("#sop-team-files", [str(path)])
    matrix = start.locator(".sop-team-output table.sop-team-matrix")
    matrix.wait_for()
    text = matrix.inner_text()
    assert "สมหญิง ใจดี" in text
    total = thai_digits(str(len(FIRST_WEEK.items)))
    assert "สัปดาห์แรก" in text and f"ทำแล้ว ๕ จาก {total} รายการ" in text
