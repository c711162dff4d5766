"""The team page's file picker speaks Thai (reviewer, session 5: Chromium's own "Choose Files /
No file chosen" showed in English). A Thai label shaped as a button opens the visually hidden
input, from the mouse or the keyboard, at least 44 px tall; a Thai line names the chosen files
(or says none is chosen yet), at 360 and 1,280 px. Its words are sop_helpers.wording.TEXTS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sop_helpers.thai import thai_digits
from sop_helpers.wording import TEXTS, say

from .support import ROOT, open_team

SAMPLES = sorted((ROOT / "book" / "data" / "sample" / "team").glob("*.json"))
SHOTS = Path("/tmp/sop-file-picker-shots")

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [360, 1280])
def test_team_file_picker_is_a_thai_button_naming_the_chosen_files(
    page: Any, site_url: str, width: int
) -> None:
    open_team(page, site_url, width=width)
    pick = page.locator(".sop-team-pick")
    button = pick.locator("label", has_text=TEXTS["team.pick"])
    assert button.inner_text().strip() == TEXTS["team.pick"]
    box = button.bounding_box()
    assert box is not None and box["height"] >= 44, box
    # the input is named by the Thai label and takes no room (its English words never show)
    picker = page.get_by_label(TEXTS["team.pick"])
    assert picker.get_attribute("type") == "file" and picker.get_attribute("id") == "sop-team-files"
    native = picker.bounding_box()
    assert native is not None and native["width"] <= 1 and native["height"] <= 1, native
    chosen = pick.locator(".sop-team-chosen")
    assert chosen.inner_text() == TEXTS["team.chosen.none"] == "ยังไม่ได้เลือกไฟล์"
    described = picker.get_attribute("aria-describedby") or ""
    assert "sop-team-chosen" in described.split()
    SHOTS.mkdir(exist_ok=True)
    pick.screenshot(path=str(SHOTS / f"team-picker-{width}.png"))

    # reached from the keyboard; the focus shows on the visible label; Space opens it
    page.evaluate("document.activeElement && document.activeElement.blur()")
    picker.focus()
    assert page.evaluate("document.activeElement.id") == "sop-team-files"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "sop-team-files"
    assert button.evaluate("l => getComputedStyle(l).outlineStyle") != "none"
    picker.evaluate(
        "i => i.addEventListener('click', e => { window.sopPickerClicked = true;"
        " e.preventDefault(); }, {once: true})"
    )
    page.keyboard.press("Space")
    assert page.evaluate("window.sopPickerClicked === true")

    # two rounds of files: the line names every file read so far, in Thai digits
    page.set_input_files("#sop-team-files", [str(p) for p in SAMPLES[:2]])
    names = sorted(p.name for p in SAMPLES[:2])
    first = say("team.chosen", count=2, files=", ".join(names))
    page.wait_for_function(
        "t => document.querySelector('.sop-team-chosen').textContent === t", arg=first
    )
    assert thai_digits("2") in first
    page.set_input_files("#sop-team-files", [str(SAMPLES[2])])
    names = sorted(p.name for p in SAMPLES[:3])
    page.wait_for_function(
        "t => document.querySelector('.sop-team-chosen').textContent === t",
        arg=say("team.chosen", count=3, files=", ".join(names)),
    )
    pick.screenshot(path=str(SHOTS / f"team-picker-chosen-{width}.png"))
    # clearing the list says so again
    page.locator(".sop-team-clear").click()
    assert chosen.inner_text() == TEXTS["team.chosen.none"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not page.watch.console_errors
