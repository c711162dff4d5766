"""Checklist files (``checklists/*.yml``): the file models, the resolved checklist, the loader.

A checklist file holds only what is its own (evidence to keep, when, questions, explanations); the
text of steps and standards comes from the procedure data by id. :func:`parse_checklist` is pure:
it validates plain data against the procedures and returns immutable :class:`Checklist` objects
whose items carry stable ids and a content hash (:func:`content_hash`) that results files and the
website compare to decide whether an old answer still applies.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    StrictInt,
    StrictStr,
    TypeAdapter,
    field_validator,
    model_validator,
)
from pythainlp.util import arabic_digit_to_thai_digit

from ._errors import ChecklistError
from ._paths import find_folder
from ._validate import FROZEN, Count, Id, Text, require_id_matches_file, validate
from ._yaml import JsonPath, Located, load_yaml, pointer
from .procedures import Procedure, load_procedures, nfc
from .wording import thai_list

KINDS = ("steps", "standards", "knowledge", "indicators")
"""The four kinds of checklist file."""

INDICATOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("indicator", "ตัวชี้วัด"),
    ("target", "เป้าหมาย"),
    ("evidence", "หลักฐาน"),
    ("result", "ผลการดำเนินงาน"),
)
"""Columns of a personal-indicators row: key and Thai heading."""

THAI_LETTERS = "กขคงจฉชซฌญ"
"""Letters shown before the options of a question, in order (ก. ข. ค. ...); ids stay in the data."""

CHOICE_HINTS = ("เลือกได้หลายข้อ", "เลือกข้อเดียว")
"""What the page adds after a question from its ``type``; a question must not say it again."""


# --------------------------------------------------------------------------- file models


class _Model(BaseModel):
    model_config = FROZEN


class StepEntry(_Model):
    """One item of a steps checklist: a procedure step and what to keep as evidence."""

    id: Id = Field(description="รหัสรายการ (คงที่ ห้ามเปลี่ยนเมื่อออกฉบับใหม่)")
    step: Id = Field(description="รหัสขั้นตอนในข้อมูลกระบวนงาน เช่น s1")
    evidence: tuple[Text, ...] = Field(default=(), description="หลักฐานที่ควรเก็บ")
    when: StrictStr = Field(default="", description="ช่วงเวลาที่ทำ (ข้อความ)")
    note: StrictStr = Field(default="", description="คำอธิบายเพิ่มเติม")


class LevelNote(_Model):
    """Evidence for one statement of a cumulative standard (the statement's text is the data's)."""

    level: Count
    evidence: tuple[Text, ...] = ()
    note: StrictStr = ""


class StandardEntry(_Model):
    """One standard to self-assess: cumulative levels or met / not met, by the procedure data."""

    id: Id
    standard: Id = Field(description="รหัสมาตรฐานในข้อมูลกระบวนงาน เช่น std1")
    evidence: tuple[Text, ...] = ()
    note: StrictStr = ""
    levels: tuple[LevelNote, ...] = Field(
        default=(), description="หลักฐานของแต่ละระดับ (เฉพาะมาตรฐานแบบระดับสะสม) เรียง 1..n"
    )


class Choice(_Model):
    """One option of a question."""

    id: Id
    text: Text


class Question(_Model):
    """A knowledge-check question; ``answer`` lists the ids of the right options."""

    id: Id
    type: Literal["single", "multiple"]
    question: Text
    options: Annotated[tuple[Choice, ...], Field(min_length=2, max_length=len(THAI_LETTERS))]
    answer: Annotated[tuple[Id, ...], Field(min_length=1)]
    explanation: Text
    steps: tuple[Id, ...] = Field(default=(), description="ขั้นตอนที่คำถามนี้เกี่ยวข้อง")

    @field_validator("question")
    @classmethod
    def _no_hint(cls, question: str) -> str:
        for hint in CHOICE_HINTS:
            if hint in question:
                raise ValueError(f"ลบ ({hint}) ออกจากคำถาม: หน้าเว็บเติมคำชี้แจงนี้เองตาม type")
        return question

    @model_validator(mode="after")
    def _answer(self) -> Question:
        ids = [option.id for option in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError("รหัสตัวเลือก (options/id) ซ้ำกัน")
        for answer in self.answer:
            if answer not in ids:
                raise ValueError(f"คำตอบ '{answer}' ไม่มีในตัวเลือก")
        if len(set(self.answer)) != len(self.answer):
            raise ValueError("คำตอบซ้ำกัน")
        if self.type == "single" and len(self.answer) != 1:
            raise ValueError("คำถามแบบเลือกข้อเดียว (single) ต้องมีคำตอบเดียว")
        return self


class ExampleRow(_Model):
    """An example row of a personal-indicators sheet (shown, never scored)."""

    indicator: Text
    target: Text
    evidence: Text
    result: StrictStr = ""


class _FileBase(_Model):
    id: Id = Field(description="รหัสแบบตรวจสอบ ต้องตรงกับชื่อไฟล์")
    version: Count = Field(description="ฉบับที่ (จำนวนเต็ม) เพิ่มเมื่อแก้รายการ")
    procedure: Id = Field(description="รหัสกระบวนงาน (ชื่อไฟล์ใน book/data/procedures)")
    title: Text = Field(
        description="ชื่อแบบ ไม่รวมชื่อกระบวนงาน (ชื่อกระบวนงานต่อท้ายจากข้อมูลกระบวนงานเอง)"
        " เช่น แบบตรวจสอบขั้นตอนการปฏิบัติงาน"
    )
    intro: StrictStr = ""


class StepsFile(_FileBase):
    """A steps checklist: one item per step of the procedure."""

    kind: Literal["steps"]
    items: Annotated[tuple[StepEntry, ...], Field(min_length=1)]


class StandardsFile(_FileBase):
    """A standards self-assessment."""

    kind: Literal["standards"]
    items: Annotated[tuple[StandardEntry, ...], Field(min_length=1)]


class KnowledgeFile(_FileBase):
    """A knowledge check for new staff."""

    kind: Literal["knowledge"]
    items: Annotated[tuple[Question, ...], Field(min_length=1)]


class IndicatorsFile(_FileBase):
    """A personal indicators sheet: the person adds rows (indicator, target, evidence, result)."""

    kind: Literal["indicators"]
    standard: Id | None = Field(default=None, description="มาตรฐานที่แบบนี้สนับสนุน")
    min_rows: Annotated[StrictInt, Field(ge=1, le=50)] = 1
    examples: tuple[ExampleRow, ...] = ()


_FILE_MODELS: dict[str, type[_FileBase]] = {
    "steps": StepsFile,
    "standards": StandardsFile,
    "knowledge": KnowledgeFile,
    "indicators": IndicatorsFile,
}

ChecklistFile = Annotated[
    StepsFile | StandardsFile | KnowledgeFile | IndicatorsFile, Field(discriminator="kind")
]


def json_schema() -> dict[str, Any]:
    """JSON Schema of a checklist file, generated from the models (``checklists/schema.json``)."""
    schema = TypeAdapter(ChecklistFile).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "แบบตรวจสอบตนเอง (checklists/*.yml)",
        **schema,
    }


# --------------------------------------------------------------------------- resolved checklist

ItemKind = Literal["step", "statement", "standard", "question", "rows"]
SectionKind = Literal["steps", "cumulative", "single", "knowledge", "indicators"]


def content_hash(text: str) -> str:
    """Content hash of an item: sha256 of the NFC-normalised text, first 16 hex digits.

    This is the only place the hash is computed; the website and results files only compare it.
    """
    return hashlib.sha256(nfc(text).encode("utf-8")).hexdigest()[:16]


def thai_number(value: int | str) -> str:
    """Arabic digits to Thai digits, as the source document numbers things (๑, ๒, ...)."""
    return str(arabic_digit_to_thai_digit(str(value)))


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

    @property
    def hint(self) -> str:
        """How many options a question takes, as the page says after it."""
        return CHOICE_HINTS[0] if self.multiple else CHOICE_HINTS[1]

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
        """Plain model for JavaScript and tests: what the browser needs to score."""
        return {
            "id": self.id,
            "version": self.version,
            "kind": self.kind,
            "title": self.title,
            "min_rows": self.min_rows,
            "sections": [
                {
                    "id": section.id,
                    "kind": section.kind,
                    "items": [_item_json(item) for item in section.items],
                }
                for section in self.sections
            ],
        }


def _item_json(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {"id": item.id, "kind": item.kind, "hash": item.hash, "text": item.text}
    if item.level is not None:
        data["level"] = item.level
    if item.kind == "question":
        data["multiple"] = item.multiple
        data["answer"] = list(item.answer)
        data["options"] = [option.id for option in item.options]
    return data


# --------------------------------------------------------------------------- parsing


def parse_checklist(
    data: object,
    procedures: Mapping[str, Procedure],
    source: str | None = None,
) -> Checklist:
    """Validate checklist data against the procedures and resolve it (pure).

    ``data`` is plain data, or a :class:`~sop_helpers._yaml.Located` from the loader so that
    errors carry line numbers. Raises :class:`ChecklistError` naming file, line and place.
    """
    located = data if isinstance(data, Located) else Located(data, {}, source)
    if source is not None and located.source is None:
        located = Located(located.data, located.lines, source)

    def fail(message: str, path: JsonPath) -> ChecklistError:
        return ChecklistError(
            message, source=located.source, line=located.line_of(path), pointer=pointer(path)
        )

    raw = located.data
    if not isinstance(raw, dict):
        raise fail("ไฟล์แบบตรวจสอบต้องเป็นกลุ่มช่อง (mapping) ที่มี id, version, kind ...", ())
    if "kind" not in raw:
        raise fail("ขาดช่องที่ต้องมี", ("kind",))
    kind = raw["kind"]
    if kind not in _FILE_MODELS:
        raise fail(
            f"ไม่รู้จักชนิด (kind) '{kind}' ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {', '.join(KINDS)}",
            ("kind",),
        )
    model = validate(_FILE_MODELS[kind], located, ChecklistError)

    procedure = procedures.get(model.procedure)
    if procedure is None:
        raise fail(f"ไม่พบกระบวนงาน '{model.procedure}' ใน book/data/procedures", ("procedure",))

    ids = _item_ids(model)
    seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in seen:
            raise fail(
                f"รหัสรายการ '{item_id}' ซ้ำกับรายการที่ {seen[item_id] + 1}", ("items", index, "id")
            )
        seen[item_id] = index

    sections: tuple[Section, ...]
    if isinstance(model, StepsFile):
        sections = (_steps_section(model, procedure, fail),)
    elif isinstance(model, StandardsFile):
        sections = _standard_sections(model, procedure, fail)
    elif isinstance(model, KnowledgeFile):
        sections = (_knowledge_section(model, procedure, fail),)
    else:
        assert isinstance(model, IndicatorsFile)
        sections = (_indicators_section(model, procedure, fail),)

    return Checklist(
        id=model.id,
        version=model.version,
        kind=model.kind,
        procedure=procedure.id,
        procedure_title=procedure.title,
        name=model.title,
        title=f"{model.title} {procedure.title}",
        intro=model.intro,
        sections=sections,
        min_rows=model.min_rows if isinstance(model, IndicatorsFile) else 1,
        examples=tuple(row.model_dump() for row in model.examples)
        if isinstance(model, IndicatorsFile)
        else (),
        source=located.source,
    )


def _item_ids(model: _FileBase) -> list[str]:
    items = getattr(model, "items", ())
    return [item.id for item in items]


def _steps_section(model: StepsFile, procedure: Procedure, fail: Any) -> Section:
    items = []
    for index, entry in enumerate(model.items):
        try:
            step = procedure.step(entry.step)
        except KeyError:
            raise fail(
                f"ไม่มีขั้นตอน '{entry.step}' ในกระบวนงาน {procedure.id}"
                f" (มี {', '.join(s.id for s in procedure.steps)})",
                ("items", index, "step"),
            ) from None
        items.append(
            Item(
                id=entry.id,
                kind="step",
                section="steps",
                number=thai_number(step.number),
                text=step.text,
                hash=content_hash(step.text),
                ref=step.id,
                # a sub-step that ends "...ดังนี้" / "...ประกอบด้วย" shows its list after it
                details=tuple(
                    f"{sub.number} {sub.text}" + (f" {thai_list(sub.items)}" if sub.items else "")
                    for sub in step.substeps
                ),
                evidence=entry.evidence,
                when=entry.when,
                note=entry.note,
            )
        )
    return Section("steps", "steps", "ขั้นตอนการปฏิบัติงาน", tuple(items))


def _standard_sections(
    model: StandardsFile, procedure: Procedure, fail: Any
) -> tuple[Section, ...]:
    sections = []
    for index, entry in enumerate(model.items):
        try:
            standard = procedure.standard(entry.standard)
        except KeyError:
            raise fail(
                f"ไม่มีมาตรฐาน '{entry.standard}' ในกระบวนงาน {procedure.id}"
                f" (มี {', '.join(s.id for s in procedure.standards)})",
                ("items", index, "standard"),
            ) from None
        number = thai_number(standard.number)
        for position, note in enumerate(entry.levels, start=1):
            if note.level != position:
                raise fail(
                    f"levels ต้องเรียงเลข 1..n ไม่ขาดช่วง: รายการที่ {position} ต้องเป็น"
                    f" level {position} (พบ {note.level})",
                    ("items", index, "levels", position - 1, "level"),
                )
        if standard.kind == "cumulative":
            notes = {note.level: note for note in entry.levels}
            if entry.levels and len(entry.levels) != len(standard.levels):
                raise fail(
                    f"มาตรฐาน {standard.id} มี {len(standard.levels)} ระดับ"
                    f" แต่ levels มี {len(entry.levels)} รายการ",
                    ("items", index, "levels"),
                )
            items = tuple(
                Item(
                    id=f"{entry.id}.{level.level}",
                    kind="statement",
                    section=entry.id,
                    number=thai_number(level.level),
                    text=level.text,
                    hash=content_hash(level.text),
                    ref=standard.id,
                    level=level.level,
                    evidence=notes[level.level].evidence if level.level in notes else (),
                    note=notes[level.level].note if level.level in notes else "",
                )
                for level in standard.levels
            )
            title = f"มาตรฐานข้อ {number} (ระดับสะสม ๑-{thai_number(len(items))})"
            sections.append(Section(entry.id, "cumulative", title, items, text=entry.note))
        else:
            if entry.levels:
                raise fail(
                    f"มาตรฐาน {standard.id} เป็นแบบข้อเดียว (single) จึงไม่มี levels",
                    ("items", index, "levels"),
                )
            item = Item(
                id=entry.id,
                kind="standard",
                section=entry.id,
                number=number,
                text=standard.text,
                hash=content_hash(standard.text),
                ref=standard.id,
                evidence=entry.evidence,
                note=entry.note,
            )
            sections.append(Section(entry.id, "single", f"มาตรฐานข้อ {number}", (item,)))
    return tuple(sections)


def _question_text(question: Question) -> str:
    # The options are part of what the person answered, so they are part of the hashed text.
    return "\n".join([question.question, *(f"{o.id}. {o.text}" for o in question.options)])


def _knowledge_section(model: KnowledgeFile, procedure: Procedure, fail: Any) -> Section:
    items = []
    step_ids = {step.id for step in procedure.steps}
    for index, question in enumerate(model.items):
        for ref_index, ref in enumerate(question.steps):
            if ref not in step_ids:
                raise fail(
                    f"ไม่มีขั้นตอน '{ref}' ในกระบวนงาน {procedure.id}",
                    ("items", index, "steps", ref_index),
                )
        items.append(
            Item(
                id=question.id,
                kind="question",
                section="questions",
                number=thai_number(index + 1),
                text=question.question,
                hash=content_hash(_question_text(question)),
                multiple=question.type == "multiple",
                options=tuple(Option(o.id, o.text) for o in question.options),
                answer=question.answer,
                explanation=question.explanation,
                details=question.steps,
            )
        )
    return Section("questions", "knowledge", "คำถามทดสอบความรู้", tuple(items))


def _indicators_section(model: IndicatorsFile, procedure: Procedure, fail: Any) -> Section:
    if model.standard is not None:
        try:
            procedure.standard(model.standard)
        except KeyError:
            raise fail(
                f"ไม่มีมาตรฐาน '{model.standard}' ในกระบวนงาน {procedure.id}", ("standard",)
            ) from None
    text = " | ".join(label for _, label in INDICATOR_COLUMNS)
    item = Item(
        id="rows",
        kind="rows",
        section="rows",
        number="",
        text=text,
        hash=content_hash(text),
        ref=model.standard or "",
    )
    return Section("rows", "indicators", "ตัวชี้วัดและเป้าหมายระดับบุคคล", (item,))


# --------------------------------------------------------------------------- loading


def checklists_dir(start: str | Path | None = None) -> Path:
    """``$SOP_CHECKLISTS_DIR``, else the nearest ``checklists/`` walking up from ``start``/cwd."""
    return find_folder("SOP_CHECKLISTS_DIR", "checklists", ChecklistError, start)


def checklist_path(path_or_id: str | Path) -> Path:
    """The file of a checklist given as a path, or as an id looked up in :func:`checklists_dir`."""
    text = str(path_or_id)
    if isinstance(path_or_id, Path) or text.endswith((".yml", ".yaml")) or os.sep in text:
        return Path(path_or_id)
    return checklists_dir() / f"{text}.yml"


def load_checklist(
    path_or_id: str | Path, procedures: Mapping[str, Procedure] | None = None
) -> Checklist:
    """Read, validate and resolve one checklist; errors name file, line and place.

    Procedures default to :func:`sop_helpers.load_procedures` (``$SOP_PROCEDURES_DIR`` or the
    book's data).
    """
    path = checklist_path(path_or_id)
    located = load_yaml(path, ChecklistError)
    if procedures is None:
        procedures = load_procedures()
    checklist = parse_checklist(located, procedures)
    require_id_matches_file(checklist.id, path, located, ChecklistError)
    return checklist


def load_checklists(
    folder: str | Path | None = None, procedures: Mapping[str, Procedure] | None = None
) -> dict[str, Checklist]:
    """Every checklist of a folder, keyed by id, sorted by procedure order then kind."""
    folder = Path(folder) if folder is not None else checklists_dir()
    if procedures is None:
        procedures = load_procedures()
    found = [load_checklist(path, procedures) for path in sorted(folder.glob("*.yml"))]
    order = {pid: index for index, pid in enumerate(procedures)}
    found.sort(key=lambda c: (order.get(c.procedure, 99), KINDS.index(c.kind), c.id))
    return {c.id: c for c in found}


def schema_text() -> str:
    """The JSON Schema as committed in ``checklists/schema.json``."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
