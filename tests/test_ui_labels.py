"""Instructions name the buttons as the pages show them (reviewer, session 4: the team page did not
mention the "all my results" file staff can send).

The labels live once (``sop_helpers.checklist_html.LABELS``); pages quote them through the
``{sop-label}`` role, so a renamed button renames the instructions too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from sop_helpers.checklist_html import EXPORT_ALL, EXPORT_JSON, LABELS, SWITCH_PERSON

from .conftest import ROOT


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text("utf-8"), "html.parser")


def test_the_team_page_tells_staff_to_send_the_one_file_of_all_their_results(
    site_dir: Path,
) -> None:
    page = _soup(site_dir, "team/index.html")
    steps = page.select_one("section#id1 ol, article ol")
    assert steps is not None
    text = steps.get_text()
    # the bundle first, then the single files; both buttons named as the pages label them
    assert f'"{EXPORT_ALL}"' in text and f'"{EXPORT_JSON}"' in text
    assert text.index(EXPORT_ALL) < text.index(EXPORT_JSON)
    assert "ไฟล์เดียวที่มีผลทุกแบบ" in text
    # the step says where the button is: a link to the my-progress page
    assert any(a.get("href", "").endswith("self-check/index.html") for a in steps.select("a"))
    assert [s.get_text() for s in steps.select(".sop-ui-label")] == [EXPORT_ALL, EXPORT_JSON]


def test_no_page_types_a_buttons_label_by_hand() -> None:
    typed = [
        (str(path.relative_to(ROOT)), label)
        for path in (ROOT / "book").rglob("*.md")
        for label in LABELS.values()
        if label in path.read_text("utf-8")
    ]
    assert typed == [], "quote buttons with {sop-label}`key`: " + repr(typed)


def test_an_unknown_label_fails_the_build_naming_the_page(tmp_path: Path) -> None:
    from tests.fixture_project import build, handbook_pages, make_project

    pages = handbook_pages()
    pages["index"] = '# หน้าแรก\n\nกด "{sop-label}`export-everything`" ใต้ตาราง\n'
    src = make_project(tmp_path, pages)
    result = build(src, tmp_path / "out")
    assert result.returncode != 0
    assert re.search(r"index\.md:\d+: ?(WARNING: )?ไม่มีปุ่ม 'export-everything'", result.stderr), (
        result.stderr[-2000:]
    )


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_the_buttons_the_instructions_name_are_on_the_pages(
    site_url: str, page: Any, width: int
) -> None:
    from playwright.sync_api import expect

    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "team/index.html", wait_until="load")
    page.get_by_role("link", name=re.compile("ความคืบหน้าของฉัน")).first.click()
    page.wait_for_url(re.compile(r"self-check/index\.html"))
    # under the progress table: the bundle and the switch of person
    for label in (EXPORT_ALL, SWITCH_PERSON):
        expect(page.get_by_role("button", name=label, exact=True)).to_be_visible()
    page.goto(site_url + "self-check/action-plan.html", wait_until="load")
    expect(page.get_by_role("button", name=EXPORT_JSON, exact=True).first).to_be_visible()
    assert not page.watch.console_errors
