"""The office's worklist: every item the data marks as not yet confirmed, where it appears and
who decides (pure: model in, items out).

Collected from the procedures (steps without a time, laws not confirmed, sections drafted from
the source document, each file's ``to_confirm``), the rate and office files (figures that are
not ``verified`` or are ``illustrative``, or have no value) and the settings the office must
set. The page "รายการที่รอสำนักงานยืนยัน" renders these items; a test compares it with the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .glossary import Term
from .procedures import Procedure

DIRECTOR = "ผู้อำนวยการกลุ่มนโยบายและแผน"
DATA_OWNER = "กลุ่มนโยบายและแผน (ตามหนังสือราชการของ สพฐ. หรือสำนักงบประมาณ)"
OFFICE = "สำนักงานเขตพื้นที่การศึกษา (ผู้ดูแลเว็บไซต์ใส่ค่าให้)"

SECTION_NAMES = {
    "objectives": "วัตถุประสงค์",
    "scope": "ขอบเขต",
    "definitions": "คำจำกัดความ",
    "responsibilities": "หน้าที่ความรับผิดชอบ",
    "monitoring": "ระบบติดตามประเมินผล",
    "documents": "เอกสารและแบบฟอร์มที่เกี่ยวข้อง",
    "references": "เอกสารอ้างอิง",
    "timing": "ระยะเวลาของขั้นตอน",
}

KINDS = {
    "timing": "ขั้นตอนที่ยังไม่กำหนดเวลา",
    "law": "กฎหมายและระเบียบที่ยังไม่ยืนยัน",
    "drafted": "เนื้อหาที่ร่างขึ้นจากเอกสารมาตรฐานการปฏิบัติงาน",
    "question": "เรื่องที่รอสำนักงานตัดสิน",
    "figure": "ตัวเลขและแหล่งที่มาที่ยังไม่ยืนยัน",
    "setting": "ข้อมูลของสำนักงานที่ยังไม่ได้กำหนด",
}


@dataclass(frozen=True)
class WorkItem:
    """One thing the office must confirm or decide."""

    kind: str
    """A key of :data:`KINDS`."""
    what: str
    page: str
    """The docname of the page where it appears ("" when it appears on every page)."""
    place: str
    """Where on that page, in Thai (a step, a section, a table)."""
    decides: str
    anchor: str = ""
    """A label on the page (``proc-action-plan-s6``), or ""."""
    maintainer: str = ""
    """For maintainers only: the data file and field, or the setting's name."""


def procedure_items(procedures: Mapping[str, Procedure] | Iterable[Procedure]) -> list[WorkItem]:
    """What each procedure's data leaves to the office."""
    items = procedures.values() if isinstance(procedures, Mapping) else procedures
    out: list[WorkItem] = []
    for p in items:
        page = f"procedures/{p.id}"
        source = f"book/data/procedures/{p.id}.yml"
        for step in p.steps:
            if step.timing.kind == "pending":
                out.append(
                    WorkItem(
                        "timing",
                        f"ระยะเวลาของ{step.numbered}: {step.short}",
                        page,
                        step.numbered,
                        DIRECTOR,
                        f"proc-{p.id}-{step.id}",
                        f"{source}: steps/{step.id}/timing",
                    )
                )
        for k, ref in enumerate(p.references):
            if not ref.confirmed:
                out.append(
                    WorkItem(
                        "law",
                        ref.title,
                        page,
                        "กฎหมายที่เกี่ยวข้อง และเอกสารอ้างอิง",
                        DIRECTOR,
                        maintainer=f"{source}: references/{k}/confirmed",
                    )
                )
        for section in p.drafted_sections:
            out.append(
                WorkItem(
                    "drafted",
                    f"{SECTION_NAMES[section]} (ร่างขึ้นจากเนื้อหาของเอกสารมาตรฐานการปฏิบัติงาน)",
                    page,
                    SECTION_NAMES[section],
                    DIRECTOR,
                    maintainer=f"{source}: drafted_sections",
                )
            )
        for k, question in enumerate(p.to_confirm):
            out.append(
                WorkItem(
                    "question",
                    question,
                    page,
                    "เรื่องที่รอสำนักงานยืนยัน",
                    DIRECTOR,
                    maintainer=f"{source}: to_confirm/{k}",
                )
            )
    return out


@dataclass(frozen=True)
class SourcedValue:
    """What the worklist needs of a rate or office record (any ``_Sourced`` record fits)."""

    key: str
    label_th: str
    value: object
    source_title: str
    confidence: str
    illustrative: bool
    source_type: str = "none"


def figure_items(
    files: Mapping[str, Iterable[SourcedValue]], page: str = "examples/index"
) -> list[WorkItem]:
    """Figures whose source is not an official document, or that are placeholders.

    ``files`` maps a data file's path (for maintainers) to its records.
    """
    out: list[WorkItem] = []
    for path, records in files.items():
        for r in records:
            if r.confidence == "verified" and not r.illustrative and r.value is not None:
                continue
            if r.value is None:
                state = "ยังไม่มีค่า ต้องใช้ข้อมูลของสำนักงาน"
            elif r.confidence == "secondary" and r.source_type == "news":
                state = "มาจากข่าว ยังไม่เห็นหนังสือราชการ"
            elif r.confidence == "secondary":
                state = "มาจากเว็บไซต์ที่ไม่ใช่หนังสือราชการ"
            else:
                state = "ตัวเลขสมมุติ ยังไม่ยืนยันจากหนังสือราชการ"
            out.append(
                WorkItem(
                    "figure",
                    f"{r.label_th}: {state} (แหล่งที่มา: {r.source_title or 'ไม่ระบุ'})",
                    page,
                    "ตัวอย่างการคำนวณที่ใช้ข้อมูลนี้",
                    DATA_OWNER,
                    maintainer=f"{path}: {r.key}",
                )
            )
    return out


def glossary_items(terms: Iterable[Term], source: str = "book/data/glossary.yml") -> list[WorkItem]:
    """Glossary sources the office has not yet checked against the official text."""
    return [
        WorkItem(
            "law",
            f'{t.source} (ที่มาของคำว่า "{t.term}")',
            "glossary",
            f"อภิธานศัพท์ คำว่า {t.term}",
            DIRECTOR,
            maintainer=f"{source}: {t.term}/source_confirmed",
        )
        for t in terms
        if t.source and not t.source_confirmed
    ]


def setting_items(missing: Iterable[tuple[str, str]]) -> list[WorkItem]:
    """Office values not yet set: ``(setting name, what a reader sees instead)`` pairs."""
    return [
        WorkItem(
            "setting",
            shown,
            "",
            "ส่วนท้ายของทุกหน้า",
            OFFICE,
            maintainer=f"_config.yml: sphinx.config.{name}",
        )
        for name, shown in missing
    ]
