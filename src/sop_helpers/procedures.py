"""The procedure model: steps, standards and documents of one procedure, read from YAML.

One file per procedure under ``book/data/procedures/``. Every page, step table, flowchart,
calendar entry and checklist that shows a step or a standard takes its text from here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Literal, NoReturn

from pydantic import (
    BaseModel,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from ._errors import ProcedureError
from ._paths import data_folder
from ._validate import FROZEN, Count, Id, Text, require_id_matches_file, validate
from ._yaml import data_files, load_yaml
from .thai import thai_number
from .wording import STANDARD, STEP

Month = Annotated[StrictInt, Field(ge=1, le=12)]
ErratumId = Annotated[StrictStr, Field(pattern=r"^E[0-9]+$")]


class _Model(BaseModel):
    model_config = FROZEN


class MonthsTiming(_Model):
    """A step done within a range of calendar months of the fiscal year (Oct=10 ... Sep=9)."""

    kind: Literal["months"]
    from_month: Month
    to_month: Month
    note: StrictStr = ""


class DeadlineTiming(_Model):
    """A step due on a fixed day each year, e.g. 15 October."""

    kind: Literal["deadline"]
    month: Month
    day: Annotated[StrictInt, Field(ge=1, le=31)]
    note: StrictStr = ""


class QuarterlyTiming(_Model):
    """A step repeated each fiscal quarter (ต.ค.-ธ.ค., ม.ค.-มี.ค., เม.ย.-มิ.ย., ก.ค.-ก.ย.)."""

    kind: Literal["quarterly"]
    note: StrictStr = ""


class PendingTiming(_Model):
    """The source document states no time: the office must supply it."""

    kind: Literal["pending"]
    note: StrictStr = ""


Timing = Annotated[
    MonthsTiming | DeadlineTiming | QuarterlyTiming | PendingTiming, Field(discriminator="kind")
]


class SubStep(_Model):
    """Numbered text inside a step (๔.๑ ..., or the director's ๑-๕); not a step of its own."""

    number: Text
    text: Text
    items: tuple[Text, ...] = ()
    """A list the sub-step names (e.g. the group's work areas), shown as bullets."""
    items_inline: StrictBool = False
    """Show ``items`` as one Thai sentence ("ก ข และ ค") where the source writes them so."""


class Decision(_Model):
    """A decision after a step: approve continues, return goes back to an earlier step."""

    question: Text
    yes_label: Text = "เห็นชอบ"
    no_label: Text = "ไม่เห็นชอบ"
    no_goes_to: Id
    no_action: Text


class Parallel(_Model):
    """The steps a step runs at the same time as: the flowchart draws them side by side.

    Only where the data says so (decision 8), with what supports it: a step's order is the
    source document's unless ``source`` names why the office's work runs otherwise.
    """

    steps: Annotated[tuple[Id, ...], Field(min_length=1)]
    """The other steps of the group (ids of this procedure, next to this step in number)."""
    source: Text
    """What supports running them together (the source document's timing, an office decision)."""


class Step(_Model):
    """One top-level step: one flowchart activity, one checklist item."""

    id: Id
    number: Count
    text: Text
    label: StrictStr = ""
    """Short wording for the flowchart box; empty means the full ``text``."""
    substeps: tuple[SubStep, ...] = ()
    role: Text
    timing: Timing
    inputs: tuple[Text, ...] = ()
    outputs: tuple[Text, ...] = ()
    documents: tuple[Id, ...] = ()
    decision: Decision | None = None
    parallel: Parallel | None = None
    """Runs at the same time as other steps (drawn side by side); see :class:`Parallel`."""
    errata: tuple[ErratumId, ...] = ()

    @property
    def short(self) -> str:
        """The flowchart wording: ``label`` if set, else ``text``."""
        return self.label or self.text

    @property
    def numbered(self) -> str:
        """How readers see it named: "ขั้นตอนที่ ๓" (:data:`sop_helpers.wording.STEP`)."""
        return f"{STEP} {thai_number(self.number)}"


class Level(_Model):
    """One statement of a cumulative scale; level n holds only if levels 1..n-1 hold too."""

    level: Count
    text: Text


class Standard(_Model):
    """A performance standard, tied to the step(s) it describes."""

    id: Id
    number: Count
    kind: Literal["cumulative", "single"]
    steps: Annotated[tuple[Id, ...], Field(min_length=1)]
    text: StrictStr = ""
    levels: tuple[Level, ...] = ()
    errata: tuple[ErratumId, ...] = ()

    @property
    def numbered(self) -> str:
        """How readers see it named: "มาตรฐานข้อ ๒" (:data:`sop_helpers.wording.STANDARD`)."""
        return f"{STANDARD} {thai_number(self.number)}"

    @model_validator(mode="after")
    def _shape(self) -> Standard:
        if self.kind == "cumulative":
            if self.text:
                raise ValueError("มาตรฐานแบบระดับสะสม (cumulative) ใช้ levels ไม่ใช่ text")
            numbers = [level.level for level in self.levels]
            if numbers != list(range(1, len(numbers) + 1)) or len(numbers) < 2:
                raise ValueError(f"levels ต้องเรียงเลข 1..n ไม่ขาดช่วง (พบ {numbers})")
        elif not self.text or self.levels:
            raise ValueError("มาตรฐานแบบข้อเดียว (single) ต้องมี text และไม่มี levels")
        return self


class Document(_Model):
    """A document or form the procedure uses or produces."""

    id: Id
    title: Text
    purpose: Text
    kind: Literal["form", "order", "agenda", "letter", "report", "plan", "web", "other"]


class Responsibility(_Model):
    """What one role does in the procedure."""

    role: Text
    duties: Annotated[tuple[Text, ...], Field(min_length=1)]


class Reference(_Model):
    """A law or document the procedure rests on; ``confirmed`` once the office says so."""

    title: Text
    note: StrictStr = ""
    confirmed: StrictBool = False


class Procedure(_Model):
    """A whole procedure as laid out in the work manual (OPDC layout)."""

    id: Id
    order: Count
    title: Text
    short_title: Text
    mission: Text
    position: Text
    objectives: Annotated[tuple[Text, ...], Field(min_length=1)]
    scope: Text
    definitions: tuple[Text, ...] = ()
    """Glossary terms (keys of book/data/glossary.yml) the procedure uses."""
    responsibilities: Annotated[tuple[Responsibility, ...], Field(min_length=1)]
    steps: Annotated[tuple[Step, ...], Field(min_length=1)]
    standards: Annotated[tuple[Standard, ...], Field(min_length=1)]
    documents: tuple[Document, ...] = ()
    monitoring: Annotated[tuple[Text, ...], Field(min_length=1)]
    references: tuple[Reference, ...] = ()
    drafted_sections: tuple[
        Literal[
            "objectives",
            "scope",
            "definitions",
            "responsibilities",
            "monitoring",
            "documents",
            "references",
            "timing",
        ],
        ...,
    ] = ()
    to_confirm: tuple[Text, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> Procedure:
        _unique_ids([s.id for s in self.steps], "steps", "รหัสขั้นตอน")
        _unique_ids([s.id for s in self.standards], "standards", "รหัสมาตรฐาน")
        _unique_ids([d.id for d in self.documents], "documents", "รหัสเอกสาร")
        step_ids = [step.id for step in self.steps]
        for index, step in enumerate(self.steps):
            if step.number != index + 1:
                numbers = [s.number for s in self.steps]
                _fail(("steps", index, "number"), f"เลขขั้นตอนต้องเรียง 1..n ไม่ขาดช่วง (พบ {numbers})")
        doc_ids = {d.id for d in self.documents}
        for index, step in enumerate(self.steps):
            for k, doc in _unknown(step.documents, doc_ids):
                message = f"ขั้นตอน {step.id} อ้างเอกสาร '{doc}' ที่ไม่มีใน documents"
                _fail(("steps", index, "documents", k), message)
            if step.decision and step.decision.no_goes_to not in step_ids:
                _fail(
                    ("steps", index, "decision", "no_goes_to"),
                    f"ขั้นตอน {step.id}: no_goes_to '{step.decision.no_goes_to}' ไม่มีใน steps",
                )
        self._parallel_groups_valid(step_ids)
        for index, standard in enumerate(self.standards):
            for k, ref in _unknown(standard.steps, step_ids):
                message = f"มาตรฐาน {standard.id} อ้างขั้นตอน '{ref}' ที่ไม่มีใน steps"
                _fail(("standards", index, "steps", k), message)
        return self

    def _parallel_groups_valid(self, step_ids: list[str]) -> None:
        for index, step in enumerate(self.steps):
            if step.parallel is None:
                continue
            for k, ref in enumerate(step.parallel.steps):
                at = ("steps", index, "parallel", "steps", k)
                if ref not in step_ids:
                    _fail(at, f"ขั้นตอน {step.id}: parallel อ้างขั้นตอน '{ref}' ที่ไม่มีใน steps")
                if ref == step.id:
                    _fail(at, f"ขั้นตอน {step.id}: parallel อ้างขั้นตอนของตัวเอง")
        for group in self.parallel_groups():
            numbers = sorted(self.step(s).number for s in group)
            if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
                # the place is the step that declares the group (its ``parallel`` field)
                index = next(k for k, s in enumerate(self.steps) if s.id in group and s.parallel)
                _fail(
                    ("steps", index, "parallel", "steps"),
                    "ขั้นตอนที่ทำพร้อมกันต้องเป็นขั้นตอนที่เลขติดกัน"
                    f" (พบ{STEP} {', '.join(str(n) for n in numbers)})",
                )

    def parallel_groups(self) -> tuple[tuple[str, ...], ...]:
        """Groups of step ids that run at the same time (each in step order, two or more)."""
        group_of = {s.id: {s.id} for s in self.steps}
        for step in self.steps:
            for ref in step.parallel.steps if step.parallel else ():
                if ref in group_of:
                    merged = group_of[step.id] | group_of[ref]
                    for member in merged:
                        group_of[member] = merged
        seen: list[set[str]] = []
        for step in self.steps:
            group = group_of[step.id]
            if len(group) > 1 and group not in seen:
                seen.append(group)
        order = {s.id: s.number for s in self.steps}
        return tuple(tuple(sorted(g, key=order.__getitem__)) for g in seen)

    def step(self, step_id: str) -> Step:
        """The step with this id (KeyError if none)."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def standard(self, standard_id: str) -> Standard:
        """The standard with this id (KeyError if none)."""
        for standard in self.standards:
            if standard.id == standard_id:
                return standard
        raise KeyError(standard_id)

    def standards_for(self, step_id: str) -> tuple[Standard, ...]:
        """Standards that describe the given step."""
        return tuple(s for s in self.standards if step_id in s.steps)


def _unknown(refs: Iterable[str], known: Iterable[str]) -> list[tuple[int, str]]:
    """(position, id) of each reference that names none of ``known``."""
    names = set(known)
    return [(k, ref) for k, ref in enumerate(refs) if ref not in names]


def _fail(loc: tuple[str | int, ...], message: str) -> NoReturn:
    """Reject the model with an error placed at ``loc`` (so the message names file and line)."""
    raise ValidationError.from_exception_data(
        "Procedure",
        [InitErrorDetails(type=PydanticCustomError("reference", message), loc=loc, input=None)],
    )


def _unique_ids(values: Iterable[str], field: str, what: str) -> None:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            _fail((field, index, "id"), f"{what} '{value}' ซ้ำ")
        seen.add(value)


def nfc(text: str) -> str:
    """NFC-normalised text with SARA AM composed (Thai may arrive with it decomposed)."""
    from .names import thai_nfc

    return thai_nfc(text)


def parse_procedure(data: object, source: str | None = None) -> Procedure:
    """Validate already-loaded data (pure); prefer :func:`load_procedure` for files."""
    from ._yaml import Located

    return validate(Procedure, Located(data, {}, source), ProcedureError)


def load_procedure(path: str | Path) -> Procedure:
    """Read and validate one procedure file; errors name file, line and field."""
    located = load_yaml(path, ProcedureError)
    procedure = validate(Procedure, located, ProcedureError)
    require_id_matches_file(procedure.id, path, located, ProcedureError)
    return procedure


def procedures_dir(start: str | Path | None = None) -> Path:
    """``$SOP_PROCEDURES_DIR``, else ``procedures/`` of the data folder (``$SOP_DATA_DIR``, else
    ``book/data`` in the nearest folder upwards, else the package's copy), as
    :func:`sop_helpers.handbook.load_handbook` reads them."""
    env = os.environ.get("SOP_PROCEDURES_DIR")
    return Path(env) if env else data_folder(ProcedureError, start) / "procedures"


def load_procedures(folder: str | Path | None = None) -> Mapping[str, Procedure]:
    """All procedures of a folder, keyed by id, in their ``order``."""
    folder = Path(folder) if folder is not None else procedures_dir()
    items = [load_procedure(path) for path in data_files(folder, ProcedureError)]
    return {p.id: p for p in sorted(items, key=lambda p: p.order)}
