"""The sections each kind of checklist file is built into, with text from the procedure data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..procedures import Procedure, Standard, Step
from ..schedule import timing_text
from ..thai import thai_number
from ..wording import thai_list
from .files import (
    PER_PROCEDURE,
    IndicatorsFile,
    KnowledgeFile,
    OnboardingEntry,
    OnboardingFile,
    Question,
    StandardsFile,
    StepsFile,
    _Common,
)
from .model import INDICATOR_COLUMNS, Item, Option, Section, content_hash


def item_ids(model: _Common) -> list[str]:
    """The ids of a file's own items, in order (for the duplicate check)."""
    items = getattr(model, "items", ())
    return [item.id for item in items]


def _not_in(procedure: Procedure, what: str, wanted: str, parts: Iterable[Step | Standard]) -> str:
    """The message for a step or standard id the procedure does not have (with the ids it has)."""
    return f"ไม่มี{what} '{wanted}' ในกระบวนงาน {procedure.id} (มี {', '.join(p.id for p in parts)})"


def steps_sections(model: StepsFile, procedure: Procedure, fail: Any) -> tuple[Section, ...]:
    """One section of the procedure's steps."""
    items = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(model.items):
        if entry.step in seen:
            raise fail(
                f"ขั้นตอน '{entry.step}' ซ้ำกับรายการที่ {thai_number(seen[entry.step] + 1)}"
                " (แต่ละขั้นตอนของกระบวนงานอยู่ในแบบตรวจสอบได้ครั้งเดียว)",
                ("items", index, "step"),
            )
        seen[entry.step] = index
        try:
            step = procedure.step(entry.step)
        except KeyError:
            message = _not_in(procedure, "ขั้นตอน", entry.step, procedure.steps)
            raise fail(message, ("items", index, "step")) from None
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
                # the step's own timing, worded as its procedure page words it: one home
                when=timing_text(step.timing),
                note=entry.note,
            )
        )
    missing = [s.id for s in procedure.steps if s.id not in seen]
    if missing:
        raise fail(
            f"แบบตรวจสอบขั้นตอนต้องมีทุกขั้นตอนของกระบวนงาน {procedure.id}: ยังไม่มี {', '.join(missing)}",
            ("items",),
        )
    return (Section("steps", "steps", "ขั้นตอนการปฏิบัติงาน", tuple(items)),)


def standard_sections(model: StandardsFile, procedure: Procedure, fail: Any) -> tuple[Section, ...]:
    sections = []
    for index, entry in enumerate(model.items):
        try:
            standard = procedure.standard(entry.standard)
        except KeyError:
            message = _not_in(procedure, "มาตรฐาน", entry.standard, procedure.standards)
            raise fail(message, ("items", index, "standard")) from None
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
            title = f"{standard.numbered} (ระดับสะสม ๑-{thai_number(len(items))})"
            sections.append(
                Section(
                    entry.id, "cumulative", title, items, text=entry.note, number=standard.number
                )
            )
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
            title = standard.numbered
            sections.append(Section(entry.id, "single", title, (item,), number=standard.number))
    return tuple(sections)


def _question_text(question: Question) -> str:
    # The options are part of what the person answered, so they are part of the hashed text.
    # Taken in id order: an answer is an option id, so showing the options in another order
    # (the letters ก. ข. ค. move) does not change what a saved answer means and keeps it.
    options = sorted(question.options, key=lambda o: o.id)
    return "\n".join([question.question, *(f"{o.id}. {o.text}" for o in options)])


def knowledge_sections(
    model: KnowledgeFile, procedure: Procedure, fail: Any
) -> tuple[Section, ...]:
    """One section of questions."""
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
    return (Section("questions", "knowledge", "คำถามทดสอบความรู้", tuple(items)),)


def indicators_sections(
    model: IndicatorsFile, procedure: Procedure, fail: Any
) -> tuple[Section, ...]:
    """One section: the person's table of indicators."""
    number = None
    if model.standard is not None:
        try:
            number = procedure.standard(model.standard).number
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
    title = "ตัวชี้วัดและเป้าหมายระดับบุคคล"
    return (Section("rows", "indicators", title, (item,), number=number),)


def onboarding_sections(
    model: OnboardingFile, procedures: Mapping[str, Procedure], fail: Any
) -> tuple[Section, ...]:
    """The first week: the file's own tasks first (calendar, forms), then one section for each
    procedure in handbook order (read it, do its self-check, meet the people in its roles).

    Items are ticked like steps (item kind ``task``: a tick without a step number; section kind
    ``steps``); their text comes from
    the procedure data (title, responsibilities' roles, form documents), never retyped.
    """
    own: list[Item] = []
    per: list[tuple[OnboardingEntry, str]] = []
    forms = [
        f"{d.title} ({p.short_title})"
        for p in procedures.values()
        for d in p.documents
        if d.kind == "form"
    ]
    for entry in model.items:
        if entry.task in PER_PROCEDURE:
            per.append((entry, entry.task))
            continue
        text = entry.text.strip()
        details: tuple[str, ...] = tuple(forms) if entry.task == "forms" else ()
        own.append(_task(entry.id, len(own) + 1, "first", text, entry.note, details, entry.page))
    if not per:
        raise fail("ต้องมีงานของแต่ละกระบวนงานอย่างน้อยหนึ่งงาน (read, self-check หรือ meet)", ("items",))
    sections = [Section("first", "steps", "เริ่มต้น", tuple(own))] if own else []
    for procedure in procedures.values():
        items: list[Item] = []
        for entry, task in per:
            text = {
                "read": f"อ่านหน้า{procedure.title} ทั้งแผนผังขั้นตอนและมาตรฐานงาน",
                "self-check": f"ทำแบบตรวจสอบตนเอง: {procedure.short_title}",
                "meet": "พบและทำความรู้จักผู้ปฏิบัติงานในบทบาทที่งานนี้ระบุ: "
                + thai_list(tuple(dict.fromkeys(r.role for r in procedure.responsibilities))),
            }[task]
            page = entry.page.replace("{procedure}", procedure.id)
            items.append(
                _task(
                    f"{entry.id}-{procedure.id}",
                    len(items) + 1,
                    procedure.id,
                    text,
                    entry.note,
                    page=page,
                )
            )
        sections.append(Section(procedure.id, "steps", procedure.title, tuple(items)))
    return tuple(sections)


def _task(
    item_id: str,
    number: int,
    section: str,
    text: str,
    note: str,
    details: tuple[str, ...] = (),
    page: str = "",
) -> Item:
    return Item(
        id=item_id,
        kind="task",
        section=section,
        number=thai_number(number),
        text=text,
        hash=content_hash(text + "".join(details)),
        details=details,
        note=note,
        page=page,
    )
