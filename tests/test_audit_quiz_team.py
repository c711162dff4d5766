"""Audit of issue 16 part 1 (session 5): "the score and attempt count go into the results file and
the team view". The earlier tests check the results file (tests/test_quiz_browser.py) and a quiz
score computed in Python (tests/test_team_matrix.py), but no test followed a real attempt from the
quiz page to the director's team page. Here, in Chromium at 360 and 1,280 px, a staff member sends
the quiz, exports, the director loads the file; then "ทำใหม่" and a second export. The team page
must show the SENT score and the attempt count, say "ยังไม่ได้ส่งคำตอบ" (no score) for an attempt
not yet sent, and say exactly what Python's ``team.matrix_table`` says for the same file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import load_checklists, load_procedures
from sop_helpers.team import collect, matrix_table, team_matrix
from sop_helpers.thai import thai_digits
from sop_helpers.wording import say

ROOT = Path(__file__).resolve().parents[1]
PROCEDURES = load_procedures(ROOT / "book" / "data" / "procedures")
CHECKLISTS = load_checklists(ROOT / "checklists", PROCEDURES)
QUIZ = CHECKLISTS["director-knowledge"]
FORM = 'form[data-checklist-id="director-knowledge"]'
COLUMN = PROCEDURES["director"].short_title
RIGHT = 6

pytestmark = pytest.mark.browser


def _answer(form: Any, right: int) -> None:
    for n, q in enumerate(QUIZ.items):
        ids = (
            list(q.answer) if n < right else [next(o.id for o in q.options if o.id not in q.answer)]
        )
        for o in q.options:
            box = form.locator(f"#cl-director-knowledge-{q.id}-o-{o.id}")
            if o.id in ids:
                box.check()
            elif q.multiple:
                box.uncheck()


def _export(page: Any, form: Any, target: Path) -> Path:
    with page.expect_download() as got:
        form.locator('[data-action="export-json"]').click()
    got.value.save_as(target)
    return target


def _team_cell(page: Any, site_url: str, path: Path) -> list[str]:
    page.goto(site_url + "team/index.html", wait_until="networkidle")
    page.set_input_files("#sop-team-files", [str(path)])
    matrix = page.locator(".sop-team-output table.sop-team-matrix")
    matrix.wait_for()
    heads = matrix.locator("thead th").all_inner_texts()
    column = [h.strip() for h in heads].index(COLUMN)
    cell = matrix.locator("tbody tr").first.locator("th, td").nth(column)
    return cell.locator(":scope > .sop-team-line").all_text_contents()


def _python_cell(path: Path) -> list[str]:
    entries, rejected = collect([(path.name, path.read_bytes())], CHECKLISTS)
    assert rejected == [], rejected
    row = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0]
    return [thai_digits(line) for line in row[COLUMN]]


@pytest.mark.parametrize("width", [360, 1280])
def test_sent_score_and_attempts_reach_the_team_view(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + "self-check/director.html")
    form = page.locator(FORM)
    form.locator(".sop-cl-tools").wait_for(state="visible")
    form.locator('input[data-person="name"]').fill("นางสาวสมหญิง ใจดี")
    form.locator('input[data-person="position"]').fill("นักวิเคราะห์นโยบายและแผน")
    _answer(form, RIGHT)
    form.locator('[data-action="quiz-submit"]').click()
    form.locator('[data-action="quiz-retry"]').wait_for(state="visible")
    sent = _export(page, form, tmp_path / "sent.json")
    assert json.loads(sent.read_text("utf-8"))["quiz"]["submitted"] is True

    # "ทำใหม่", then one answer changed and exported before sending again
    page.once("dialog", lambda d: d.accept())
    form.locator('[data-action="quiz-retry"]').click()
    first = QUIZ.items[0]
    form.locator(f"#cl-director-knowledge-{first.id}-o-{first.answer[0]}").check()
    again = _export(page, form, tmp_path / "again.json")
    quiz = json.loads(again.read_text("utf-8"))["quiz"]
    assert (quiz["submitted"], quiz["attempts"]) == (False, 1), quiz

    score = thai_digits(say("quiz", correct=RIGHT, total=len(QUIZ.items)))
    attempts = thai_digits(say("quiz.attempts", attempts=1))
    shown = _team_cell(page, site_url, sent)
    assert score in shown and attempts in shown, shown
    assert shown == _python_cell(sent)

    shown = _team_cell(page, site_url, again)
    assert say("quiz.unsubmitted") in shown and attempts in shown, shown
    assert not any(line.startswith("ถูก ") for line in shown), shown  # no score of an open attempt
    assert shown == _python_cell(again)
    assert not page.watch.console_errors
