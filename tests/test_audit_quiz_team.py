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

from sop_helpers.team import collect, matrix_table, team_matrix
from sop_helpers.thai import thai_digits
from sop_helpers.wording import say

from . import support
from .support import answer_quiz, export_json, fill_person, open_checklist, open_team, send_quiz

PROCEDURES = support.procedures()
CHECKLISTS = support.checklists()
QUIZ = CHECKLISTS["director-knowledge"]
COLUMN = PROCEDURES["director"].short_title
RIGHT = 6

pytestmark = pytest.mark.browser


def _team_cell(page: Any, site_url: str, path: Path) -> list[str]:
    open_team(page, site_url, [path])
    return support.team_lines(page, [COLUMN])[0][COLUMN]


def _python_cell(path: Path) -> list[str]:
    entries, rejected = collect([(path.name, path.read_bytes())], CHECKLISTS)
    assert rejected == [], rejected
    row = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0]
    return [thai_digits(line) for line in row[COLUMN]]


@pytest.mark.parametrize("width", [360, 1280])
def test_sent_score_and_attempts_reach_the_team_view(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    form = open_checklist(page, site_url, "self-check/director.html", QUIZ.id, width=width)
    fill_person(form)
    answer_quiz(form, QUIZ, RIGHT)
    send_quiz(form)
    sent = export_json(page, form, tmp_path / "sent.json")
    assert json.loads(sent.read_text("utf-8"))["quiz"]["submitted"] is True

    # "ทำใหม่", then one answer changed and exported before sending again
    page.once("dialog", lambda d: d.accept())
    form.locator('[data-action="quiz-retry"]').click()
    first = QUIZ.items[0]
    form.locator(f"#cl-director-knowledge-{first.id}-o-{first.answer[0]}").check()
    again = export_json(page, form, tmp_path / "again.json")
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
