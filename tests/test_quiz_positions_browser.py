"""On the built site, a reader who ticks the same letter (ก. everywhere, or the last letter
everywhere) and submits scores at most 3 of 10 in every quiz (issue 16, part 1)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from sop_helpers.thai import arabic_digits

from . import support
from .support import open_checklist, self_check_page, send_quiz

QUIZZES = sorted(c.id for c in support.checklists().values() if c.kind == "knowledge")

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("pick", ["first", "last"])
@pytest.mark.parametrize("quiz_id", QUIZZES)
def test_one_letter_everywhere_scores_at_most_3(
    page: Any, site_url: str, quiz_id: str, pick: str
) -> None:
    form = open_checklist(page, site_url, self_check_page(quiz_id), quiz_id, width=1280)
    questions = form.locator("li.sop-cl-question")
    assert questions.count() == 10
    for n in range(questions.count()):
        labels = questions.nth(n).locator("label")
        label = labels.first if pick == "first" else labels.last
        # What the reader sees: the letter in front of the option they tick.
        letter = label.inner_text().strip().split(".")[0]
        assert (letter == "ก") if pick == "first" else letter in "ขคงจฉ"
        label.locator("input").check()
    send_quiz(form)
    summary = form.locator("text=/ถูก .+ จาก .+ ข้อ/").first
    summary.wait_for(state="visible")
    found = re.search(r"ถูก (\S+) จาก (\S+) ข้อ", summary.inner_text())
    assert found, summary.inner_text()
    right, total = (int(arabic_digits(g)) for g in found.groups())
    assert total == 10 and right <= 3, (quiz_id, pick, right)
    assert not page.watch.console_errors
