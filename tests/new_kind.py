"""A kind of checklist the handbook does not have, declared in Python only (checklists/README.md,
"add a kind"): a first-week list whose tasks are ticked (item kind ``chore``, answer ``tick``,
section scored by ``progress``) and whose pledges are yes-no statements each scored ``met``.

A fixture project's ``conf.py`` calls :func:`register`; tests use :func:`registered`, which
puts the tables back afterwards. No script of the site is changed for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from pydantic import Field

from sop_helpers.checklists import kinds
from sop_helpers.checklists.files import _FileBase, _Model
from sop_helpers.checklists.model import Item, Section, content_hash
from sop_helpers.procedures import Procedure
from sop_helpers.thai import thai_number


class Entry(_Model):
    id: str
    text: str


class WeekFile(_FileBase):
    """A first-week list: tasks to tick, then pledges (yes-no) each scored as met / not met."""

    kind: Literal["week"]
    items: Annotated[tuple[Entry, ...], Field(min_length=1)]
    pledges: tuple[Entry, ...] = ()


def week_sections(model: WeekFile, procedure: Procedure, fail: Any) -> tuple[Section, ...]:
    tasks = tuple(
        Item(
            id=e.id,
            kind="chore",  # type: ignore[arg-type]
            section="tasks",
            number=thai_number(n),
            text=e.text,
            hash=content_hash(e.text),
        )
        for n, e in enumerate(model.items, 1)
    )
    pledges = tuple(
        Section(
            e.id,
            "pledge",  # type: ignore[arg-type]
            f"ข้อตกลงที่ {thai_number(n)}",
            (
                Item(
                    id=e.id,
                    kind="pledge",  # type: ignore[arg-type]
                    section=e.id,
                    number=thai_number(n),
                    text=e.text,
                    hash=content_hash(e.text),
                ),
            ),
        )
        for n, e in enumerate(model.pledges, 1)
    )
    return (Section("tasks", "tasks", "สิ่งที่ต้องทำในสัปดาห์แรก", tasks), *pledges)  # type: ignore[arg-type]


WEEK = kinds.ChecklistKind("week", "สัปดาห์แรก", WeekFile, week_sections, progress="tasks")
ITEMS = (kinds.ItemKind("chore", "tick", "step"), kinds.ItemKind("pledge", "yes-no", "statement"))
SECTIONS: dict[str, kinds.ScoreRule] = {"tasks": "progress", "pledge": "met"}

FILE = {
    "id": "director-week",
    "version": 1,
    "kind": "week",
    "procedure": "director",
    "title": "สัปดาห์แรกของฉัน",
    "items": [
        {"id": "read", "text": "อ่านขั้นตอนการปฏิบัติงานของกลุ่มครบทุกกระบวนงาน"},
        {"id": "meet", "text": "พบผู้อำนวยการกลุ่มและผู้รับผิดชอบแต่ละกระบวนงาน"},
        {"id": "forms", "text": "รู้ที่เก็บแบบฟอร์มและเอกสารของกลุ่ม"},
    ],
    "pledges": [{"id": "ask", "text": "ถามผู้รับผิดชอบทันทีเมื่อไม่แน่ใจขั้นตอน"}],
}
"""A checklist file of the new kind (written as YAML by the tests)."""


def register() -> None:
    """Add the kind to the tables (what a maintainer writes in checklists/kinds.py)."""
    kinds.register(WEEK, ITEMS, SECTIONS)


@contextmanager
def registered() -> Iterator[None]:
    """The kind registered for the duration; the tables as they were afterwards."""
    tables = (kinds.CHECKLIST_KINDS, kinds.ITEM_KINDS, kinds.SECTION_KINDS, kinds.KIND_LABELS)
    saved = [dict(t) for t in tables]
    register()
    try:
        yield
    finally:
        for table, before in zip(tables, saved, strict=True):
            table.clear()
            table.update(before)  # type: ignore[attr-defined]
