"""The resolved checklist: immutable items, sections and checklists, and the item content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..procedures import nfc
from .files import CHOICE_HINTS, THAI_LETTERS

INDICATOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("indicator", "ตัวชี้วัด"),
    ("target", "เป้าหมาย"),
    ("evidence", "หลักฐาน"),
    ("result", "ผลการดำเนินงาน"),
)
"""Columns of a personal-indicators row: key and Thai heading."""

ItemKind = Literal["step", "task", "statement", "standard", "question", "rows"]
SectionKind = Literal["steps", "cumulative", "single", "knowledge", "indicators"]


def content_hash(text: str) -> str:
    """Content hash of an item: sha256 of the NFC-normalised text, first 16 hex digits.

    This is the only place the hash is computed; the website and results files only compare it.
    """
    return hashlib.sha256(nfc(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Option:
    """An option of a question."""

    id: str
    text: str


@dataclass(frozen=True)
class Item:
    """One answerable item; ``hash`` is :func:`content_hash` of ``hashed_text``."""

    id: str
    kind: ItemKind
    section: str
    number: str
    text: str
    hash: str
    ref: str = ""
    level: int | None = None
    details: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    when: str = ""
    note: str = ""
    multiple: bool = False
    options: tuple[Option, ...] = ()
    answer: tuple[str, ...] = ()
    explanation: str = ""
    page: str = ""
    """The handbook page the item names (a docname such as ``fiscal-year``), or "": the site's
    build resolves it to the page's address and title and links the item to it."""

    @property
    def hint(self) -> str:
        """How many options a question takes, as the page says after it."""
        return CHOICE_HINTS[0] if self.multiple else CHOICE_HINTS[1]

    @property
    def key_letters(self) -> tuple[str, ...]:
        """The letters of the right options, in the order the options are shown (ก before ค)."""
        return tuple(self.letter(o.id) for o in self.options if o.id in self.answer)

    def letter(self, option_id: str) -> str:
        """The Thai letter shown for an option of this question (ก, ข, ค, ... by position)."""
        ids = [option.id for option in self.options]
        return THAI_LETTERS[ids.index(option_id)]


@dataclass(frozen=True)
class Section:
    """A group of items scored together (a standard, or all steps, or all questions)."""

    id: str
    kind: SectionKind
    title: str
    items: tuple[Item, ...]
    text: str = ""
    number: int | None = None
    """The number of the standard a section is, or is the evidence of (a standards section; an
    indicators table tied to a standard), as its procedure numbers it; the one source of the
    numbers the team view, "my progress" and the print form show."""


@dataclass(frozen=True)
class Checklist:
    """A validated checklist with its text resolved from the procedure data.

    ``name`` is the file's ``title`` (the kind of form); ``title`` adds the procedure's own title,
    so no checklist retypes a procedure's name.
    """

    id: str
    version: int
    kind: str
    procedure: str
    procedure_title: str
    name: str
    title: str
    intro: str
    sections: tuple[Section, ...]
    min_rows: int = 1
    examples: tuple[Mapping[str, str], ...] = ()
    source: str | None = field(default=None, compare=False)

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item, in order."""
        return tuple(item for section in self.sections for item in section.items)

    def item(self, item_id: str) -> Item:
        """The item with this id (KeyError if none)."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def to_json(self) -> dict[str, Any]:
        """Plain model for JavaScript and tests: what the browser needs to score.

        Each kind's behaviour comes with it (from :mod:`.kinds`), so the script reads it instead
        of comparing kind names: the checklist's ``quiz``, ``label``, ``progress_words`` and
        ``order``, each section's ``score`` rule, each item's ``answer_type`` (and ``yes``/``no``
        words of a tick or yes-no answer; ``answer`` stays a question's right options).
        """
        from .kinds import SECTION_KINDS, checklist_meta, item_meta  # kinds imports this module

        return {
            "id": self.id,
            "version": self.version,
            "kind": self.kind,
            **checklist_meta(self.kind),
            "title": self.title,
            "min_rows": self.min_rows,
            "sections": [
                {
                    "id": section.id,
                    "kind": section.kind,
                    "score": SECTION_KINDS[section.kind],
                    "items": [
                        {**_item_json(item), **item_meta(item.kind)} for item in section.items
                    ],
                }
                for section in self.sections
            ],
        }


def _item_json(item: Item) -> dict[str, Any]:
    from .kinds import ITEM_KINDS

    data: dict[str, Any] = {
        "id": item.id,
        "kind": item.kind,
        "number": item.number,
        "hash": item.hash,
        "text": item.text,
    }
    if item.level is not None:
        data["level"] = item.level
    if ITEM_KINDS[item.kind].answer == "choice":
        data["multiple"] = item.multiple
        data["answer"] = list(item.answer)
        data["options"] = [option.id for option in item.options]
    return data
