"""Reviewer findings on the team view, "my progress" and imports, checked as their users meet them.

- A standard nobody answered is "ยังไม่ได้ประเมิน" (not assessed) in the team view, never
  "ระดับ ๐" and never "ควรได้รับการสนับสนุน": in Python (team.py) and on the page (team-matrix.js).
- "My progress" says "ได้ตามมาตรฐาน N จาก M ข้อ" for the standards judged met / not met.
- A file of another checklist is refused naming both checklists by their Thai titles, not ids.
- Every Thai text the scripts show comes from the page's one wording table: a word changed in
  that table is what the reader sees.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import ResultsError, parse_results
from sop_helpers.team import collect, matrix_table, needs_support, standard_cells, team_matrix
from sop_helpers.wording import TEXTS, say

from . import support
from .support import open_checklist, open_team, results_file, team_lines, write_files

TZ = dt.timezone(dt.timedelta(hours=7))
SHOTS = Path("/tmp/sop-kinds-shots")
CHECKLISTS = support.checklists()
PROCEDURES = support.procedures()
DIRECTOR = PROCEDURES["director"].short_title


def _file(cid: str, answers: dict[str, Any], name: str = "นายกิตติ อ่อนน้อม") -> bytes:
    return results_file(cid, answers, name=name, when=dt.datetime(2026, 11, 20, 9, tzinfo=TZ))


# std1 answered up to level 1 (then a "not true"), std2 and std4 (levels) untouched, std3 (single)
# untouched: only std1 is assessed.
PARTLY = {"std1.1": True, "std1.2": False}


def test_an_unanswered_standard_is_not_assessed_in_the_python_team_view() -> None:
    entries, rejected = collect([("k.json", _file("director-standards", PARTLY))], CHECKLISTS)
    assert rejected == []
    cell = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0][DIRECTOR]
    assert cell == [
        "มาตรฐานข้อ ๑: ระดับ ๑ จาก ๕",
        "มาตรฐานข้อ ๒: ยังไม่ได้ประเมิน",
        "มาตรฐานข้อ ๓: ยังไม่ได้ประเมิน",  # the single standard left blank: not "0 of 1 met"
        "มาตรฐานข้อ ๔: ยังไม่ได้ประเมิน",  # standards by their number (5th review)
        "ควรได้รับการสนับสนุน: มาตรฐานข้อ ๑",  # only the one assessed below level 3
    ]
    assert not any("ระดับ ๐" in line for line in cell)
    # the per-file table of the notebook says the same
    (entry,) = entries
    cells = standard_cells(entry)
    titles = {s.id: s.title for s in CHECKLISTS["director-standards"].sections}
    assert cells[titles["std2"]] == cells[titles["std4"]] == TEXTS["met.none"] == "ยังไม่ได้ประเมิน"
    assert needs_support(entry) == [titles["std1"]]


def test_a_standard_answered_not_true_still_counts_as_level_0() -> None:
    # assessed, and the first statement not true: level 0, and it needs support
    entries, _ = collect([("k.json", _file("director-standards", {"std2.1": False}))], CHECKLISTS)
    cell = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0][DIRECTOR]
    assert "มาตรฐานข้อ ๒: ระดับ ๐ จาก ๕" in cell
    assert cell[-1] == "ควรได้รับการสนับสนุน: มาตรฐานข้อ ๒"


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_the_team_page_says_not_assessed_as_python_does(
    site_url: str, page: Any, tmp_path: Path, width: int
) -> None:
    files = [("k.json", _file("director-standards", PARTLY))]
    files.append(("m.json", _file("director-standards", {"std2.1": False}, "นางมาลี ใจดี")))
    paths = write_files(tmp_path, files)
    entries, _ = collect(files, CHECKLISTS)
    expected = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)
    open_team(page, site_url, paths, width=width)
    shown = [row[DIRECTOR] for row in team_lines(page, [DIRECTOR])]
    assert shown == [row[DIRECTOR] for row in expected]
    kitti = shown[0]
    assert "มาตรฐานข้อ ๒: ยังไม่ได้ประเมิน" in kitti and "มาตรฐานข้อ ๔: ยังไม่ได้ประเมิน" in kitti
    assert not any("ระดับ ๐" in line for line in kitti)
    assert kitti[-1] == "ควรได้รับการสนับสนุน: มาตรฐานข้อ ๑"
    SHOTS.mkdir(exist_ok=True)
    page.locator(".sop-team-box").screenshot(path=str(SHOTS / f"team-not-assessed-{width}.png"))
    assert not page.watch.console_errors


def test_python_names_another_checklist_by_its_title() -> None:
    data = json.loads(_file("action-plan-steps", {"s1": True}))
    titles = {k: c.title for k, c in CHECKLISTS.items()}
    with pytest.raises(ResultsError) as info:
        parse_results(data, CHECKLISTS["director-standards"], titles=titles)
    message = info.value.message
    assert CHECKLISTS["action-plan-steps"].title in message
    assert CHECKLISTS["director-standards"].title in message
    assert "action-plan-steps" not in message.split(":", 1)[1]  # the place may name the field
    assert info.value.key == "other_checklist"


@pytest.mark.browser
def test_the_page_names_another_checklist_by_its_title(
    site_url: str, page: Any, tmp_path: Path
) -> None:
    path = tmp_path / "แผนปฏิบัติการ-ขั้นตอน_กิตติ_2569-11-20.json"
    path.write_bytes(_file("action-plan-steps", {"s1": True}))
    form = open_checklist(page, site_url, "self-check/director.html", "director-standards")
    form.locator('input[data-action="import"]').set_input_files(str(path))
    messages = form.locator(".sop-cl-messages")
    messages.filter(has_text="ไม่ได้:").wait_for()
    text = messages.inner_text()
    assert CHECKLISTS["action-plan-steps"].title in text
    assert CHECKLISTS["director-standards"].title in text
    assert not re.search(r"'[a-z-]+'", text), text  # no id in quotes
    # the same words as Python's
    titles = {k: c.title for k, c in CHECKLISTS.items()}
    with pytest.raises(ResultsError) as info:
        parse_results(
            json.loads(path.read_bytes()), CHECKLISTS["director-standards"], titles=titles
        )
    assert text == say("import.failed", file=path.name, message=info.value.message)
    messages.screenshot(path=str(_shots() / "import-other-checklist.png"))
    assert not page.watch.console_errors


def _shots() -> Path:
    SHOTS.mkdir(exist_ok=True)
    return SHOTS


@pytest.mark.browser
def test_the_scripts_say_what_the_pages_wording_table_says(site_url: str, page: Any) -> None:
    """Change the words in the page's table (as an edit of wording.py would): the quiz, the level
    hint and "my progress" show the changed words, so no script keeps its own copy."""

    def reword(route: Any) -> None:
        response = route.fetch()
        html = response.text()

        def change(match: re.Match[str]) -> str:
            table = json.loads(match.group(2))
            changed = {
                k: "«" + v + "»" if "{" not in v else v.replace(" ", " ~ ", 1)
                for k, v in table.items()
            }
            return match.group(1) + json.dumps(changed, ensure_ascii=False) + match.group(3)

        html = re.sub(
            r'(<script[^>]*class="sop-wording"[^>]*>)(.*?)(</script>)', change, html, flags=re.S
        )
        route.fulfill(response=response, body=html)

    page.route("**/self-check/*.html", reword)
    quiz = open_checklist(page, site_url, "self-check/director.html", "director-knowledge")
    submit = quiz.locator('[data-action="quiz-submit"]')
    assert submit.inner_text() == "«" + TEXTS["quiz.submit"] + "»"
    assert quiz.locator(".sop-cl-quiz-state").inner_text() == "«" + TEXTS["quiz.unsubmitted"] + "»"
    standards = page.locator('form[data-checklist-id="director-standards"]')
    hint = standards.locator('[data-next-for="std1"]')
    assert " ~ " in hint.inner_text()  # "สิ่งที่ขาดสำหรับ ~ ระดับ ๑: ..." from the changed table
    standards.locator("#cl-director-standards-std3-yes").check()
    page.goto(site_url + "self-check/index.html")
    cell = page.locator('[data-saved-for="director-standards"]')
    page.wait_for_function(
        "() => document.querySelector('[data-saved-for=\"director-standards\"]').dataset.progress"
    )
    assert " ~ " in cell.inner_text()
    assert (
        page.locator('[data-action="export-all"]').inner_text() == "«" + TEXTS["mine.export"] + "»"
    )
    assert not page.watch.console_errors
