"""Corrections to the source document, read from ``book/data/errata.yml``.

Each erratum records the original wording, the correction and the reason. Entries whose status is
``fix`` or ``proposed-applied`` are applied to the handbook's text; ``listed`` entries are shown on
the errata page only. :func:`apply_errata` applies the text edits to a copy of the source document,
which is how the tests check that nothing of the source is missing or silently changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, RootModel, StrictInt, StrictStr

from ._errors import DataError
from ._validate import FROZEN, Text, error_at, validate
from ._yaml import load_yaml
from .thai import thai_number

Status = Literal["fix", "proposed-applied", "listed"]

READER_NAME = "รายการแก้ไขที่"
"""How readers are told of an erratum: "รายการแก้ไขที่ ๑๓" on every page, in the data's prose
too (a bare code such as E13 is the maintainers' handle: the files, the anchors
``#erratum-e13``, not what a reader sees; tests/test_plain_words.py checks the built site)."""

STATUS_LABELS: dict[str, str] = {
    "fix": "แก้ไขแล้ว",
    "proposed-applied": "แก้ตามข้อเสนอ รอยืนยัน",
    "listed": "บันทึกไว้ ยังไม่แก้",
}
"""Thai wording of each status, as the errata page shows it."""


class ErrataError(DataError):
    """``book/data/errata.yml`` is malformed."""


class Edit(BaseModel):
    """One literal replacement in the source text (whitespace is ignored when matching)."""

    model_config = FROZEN

    original: Text
    correction: StrictStr


class Erratum(BaseModel):
    """One correction of the source document."""

    model_config = FROZEN

    id: Annotated[StrictStr, Field(pattern=r"^E[0-9]+$")]
    procedure: Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    where: Text
    line: Annotated[StrictInt, Field(ge=1)]
    other_lines: tuple[Annotated[StrictInt, Field(ge=1)], ...] = ()
    """Further source lines holding the same wording (an edit applies to every occurrence)."""
    kind: Literal["text", "layout"]
    status: Status
    original: Text
    correction: Text
    reason: Text
    edits: tuple[Edit, ...] = ()

    @property
    def applied(self) -> bool:
        """Whether the handbook's text carries this correction."""
        return self.status != "listed"

    @property
    def number(self) -> int:
        """The erratum's number (E13 -> 13)."""
        return int(self.id[1:])

    @property
    def label(self) -> str:
        """What readers see for it: "รายการแก้ไขที่ ๑๓"."""
        return f"{READER_NAME} {thai_number(self.number)}"

    @property
    def status_label(self) -> str:
        """The status in Thai."""
        return STATUS_LABELS[self.status]

    def text_edits(self) -> tuple[Edit, ...]:
        """The replacements this erratum makes in the source text (none if listed or layout)."""
        if not self.applied or self.kind != "text":
            return ()
        return self.edits or (Edit(original=self.original, correction=self.correction),)


class _Errata(RootModel[tuple[Erratum, ...]]):
    model_config = {"frozen": True}


def load_errata(path: str | Path) -> tuple[Erratum, ...]:
    """Read and validate the errata file; errors name file, line and field."""
    located = load_yaml(path, ErrataError)
    errata = validate(_Errata, located, ErrataError).root
    for index, erratum in enumerate(errata):
        if erratum.id != f"E{index + 1}":
            ids = [e.id for e in errata]
            message = f"รหัสต้องเรียง E1..E{len(ids)} ไม่ขาดไม่ซ้ำ (พบ {ids})"
            raise error_at(ErrataError, located, (index, "id"), message)
    return errata


def by_id(errata: Iterable[Erratum]) -> dict[str, Erratum]:
    """Errata keyed by id."""
    return {e.id: e for e in errata}


def erratum_number(erratum_id: str) -> int:
    """The number of an erratum id (E13 -> 13), for lists of ids."""
    if not re.fullmatch(r"E[0-9]+", erratum_id):
        raise ValueError(f"รหัสรายการแก้ไขต้องเป็น E ตามด้วยตัวเลข (พบ {erratum_id!r})")
    return int(erratum_id[1:])


def _pattern(original: str) -> re.Pattern[str]:
    # Whitespace is ignored: the source wraps lines mid-phrase and spaces Thai words unevenly.
    chars = [re.escape(ch) for ch in original if not ch.isspace()]
    return re.compile(r"\s*".join(chars))


def find_edit(text: str, edit: Edit) -> int:
    """How many times ``edit.original`` occurs in ``text`` (whitespace ignored)."""
    return len(_pattern(edit.original).findall(text))


def _literal(replacement: str) -> Callable[[re.Match[str]], str]:
    # A function, not a template: corrections may hold backslashes or group-like text.
    return lambda _match: replacement


def apply_errata(text: str, errata: Iterable[Erratum]) -> str:
    """``text`` with every applied text edit made (each occurrence), in erratum order."""
    for erratum in errata:
        for edit in erratum.text_edits():
            text = _pattern(edit.original).sub(_literal(edit.correction), text)
    return text
