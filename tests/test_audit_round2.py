"""Audit, second round (session 5): defects found on the built site, each tested from the user's
side (Chromium at 360 and 1,280 px where it is a page matter), each failing before its fix.

- D1: the checklist's progress line says the kind's progress words and the quiz's result in the
  one wording (decision 3: "ตอบแล้ว ๑๐ จาก ๑๐ ข้อ", "ถูก ๖ จาก ๑๐ ข้อ"), never "๑๐/๑๐" or
  "คะแนน ๗/๑๐"; the line without scripts and the scripted line agree.
- D2: in a checklist's person box, the label "วันที่" and its date sit on one line.
- D3: saved answers that no longer fit are named as the page shows the items ("๒. <text>",
  removed items counted), never by internal id ("s2", "gone"); with the same version, no
  version sentence. Python names them by the same rule (results.read.item_names).
- F3: a .csv (the page's Excel export) given to import says plainly that CSV files cannot be
  imported, only the .json results files the pages export: checklist page, team page, Python.
- D4: the team view dates a file by its day in Thailand (+07:00), not the day of the offset the
  file wrote: saved 2026-11-20T20:00Z is 21 November there; Python and the page, one vector.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from sop_helpers._errors import ResultsError
from sop_helpers.results import load_results
from sop_helpers.results.read import item_names
from sop_helpers.team import collect, matrix_table, team_matrix
from sop_helpers.thai import thai_digits
from sop_helpers.wording import TEXTS, say

from . import support
from .support import (
    answer_quiz,
    open_checklist,
    open_team,
    results_file,
    send_quiz,
    write_files,
)

PROCEDURES = support.procedures()
CHECKLISTS = support.checklists()
QUIZ = CHECKLISTS["director-knowledge"]
FORM = 'form[data-checklist-id="director-knowledge"]'
PAGE = "self-check/director.html"
WIDTHS = [360, 1280]
SHOTS = Path("/tmp/sop-audit2-shots")


def _line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_quiz_progress_line_says_the_decided_words(
    browser: Any, page: Any, site_url: str, width: int
) -> None:
    total = len(QUIZ.items)
    unsent = _line(
        thai_digits(say("answered", done=0, total=total)) + " · " + say("quiz.unsubmitted")
    )

    bare = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    try:
        nojs = bare.new_page()
        nojs.goto(site_url + PAGE)
        static = _line(nojs.locator(FORM + " .sop-cl-progress").inner_text())
    finally:
        bare.close()
    assert static == unsent

    form = open_checklist(page, site_url, PAGE, QUIZ.id, width=width)
    line = form.locator(".sop-cl-progress")
    assert _line(line.inner_text()) == static  # the scripted line agrees with the static one

    answer_quiz(form, QUIZ, 6)
    send_quiz(form)
    sent = _line(
        thai_digits(
            say("answered", done=total, total=total) + " · " + say("quiz", correct=6, total=total)
        )
    )
    assert _line(line.inner_text()) == sent
    assert "/" not in line.inner_text() and "คะแนน" not in line.inner_text()
    SHOTS.mkdir(exist_ok=True)
    form.locator(".sop-cl-progress").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"audit2-quiz-sent-{width}.png"))
    assert not page.watch.console_errors


def _file(answers: dict[str, Any], when: dt.datetime) -> bytes:
    return results_file("action-plan-steps", answers, when=when)


# the newer file saved at 20:00 UTC on 20 Nov = 03:00 on 21 Nov in Thailand
SAVED = dt.datetime(2026, 11, 20, 20, 0, tzinfo=dt.UTC)
DAY_FILES = [
    ("a-older.json", _file({"s1": True}, dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC))),
    ("b-newer.json", _file({"s1": True, "s2": True}, SAVED)),
]
THAI_DAY = "21 พ.ย. 69"


def test_the_vector_is_written_in_utc() -> None:
    assert json.loads(DAY_FILES[1][1])["updated"].startswith("2026-11-20T20:00:00")


def test_python_dates_the_newer_file_by_its_day_in_thailand() -> None:
    entries, rejected = collect(DAY_FILES, CHECKLISTS)
    assert [r.file for r in rejected] == ["a-older.json"]
    assert THAI_DAY in rejected[0].reason and "20 พ.ย." not in rejected[0].reason
    row = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0]
    assert row[say("team.sent")] == [THAI_DAY]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_team_page_dates_the_newer_file_by_its_day_in_thailand(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    open_team(page, site_url, write_files(tmp_path, DAY_FILES), width=width)
    text = page.locator(".sop-team-output").inner_text()
    _, rejected = collect(DAY_FILES, CHECKLISTS)
    assert thai_digits(rejected[0].reason) in text  # the page says Python's reason word for word
    assert thai_digits(THAI_DAY) in text and thai_digits("20 พ.ย. 69") not in text
    assert not page.watch.console_errors


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_date_label_and_date_sit_on_one_line(page: Any, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "self-check/action-plan.html")
    box = page.locator("form.sop-checklist .sop-cl-person").first
    box.locator("output[data-date]").wait_for(state="attached")
    page.wait_for_function(
        "() => document.querySelector('form.sop-checklist .sop-cl-date output').textContent.trim()"
    )
    lines = page.evaluate(
        """() => {
          const span = document.querySelector('form.sop-checklist .sop-cl-date');
          const label = document.createRange();
          label.selectNodeContents(span.firstChild);
          const out = span.querySelector('output').getBoundingClientRect();
          const l = [...label.getClientRects()];
          return {label: l.map(r => [r.top, r.bottom]), out: [out.top, out.bottom],
                  rects: span.getClientRects().length};
        }"""
    )
    assert len(lines["label"]) == 1 and lines["rects"] == 1, lines
    (top, bottom), (otop, obottom) = lines["label"][0], lines["out"]
    assert otop < bottom and top < obottom, lines  # the two boxes overlap vertically: one line
    assert not page.watch.console_errors


CSV_TEXT = "รหัส,รายการ,ผล\r\n,ผู้ประเมิน,นางสาวสมหญิง ใจดี\r\n"


def test_python_says_a_csv_cannot_be_imported(tmp_path: Path) -> None:
    path = tmp_path / "แผน_นางสาวสมหญิง-ใจดี_2569-12-02.csv"
    path.write_text(CSV_TEXT, encoding="utf-8-sig")
    with pytest.raises(ResultsError) as got:
        load_results(path, CHECKLISTS["action-plan-steps"])
    assert got.value.message == TEXTS["import.csv"] and "CSV" in got.value.message
    _, rejected = collect([(path.name, path.read_bytes())], CHECKLISTS)
    assert [r.reason for r in rejected] == [TEXTS["import.csv"]]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_checklist_and_team_pages_say_a_csv_cannot_be_imported(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    path = tmp_path / "แผน_นางสาวสมหญิง-ใจดี_2569-12-02.csv"
    path.write_text(CSV_TEXT, encoding="utf-8-sig")
    form = open_checklist(
        page, site_url, "self-check/action-plan.html", "action-plan-steps", width=width
    )
    form.locator('input[type="file"][data-action="import"]').set_input_files(str(path))
    said = form.locator(".sop-cl-messages")
    said.filter(has_text="นำเข้าไฟล์").wait_for()  # whatever it says
    assert TEXTS["import.csv"] in said.inner_text()
    assert "ไม่ใช่ JSON" not in said.inner_text()

    open_team(page, site_url, [path], wait_for=None)
    page.locator(".sop-team-output table").filter(has_text=path.name).first.wait_for()
    text = page.locator(".sop-team-output").inner_text()
    assert TEXTS["import.csv"] in text and "ไม่ใช่ JSON" not in text
    assert not page.watch.console_errors


STEPS = CHECKLISTS["action-plan-steps"]


def _saved_with_misfits() -> str:
    data = json.loads(_file({"s1": True, "s2": True}, SAVED))
    data["answers"]["s2"]["hash"] = "f" * 16  # its text changed since
    data["answers"]["gone"] = {"value": True, "hash": "0" * 16, "at": data["updated"]}  # removed
    return json.dumps(data, ensure_ascii=False)


def test_python_names_misfit_items_as_the_page_shows_them() -> None:
    s2 = STEPS.item("s2")
    assert item_names(STEPS, ["s2", "gone"]) == [
        f"{s2.number}. {s2.text}",
        thai_digits(say("item.gone", count=1)),
    ]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_saved_answers_message_names_items_not_ids(page: Any, site_url: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "self-check/action-plan.html")
    page.evaluate(
        "v => localStorage.setItem('sop-checklist:action-plan-steps', v)", _saved_with_misfits()
    )
    page.reload()
    form = page.locator('form[data-checklist-id="action-plan-steps"]')
    said = form.locator(".sop-cl-messages")
    said.filter(has_text="ล้าง").wait_for()
    text = said.inner_text()
    for name in item_names(STEPS, ["s2", "gone"]):
        assert thai_digits(name)[:80] in text, text  # a long text is cut at 80 (SopCore.shortList)
    assert "gone" not in text and "s2" not in text, text
    assert "ฉบับที่" not in text, text  # the version is the same: no version sentence
    assert form.locator("#cl-action-plan-steps-s1-done").is_checked()
    assert not page.watch.console_errors
