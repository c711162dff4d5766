"""The checklist file format (``checklists/*.yml``): pydantic models and their JSON Schema."""

from __future__ import annotations

import json
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

from .._validate import FROZEN, Count, Id, Text

THAI_LETTERS = "กขคงจฉชซฌญ"
"""Letters shown before the options of a question, in order (ก. ข. ค. ...); ids stay in the data."""

CHOICE_HINTS = ("เลือกได้หลายข้อ", "เลือกข้อเดียว")
"""What the page adds after a question from its ``type``; a question must not say it again."""


# --------------------------------------------------------------------------- file models


class _Model(BaseModel):
    model_config = FROZEN


class StepEntry(_Model):
    """One item of a steps checklist: a procedure step and what to keep as evidence (its text and
    its timing come from the step in the procedure data)."""

    id: Id = Field(description="รหัสรายการ (คงที่ ห้ามเปลี่ยนเมื่อออกฉบับใหม่)")
    step: Id = Field(description="รหัสขั้นตอนในข้อมูลกระบวนงาน เช่น s1")
    evidence: tuple[Text, ...] = Field(default=(), description="หลักฐานที่ควรเก็บ")
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


class _Common(_Model):
    id: Id = Field(description="รหัสแบบตรวจสอบ ต้องตรงกับชื่อไฟล์")
    version: Count = Field(description="ฉบับที่ (จำนวนเต็ม) เพิ่มเมื่อแก้รายการ")
    title: Text = Field(description="ชื่อแบบ")
    intro: StrictStr = ""


class _FileBase(_Common):
    procedure: Id = Field(description="รหัสกระบวนงาน (ชื่อไฟล์ใน book/data/procedures)")
    title: Text = Field(
        description="ชื่อแบบ ไม่รวมชื่อกระบวนงาน (ชื่อกระบวนงานต่อท้ายจากข้อมูลกระบวนงานเอง)"
        " เช่น แบบตรวจสอบขั้นตอนการปฏิบัติงาน"
    )


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


OnboardingTask = Literal["read", "self-check", "meet", "calendar", "forms"]
PER_PROCEDURE: tuple[OnboardingTask, ...] = ("read", "self-check", "meet")
"""Tasks done once for each procedure; their text comes from the procedure data."""


class OnboardingEntry(_Model):
    """One task of the first week; ``read``, ``self-check`` and ``meet`` give one item for each
    procedure (text from its data), ``calendar`` and ``forms`` one item with the file's ``text``."""

    id: Id = Field(description="รหัสงาน (รายการของแต่ละกระบวนงานได้รหัส <id>-<กระบวนงาน>)")
    task: OnboardingTask
    text: StrictStr = Field(
        default="", description="ข้อความของงาน calendar / forms (งานของแต่ละกระบวนงานใช้ข้อมูลกระบวนงาน)"
    )
    note: StrictStr = ""
    page: StrictStr = Field(
        default="",
        description="หน้าของคู่มือที่งานนี้ให้เปิด (ชื่อหน้าแบบ {doc} เช่น fiscal-year) รายการเชื่อมไปที่หน้านั้น"
        " งานของแต่ละกระบวนงานใช้ {procedure} แทนรหัสกระบวนงาน เช่น procedures/{procedure}",
    )

    @model_validator(mode="after")
    def _text(self) -> OnboardingEntry:
        if "{procedure}" in self.page and self.task not in PER_PROCEDURE:
            raise ValueError(f"งาน {self.task} เป็นรายการเดียว จึงใช้ {{procedure}} ใน page ไม่ได้")
        if self.task in PER_PROCEDURE and self.text:
            raise ValueError(f"งาน {self.task} ใช้ข้อความจากข้อมูลกระบวนงาน จึงไม่มี text")
        if self.task not in PER_PROCEDURE and not self.text.strip():
            raise ValueError(f"งาน {self.task} ต้องมี text")
        return self


class OnboardingFile(_Common):
    """The first-week list of a new staff member: every procedure of the handbook, not one."""

    kind: Literal["onboarding"]
    title: Text = Field(description="ชื่อแบบ เช่น สัปดาห์แรกของบุคลากรใหม่")
    items: Annotated[tuple[OnboardingEntry, ...], Field(min_length=1)]


ChecklistFile = Annotated[
    StepsFile | StandardsFile | KnowledgeFile | IndicatorsFile | OnboardingFile,
    Field(discriminator="kind"),
]


def json_schema() -> dict[str, Any]:
    """JSON Schema of a checklist file, generated from the models (``checklists/schema.json``)."""
    schema = TypeAdapter(ChecklistFile).json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "แบบตรวจสอบตนเอง (checklists/*.yml)",
        **schema,
    }


def schema_text() -> str:
    """The JSON Schema as committed in ``checklists/schema.json``."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
