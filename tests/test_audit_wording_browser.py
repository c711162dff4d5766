"""Audit of issue 16 part 8 (session 5), in Chromium at 360 and 1,280 px, as a staff member and the
director meet it: ONE wording for each result across the checklist page, the printed form, the CSV
and the team view (decision 3: "ได้ตามมาตรฐาน" / "ยังไม่ได้ตามมาตรฐาน", never "ผ่าน/ไม่ผ่าน" or
"ใช่/ไม่ใช่"), and step items that show their sub-items instead of ending with "ดังนี้" /
"ประกอบด้วย" and nothing after — on the page and on the printed form.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest

from sop_helpers.thai import thai_digits
from sop_helpers.wording import say

from . import support
from .support import (
    checklist_form,
    download,
    export_json,
    fill_person,
    open_checklist,
    open_team,
    show_print_form,
)

CHECKLISTS = support.checklists()
MET, NOT_MET = say("met.true"), say("met.false")
# the other wordings the issue found for the same result; none may appear for a standard
OTHER_WORDS = re.compile(r"ผ่าน|ใช่")
STANDARDS = "action-plan-standards"
WIDTHS = [360, 1280]

pytestmark = pytest.mark.browser


def _fill(page: Any, site_url: str, width: int) -> Any:
    form = open_checklist(page, site_url, "self-check/action-plan.html", STANDARDS, width=width)
    fill_person(form)
    form.locator(f"#cl-{STANDARDS}-std1-yes").check()
    form.locator(f"#cl-{STANDARDS}-std2-no").check()
    return form


@pytest.mark.parametrize("width", WIDTHS)
def test_one_wording_for_a_result_on_page_print_csv_and_team_view(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    form = _fill(page, site_url, width)
    # 1. the checklist page
    assert form.locator('output[data-met-for="std1"]').inner_text() == MET
    assert form.locator('output[data-met-for="std2"]').inner_text() == NOT_MET
    # 2. the printed form
    printed_form = show_print_form(page, form)
    cells = printed_form.locator("[data-pf-answer]")
    printed = {c.get_attribute("data-pf-answer"): c.inner_text().strip() for c in cells.all()}
    assert (printed["std1"], printed["std2"]) == (MET, NOT_MET), printed
    whole_print = printed_form.inner_text()
    assert not OTHER_WORDS.search(whole_print), OTHER_WORDS.findall(whole_print)
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    # 3. the CSV
    got = download(page, form.locator('[data-action="export-csv"]'))
    rows = list(csv.reader(io.StringIO(Path(got.path()).read_text("utf-8-sig"))))
    by_id = {row[0]: row[-1] for row in rows if row and row[0]}
    assert (by_id["std1"], by_id["std2"]) == (MET, NOT_MET), by_id
    assert not any(OTHER_WORDS.search(cell) for row in rows for cell in row[2:]), rows
    # 4. the team view, from the JSON the same person exports
    exported = export_json(page, form, tmp_path)
    open_team(page, site_url, [exported])
    matrix = page.locator(support.TEAM_MATRIX)
    for details in page.locator(".sop-team-details").all():  # details on demand, all opened
        details.evaluate("d => { d.open = true; }")
    shown = matrix.inner_text()
    assert "ได้ตามมาตรฐาน" in shown, shown
    assert not OTHER_WORDS.search(shown), OTHER_WORDS.findall(shown)
    assert not page.watch.console_errors


def _steps_with_sub_items() -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (c.id, item.id, tuple(item.details))
        for c in CHECKLISTS.values()
        if c.kind == "steps"
        for item in c.items
        if item.details
    ]


def test_the_audit_has_step_items_with_sub_items() -> None:
    found = _steps_with_sub_items()
    assert len(found) >= 5, found
    # the source text of director step 1 ends with "ประกอบด้วย": the item must not
    for checklist_id, _, _ in found:
        for item in CHECKLISTS[checklist_id].items:
            assert not re.search(r"(ดังนี้|ประกอบด้วย)\s*$", item.text), (checklist_id, item.id)


@pytest.mark.parametrize("width", WIDTHS)
def test_step_items_show_their_sub_items_on_the_page_and_the_print(
    page: Any, site_url: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    by_page: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    for checklist_id, item_id, details in _steps_with_sub_items():
        by_page.setdefault(CHECKLISTS[checklist_id].procedure, []).append(
            (checklist_id, item_id, details)
        )
    for procedure, items in by_page.items():
        page.goto(site_url + f"self-check/{procedure}.html")
        for checklist_id, item_id, details in items:
            form = checklist_form(page, checklist_id)
            item = form.locator(f"li.sop-cl-item:has(input[data-item-id='{item_id}'])")
            lines = item.locator("ul.sop-cl-details > li")
            assert lines.count() == len(details), (checklist_id, item_id)
            assert lines.first.is_visible(), (checklist_id, item_id)  # shown, not folded away
            box = lines.last.bounding_box()
            assert box and box["width"] > 0 and box["x"] + box["width"] <= width + 1
            got = [re.sub(r"\s+", " ", t).strip() for t in lines.all_inner_texts()]
            assert got == [re.sub(r"\s+", " ", thai_digits(d)).strip() for d in details]
        # the printed form of the first checklist of the page with sub-items carries them too
        checklist_id = items[0][0]
        printed_form = show_print_form(page, checklist_form(page, checklist_id))
        text = re.sub(r"\s+", "", printed_form.inner_text())
        for _, _, details in (i for i in items if i[0] == checklist_id):
            for line in details:
                assert re.sub(r"\s+", "", thai_digits(line)) in text, (checklist_id, line)
        page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert not page.watch.console_errors
