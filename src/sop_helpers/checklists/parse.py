"""From checklist data to a :class:`Checklist`: validation against the procedures (pure)."""

from __future__ import annotations

from collections.abc import Mapping

from .._errors import ChecklistError, DataError
from .._validate import error_at, validate
from .._yaml import JsonPath, Located
from ..procedures import Procedure
from .build import item_ids
from .files import IndicatorsFile, _FileBase
from .kinds import CHECKLIST_KINDS, KINDS
from .model import Checklist


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

    def fail(message: str, path: JsonPath) -> DataError:
        return error_at(ChecklistError, located, path, message)

    raw = located.data
    if not isinstance(raw, dict):
        raise fail("ไฟล์แบบตรวจสอบต้องเป็นกลุ่มช่อง (mapping) ที่มี id, version, kind ...", ())
    if "kind" not in raw:
        raise fail("ขาดช่องที่ต้องมี", ("kind",))
    kind = raw["kind"]
    if kind not in CHECKLIST_KINDS:
        raise fail(
            f"ไม่รู้จักชนิด (kind) '{kind}' ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {', '.join(KINDS)}",
            ("kind",),
        )
    model = validate(CHECKLIST_KINDS[kind].model, located, ChecklistError)

    kind_of = CHECKLIST_KINDS[kind]
    if kind_of.handbook:
        # a list over the whole handbook (the first week): every procedure, none named
        procedure = None
    else:
        assert isinstance(model, _FileBase)
        procedure = procedures.get(model.procedure)
        if procedure is None:
            raise fail(f"ไม่พบกระบวนงาน '{model.procedure}' ใน book/data/procedures", ("procedure",))

    ids = item_ids(model)
    seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in seen:
            raise fail(
                f"รหัสรายการ '{item_id}' ซ้ำกับรายการที่ {seen[item_id] + 1}", ("items", index, "id")
            )
        seen[item_id] = index

    sections = kind_of.build(model, procedure or procedures, fail)

    return Checklist(
        id=model.id,
        version=model.version,
        kind=kind,
        procedure=procedure.id if procedure else "",
        procedure_title=procedure.title if procedure else HANDBOOK_WIDE,
        name=model.title,
        title=f"{model.title} {procedure.title}" if procedure else model.title,
        intro=model.intro,
        sections=sections,
        min_rows=model.min_rows if isinstance(model, IndicatorsFile) else 1,
        examples=tuple(row.model_dump() for row in model.examples)
        if isinstance(model, IndicatorsFile)
        else (),
        source=located.source,
    )


HANDBOOK_WIDE = "ทุกงานในคู่มือ"
"""What a list over the whole handbook shows where others show their procedure's title."""
