"""The knowledge checks test something: enough questions, both kinds, a wrong option in each."""

from __future__ import annotations

import pytest

from . import support

PROCEDURES = support.procedures()
QUIZZES = {c.procedure: c for c in support.checklists().values() if c.kind == "knowledge"}


def test_every_procedure_has_a_quiz() -> None:
    assert set(QUIZZES) == set(PROCEDURES)


@pytest.mark.parametrize("procedure", list(PROCEDURES))
def test_quiz_has_eight_questions_of_both_kinds(procedure: str) -> None:
    items = QUIZZES[procedure].items
    assert len(items) >= 8
    assert any(q.multiple for q in items) and any(not q.multiple for q in items)


@pytest.mark.parametrize("procedure", list(PROCEDURES))
def test_each_question_has_distractors_and_cites_the_procedure(procedure: str) -> None:
    for q in QUIZZES[procedure].items:
        wrong = [o for o in q.options if o.id not in q.answer]
        assert len(q.options) >= 3 and wrong, q.id  # a wrong option to tell knowing from guessing
        assert len({o.text for o in q.options}) == len(q.options), q.id
        assert q.details, f"{q.id}: name the steps the question is drawn from"
        assert q.explanation.strip(), q.id
        # the corrected source: no distractor from another province's template (erratum E1)
        assert all("ลำพูน" not in o.text for o in q.options), q.id
