"""Scoring of a checklist: progress, cumulative levels, met / not met, knowledge score.

Answers are plain values keyed by item id, exactly as a results file and the website keep them:

- step: ``true`` when ticked (anything else: not done);
- level statement of a cumulative standard, or a single standard: ``true`` (met) / ``false``
  (not met); missing or ``null`` is unanswered;
- question: an option id, or a list of option ids (multiple choice scores only on an exact set
  match);
- ``rows`` (personal indicators): a list of rows ``{indicator, target, evidence, result}``.

What an answer is and how each section scores come from :mod:`sop_helpers.checklists.kinds`.
``checklist.js`` implements the same rules; ``tests/vectors/scoring.json`` drives both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .checklists import Checklist, Item, Section
from .checklists.kinds import CHECKLIST_KINDS, answer_of, chosen, complete_row, rule_of


@dataclass(frozen=True)
class Progress:
    """Answered items over all items."""

    done: int
    total: int

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"


@dataclass(frozen=True)
class LevelScore:
    """The level reached on a cumulative standard and the statement missing for the next one."""

    standard: str
    level: int
    max_level: int
    next_missing: Item | None


@dataclass(frozen=True)
class KnowledgeScore:
    """Right answers over questions; ``questions`` maps id to right/wrong/unanswered (None)."""

    correct: int
    answered: int
    total: int
    questions: Mapping[str, bool | None]


@dataclass(frozen=True)
class Score:
    """Everything :func:`score` computes."""

    progress: Progress
    sections: Mapping[str, Progress]
    levels: Mapping[str, LevelScore]
    met: Mapping[str, bool | None]
    knowledge: KnowledgeScore | None

    def to_json(self) -> dict[str, Any]:
        """Plain form shared with the JavaScript scorer and the test vectors."""
        return {
            "progress": str(self.progress),
            "sections": {key: str(value) for key, value in self.sections.items()},
            "levels": {
                key: {
                    "level": value.level,
                    "max": value.max_level,
                    "next": value.next_missing.id if value.next_missing else None,
                }
                for key, value in self.levels.items()
            },
            "met": dict(self.met),
            "knowledge": None
            if self.knowledge is None
            else {
                "correct": self.knowledge.correct,
                "answered": self.knowledge.answered,
                "total": self.knowledge.total,
                "questions": dict(self.knowledge.questions),
            },
        }


def cumulative_level(statements: list[bool | None]) -> int:
    """Highest k such that statements 1..k all hold (0 when the first does not)."""
    level = 0
    for holds in statements:
        if holds is not True:
            break
        level += 1
    return level


def _section_progress(section: Section, answers: Mapping[str, Any], min_rows: int) -> Progress:
    if rule_of(section) == "rows":
        rows = answers.get("rows")
        rows = rows if isinstance(rows, list | tuple) else []
        return Progress(sum(1 for row in rows if complete_row(row)), max(min_rows, len(rows)))
    done = sum(1 for item in section.items if answer_of(item).answered(item, answers.get(item.id)))
    return Progress(done, len(section.items))


def score(checklist: Checklist, answers: Mapping[str, Any]) -> Score:
    """Score answers (item id -> value) against a checklist. Unknown ids are ignored."""
    sections: dict[str, Progress] = {}
    levels: dict[str, LevelScore] = {}
    met: dict[str, bool | None] = {}
    questions: dict[str, bool | None] = {}
    for section in checklist.sections:
        sections[section.id] = _section_progress(section, answers, checklist.min_rows)
        rule = rule_of(section)
        if rule == "level":
            holds = [answers.get(item.id) for item in section.items]
            level = cumulative_level(holds)
            following = section.items[level] if level < len(section.items) else None
            levels[section.id] = LevelScore(section.id, level, len(section.items), following)
        elif rule == "met":
            value = answers.get(section.items[0].id)
            met[section.id] = value if isinstance(value, bool) else None
        elif rule == "quiz":
            for item in section.items:
                picked = chosen(answers.get(item.id))
                questions[item.id] = (picked == frozenset(item.answer)) if picked else None
    knowledge = None
    if CHECKLIST_KINDS[checklist.kind].quiz:
        knowledge = KnowledgeScore(
            correct=sum(1 for v in questions.values() if v is True),
            answered=sum(1 for v in questions.values() if v is not None),
            total=len(questions),
            questions=questions,
        )
    total = Progress(
        sum(p.done for p in sections.values()), sum(p.total for p in sections.values())
    )
    return Score(total, sections, levels, met, knowledge)


__all__ = [
    "KnowledgeScore",
    "LevelScore",
    "Progress",
    "Score",
    "chosen",
    "complete_row",
    "cumulative_level",
    "score",
]
