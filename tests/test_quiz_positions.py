"""A quiz cannot be passed by position (issue 16, part 1): the right answers are spread over the
options as the reader sees them (ก. ข. ค. ..., the order written in the files), so ticking the same
letter everywhere scores little; moving options does not clear a saved answer.

Scored with the handbook's own scorer, as a reader's answers would be. The same strategy is tried
on the built site in tests/test_quiz_browser.py.
"""

from __future__ import annotations

from collections import Counter

import pytest

from sop_helpers.checklists.model import Item
from sop_helpers.scoring import score

from . import support

QUIZZES = {c.id: c for c in support.checklists().values() if c.kind == "knowledge"}


def _by_position(quiz_id: str, pick: int) -> int:
    """Score of a reader who ticks only the option at ``pick`` (0 first, -1 last) everywhere."""
    quiz = QUIZZES[quiz_id]
    answers = {q.id: _answer(q, q.options[pick].id) for q in quiz.items}
    knowledge = score(quiz, answers).knowledge
    assert knowledge is not None and knowledge.answered == len(quiz.items)
    return knowledge.correct


def _answer(question: Item, option: str) -> str | list[str]:
    return [option] if question.multiple else option


def _key_positions(quiz_id: str) -> Counter[int]:
    """Where the key of each single-answer question is shown (0 = ก.)."""
    return Counter(
        next(i for i, o in enumerate(q.options) if o.id == q.answer[0])
        for q in QUIZZES[quiz_id].items
        if not q.multiple
    )


def test_there_are_quizzes() -> None:
    assert len(QUIZZES) == 4 and all(len(q.items) == 10 for q in QUIZZES.values())


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
@pytest.mark.parametrize("pick", [0, 1, 2, -1], ids=["first", "second", "third", "last"])
def test_ticking_one_letter_everywhere_scores_at_most_3(quiz_id: str, pick: int) -> None:
    assert _by_position(quiz_id, pick) <= 3


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_no_position_holds_more_than_40_percent_of_the_keys(quiz_id: str) -> None:
    positions = _key_positions(quiz_id)
    singles = sum(positions.values())
    assert max(positions.values()) <= 0.4 * singles, dict(positions)
    # Over the multi-answer questions too: the wrong options are not always the last ones.
    for q in QUIZZES[quiz_id].items:
        if q.multiple:
            wrong = [i for i, o in enumerate(q.options) if o.id not in q.answer]
            assert wrong != list(range(len(q.options) - len(wrong), len(q.options))), q.id


def test_all_quizzes_together_spread_the_keys() -> None:
    total: Counter[int] = Counter()
    for quiz_id in QUIZZES:
        total += _key_positions(quiz_id)
    assert max(total.values()) <= 0.3 * sum(total.values()), dict(total)


@pytest.mark.parametrize("quiz_id", sorted(QUIZZES))
def test_the_longest_option_is_not_a_tell(quiz_id: str) -> None:
    """A reader who always picks the longest option does no better than by position."""
    quiz = QUIZZES[quiz_id]
    answers = {q.id: _answer(q, max(q.options, key=lambda o: len(o.text)).id) for q in quiz.items}
    knowledge = score(quiz, answers).knowledge
    assert knowledge is not None and knowledge.correct <= 5


def test_the_hash_ignores_the_order_options_are_shown_in() -> None:
    """Moving an option (its id and text kept) keeps a saved answer; changing its text does not."""
    from sop_helpers.checklists.build import _question_text
    from sop_helpers.checklists.files import Question

    data = {
        "id": "q1",
        "type": "single",
        "question": "ใครให้ความเห็นชอบ",
        "options": [{"id": "a", "text": "กศจ.พะเยา"}, {"id": "b", "text": "ผอ.สพป."}],
        "answer": ["a"],
        "explanation": "ขั้นตอนที่ ๕",
    }
    moved = {**data, "options": list(reversed(data["options"]))}
    reworded = {**data, "options": [data["options"][0], {"id": "b", "text": "สพฐ."}]}
    text = _question_text(Question.model_validate(data))
    assert _question_text(Question.model_validate(moved)) == text
    assert _question_text(Question.model_validate(reworded)) != text
