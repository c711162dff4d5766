"""Every kind of checklist, section and item, declared once; every view reads these tables.

Three levels, each one table:

- :data:`ANSWERS`: what an answer is (``tick``, ``yes-no``, ``choice``, ``rows``): when it counts
  as answered, which values a results file may hold, and what the page says it is;
- :data:`ITEM_KINDS`: each item kind (``step``, ``statement``, ...) names its answer type;
- :data:`SECTION_KINDS`: each section kind names its scoring rule (``progress``, ``level``,
  ``met``, ``quiz``, ``rows``);
- :data:`CHECKLIST_KINDS`: each kind of checklist file: its file model, how its sections are
  built from the data, its Thai label, its CSV export columns.

Scoring, results, the HTML form, the widget and the team view dispatch on an answer type or a
scoring rule taken from here, never on a kind's name. The browser gets the same through each
checklist model (``Checklist.to_json()``: :func:`checklist_meta` at the top, each section's
``score``, :func:`item_meta` on each item), so its scripts hold no kind name either;
:func:`kinds_json` is the whole table at once. Adding a kind that reuses an answer type and a
scoring rule is entries here (or :func:`register`), its file model and its builder
(``checklists/README.md``); no script changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..wording import STEP, answer
from . import build
from .files import (
    IndicatorsFile,
    KnowledgeFile,
    OnboardingFile,
    StandardsFile,
    StepsFile,
    _Common,
)
from .model import INDICATOR_COLUMNS, Item, Section

AnswerType = Literal["tick", "yes-no", "choice", "rows"]
ScoreRule = Literal["progress", "level", "met", "quiz", "rows"]


def chosen(value: Any) -> frozenset[str]:
    """The set of option ids an answer to a question chose."""
    if isinstance(value, str):
        return frozenset([value]) if value else frozenset()
    if isinstance(value, list | tuple):
        return frozenset(v for v in value if isinstance(v, str))
    return frozenset()


def complete_row(row: Any) -> bool:
    """A personal-indicators row with every column filled in."""
    return isinstance(row, Mapping) and all(
        isinstance(row.get(key), str) and row.get(key, "").strip() for key, _ in INDICATOR_COLUMNS
    )


def _option_ids(item: Item, value: Any) -> bool:
    options = {o.id for o in item.options}
    picked = (value,) if isinstance(value, str) else value
    return (
        isinstance(picked, tuple | list)
        and (item.multiple or len(picked) <= 1)  # one option unless the question takes several
        and all(isinstance(v, str) and v in options for v in picked)
    )


def _rows(item: Item, value: Any) -> bool:
    columns = {key for key, _ in INDICATOR_COLUMNS}
    return isinstance(value, tuple | list) and all(
        (isinstance(row, Mapping) and set(row) <= columns)
        or (hasattr(row, "model_dump") and set(row.model_dump()) <= columns)
        for row in value
    )


@dataclass(frozen=True)
class Answer:
    """What an answer of one type is."""

    name: AnswerType
    answered: Callable[[Item, Any], bool]
    """Does this value count as answered (for progress)?"""
    valid: Callable[[Item, Any], bool]
    """May a results file hold this value (``None``, unanswered, is always allowed)?"""
    values: str
    """The values in words (Thai), for docs and error messages."""


ANSWERS: dict[AnswerType, Answer] = {
    "tick": Answer(
        "tick",
        lambda item, v: v is True,
        lambda item, v: isinstance(v, bool),
        "true เมื่อทำแล้ว",
    ),
    "yes-no": Answer(
        "yes-no",
        lambda item, v: isinstance(v, bool),
        lambda item, v: isinstance(v, bool),
        "true (เป็นจริง/ได้) หรือ false (ยังไม่)",
    ),
    "choice": Answer(
        "choice",
        lambda item, v: bool(chosen(v)),
        _option_ids,
        "รหัสตัวเลือก หรือรายการรหัสตัวเลือกเมื่อเลือกได้หลายข้อ",
    ),
    "rows": Answer(
        "rows",
        lambda item, v: False,  # rows count by :func:`complete_row`, not as one item
        _rows,
        "รายการแถว {indicator, target, evidence, result}",
    ),
}


@dataclass(frozen=True)
class ItemKind:
    """One kind of item: its answer type and the wording (:data:`~sop_helpers.wording.TEXTS`)
    of its answers: ``yes``/``no`` for a yes-no answer, ``yes`` alone for a tick."""

    name: str
    answer: AnswerType
    words: str = ""
    """Prefix of its keys in the wording table (``met`` -> ``met.true``, ``met.false``)."""
    label: str = ""
    """What comes before a ticked item's text on the form ("ขั้นตอนที่ " then its number), or ""."""

    @property
    def yes(self) -> str:
        return answer(self.words, True) if self.words else ""

    @property
    def no(self) -> str:
        # a tick has no "false" side of its own: unticked is its ".none" wording (ยังไม่ได้ทำ)
        return answer(self.words, False) if self.words else ""


ITEM_KINDS: dict[str, ItemKind] = {
    kind.name: kind
    for kind in (
        ItemKind("step", "tick", "step", f"{STEP} "),
        ItemKind("task", "tick", "step"),
        ItemKind("statement", "yes-no", "statement"),
        ItemKind("standard", "yes-no", "met"),
        ItemKind("question", "choice"),
        ItemKind("rows", "rows"),
    )
}
"""Item kind -> its declaration."""

