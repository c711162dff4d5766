"""The pydantic models of a results file and of a bundle (format version 2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, Field, StrictBool, StrictStr, model_validator
from pydantic_core import PydanticCustomError

from .._validate import FROZEN
from .fields import (
    CHECKLIST_ID,
    HASH,
    Cell,
    Instant,
    ItemKey,
    Name,
    OptionId,
    Tally,
    Version,
    _exact,
)

FORMAT: Literal["sop-checklist-results"] = "sop-checklist-results"
BUNDLE_FORMAT: Literal["sop-checklist-bundle"] = "sop-checklist-bundle"
FORMAT_VERSION: Literal[2] = 2
KNOWN_VERSIONS = (1, 2)


class _Model(BaseModel):
    model_config = FROZEN


class Row(_Model):
    """A personal-indicators row."""

    indicator: Cell = ""
    target: Cell = ""
    evidence: Cell = ""
    result: Cell = ""


class Answer(_Model):
    """One answer, the content hash of the item it answered, and when it was given (v2)."""

    value: (
        StrictBool
        | OptionId
        | Annotated[tuple[OptionId, ...], Field(max_length=50)]
        | Annotated[tuple[Row, ...], Field(max_length=200)]
        | None
    )
    hash: Annotated[StrictStr, Field(pattern=HASH)]
    at: Instant | None = None


class Person(_Model):
    """Who filled the checklist (shown as typed; matched by :func:`person_key`)."""

    name: Name = ""
    position: Name = ""


class ChecklistRef(_Model):
    """The checklist (and its version) the answers were made for."""

    id: Annotated[StrictStr, Field(max_length=64, pattern=CHECKLIST_ID)]
    version: Version


class QuizScore(_Model):
    """The score of the submitted attempt."""

    model_config = FROZEN | {"json_schema_extra": {"x-check": "correct_within_total"}}

    correct: Tally
    total: Tally

    @model_validator(mode="after")
    def _within(self) -> QuizScore:
        if self.correct > self.total:
            raise PydanticCustomError("correct_within_total", "correct > total")
        return self


class Quiz(_Model):
    """A knowledge check's submission state (v2): locked once submitted, attempts counted."""

    submitted: StrictBool = False
    attempts: Tally = 0
    score: QuizScore | None = None


class Results(_Model):
    """A results file."""

    format: Literal["sop-checklist-results"] = FORMAT
    format_version: Annotated[Literal[1, 2], BeforeValidator(_exact)] = FORMAT_VERSION
    checklist: ChecklistRef
    person: Person = Person()
    created: Instant
    updated: Instant
    answers: Annotated[Mapping[ItemKey, Answer], Field(max_length=1000)] = Field(
        default_factory=dict
    )
    quiz: Quiz | None = None

    def values(self) -> dict[str, Any]:
        """Answers as plain values keyed by item id (what :func:`sop_helpers.score` takes)."""
        return {key: _plain(answer.value) for key, answer in self.answers.items()}


class Bundle(_Model):
    """All my results: one person's results files of many checklists."""

    format: Literal["sop-checklist-bundle"] = BUNDLE_FORMAT
    format_version: Annotated[Literal[2], BeforeValidator(_exact)] = FORMAT_VERSION
    person: Person = Person()
    created: Instant
    results: Annotated[tuple[Results, ...], Field(min_length=1, max_length=200)]


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [v.model_dump() if isinstance(v, Row) else v for v in value]
    return value