SECTION_KINDS: dict[str, ScoreRule] = {
    "steps": "progress",
    "cumulative": "level",
    "single": "met",
    "knowledge": "quiz",
    "indicators": "rows",
}
"""Section kind -> its scoring rule."""

Fail = Callable[..., Exception]
Builder = Callable[[Any, Any, Fail], tuple[Section, ...]]
"""(file model, its procedure (all of them for a ``handbook`` kind), fail) -> sections."""


@dataclass(frozen=True)
class ChecklistKind:
    """One kind of checklist file."""

    name: str
    label: str
    """Short Thai name, for labels (team view, file lists)."""
    model: type[_Common]
    build: Builder
    quiz: bool = False
    """Scored as right/wrong answers (a knowledge score) rather than progress alone."""
    progress: str = "answered"
    """The wording key (:data:`~sop_helpers.wording.TEXTS`) that says its progress, e.g.
    ``steps`` -> "ทำแล้ว ๕ จาก ๘ ขั้นตอน", ``answered`` -> "ตอบแล้ว ๕ จาก ๘ ข้อ"."""
    handbook: bool = False
    """Built from every procedure (its file names none; ``build`` gets all of them)."""


CHECKLIST_KINDS: dict[str, ChecklistKind] = {
    kind.name: kind
    for kind in (
        ChecklistKind("steps", "ขั้นตอน", StepsFile, build.steps_sections, progress="steps"),
        ChecklistKind("standards", "มาตรฐาน", StandardsFile, build.standard_sections),
        ChecklistKind("knowledge", "ความรู้", KnowledgeFile, build.knowledge_sections, quiz=True),
        ChecklistKind(
            "indicators",
            "ตัวชี้วัดรายบุคคล",
            IndicatorsFile,
            build.indicators_sections,
            progress="rows",
        ),
        ChecklistKind(
            "onboarding",
            "สัปดาห์แรก",
            OnboardingFile,
            build.onboarding_sections,
            progress="tasks",
            handbook=True,
        ),
    )
}

KINDS: tuple[str, ...] = tuple(CHECKLIST_KINDS)
"""The kinds of checklist file, in the order lists show them."""

KIND_LABELS: dict[str, str] = {name: kind.label for name, kind in CHECKLIST_KINDS.items()}
"""Short Thai names of the checklist kinds, for labels."""


def answer_of(item: Item) -> Answer:
    """The answer type of an item."""
    return ANSWERS[ITEM_KINDS[item.kind].answer]


def rule_of(section: Section) -> ScoreRule:
    """The scoring rule of a section."""
    return SECTION_KINDS[section.kind]


def checklist_meta(kind: str) -> dict[str, Any]:
    """What the browser needs of a checklist kind (top level of ``Checklist.to_json()``):
    ``label``, ``quiz``, ``progress`` (its wording key) and ``order`` (lists show kinds in
    this order: the order of :data:`CHECKLIST_KINDS`)."""
    declared = CHECKLIST_KINDS[kind]
    return {
        "label": declared.label,
        "quiz": declared.quiz,
        "progress_words": declared.progress,
        "order": kind_order(kind),
    }


def item_meta(kind: str) -> dict[str, Any]:
    """What the browser needs of an item kind: its ``answer_type`` and, for a tick or a yes-no
    answer, the words of its two sides (``yes``, ``no``)."""
    declared = ITEM_KINDS[kind]
    if declared.answer in ("tick", "yes-no"):
        return {"answer_type": declared.answer, "yes": declared.yes, "no": declared.no}
    return {"answer_type": declared.answer}


def kind_order(kind: str) -> int:
    """Where a checklist kind comes in lists (team view, "my progress")."""
    order = list(CHECKLIST_KINDS)  # registered kinds included (see :func:`register`)
    return order.index(kind) if kind in CHECKLIST_KINDS else len(order)


def register(
    checklist: ChecklistKind | None = None,
    items: tuple[ItemKind, ...] = (),
    sections: Mapping[str, ScoreRule] | None = None,
) -> None:
    """Add kinds to the tables (a new kind that reuses the answer types and scoring rules).

    Every view, the results reader and the browser (through the model JSON) follow the tables,
    so this is all a new kind needs besides its file model and builder. A name already taken,
    an unknown answer type or an unknown scoring rule is a ``ValueError``.
    """
    rules = set(SECTION_KINDS.values())
    for item in items:
        if item.name in ITEM_KINDS or item.answer not in ANSWERS:
            raise ValueError(f"item kind {item.name!r}: taken, or unknown answer {item.answer!r}")
    for name, rule in (sections or {}).items():
        if name in SECTION_KINDS or rule not in rules:
            raise ValueError(f"section kind {name!r}: taken, or unknown rule {rule!r}")
    if checklist is not None and checklist.name in CHECKLIST_KINDS:
        raise ValueError(f"checklist kind {checklist.name!r} is taken")
    ITEM_KINDS.update({item.name: item for item in items})
    SECTION_KINDS.update(sections or {})
    if checklist is not None:
        CHECKLIST_KINDS[checklist.name] = checklist
        KIND_LABELS[checklist.name] = checklist.label


def kinds_json() -> dict[str, Any]:
    """The tables as the browser receives them (``model.kinds`` of each checklist)."""
    return {
        "items": {
            name: {"answer_type": kind.answer, "yes": kind.yes, "no": kind.no}
            for name, kind in ITEM_KINDS.items()
        },
        "sections": {name: {"score": rule} for name, rule in SECTION_KINDS.items()},
        "checklists": {
            name: {"label": kind.label, "quiz": kind.quiz} for name, kind in CHECKLIST_KINDS.items()
        },
    }
