"""Results of a self-check: one person, one checklist, as JSON (format version 2).

This module is the one definition of the results-file contract. The pydantic models below give
the fields, types and limits; :func:`contract` turns them into the JSON Schema that is committed as
``checklists/results.schema.json`` and generated into ``static/sop-core.js`` (by
``scripts/make_checklist_schemas.py``), so the browser checks the very same rules; the shared
vectors ``tests/vectors/results.json`` and a fuzz test prove that both accept and reject the same
files with the same message key.

Two shapes:

- a **results file** (``format: sop-checklist-results``): one person, one checklist;
- a **bundle** (``format: sop-checklist-bundle``, "ผลทั้งหมดของฉัน"): one person's results files
  of many checklists, each a complete results file.

Version 1 files (no quiz fields, no per-answer time) still load: they are migrated to version 2
and the load says so (:attr:`Loaded.notes`).

Each answer keeps the content hash of the item it answered. Reading results made for another
version of the checklist keeps an answer only when its item id still exists and the hash is
unchanged (the item's text is the same); the others are reported as dropped. ``checklist.js``
applies the same rule to answers saved in the browser and to imported files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    StrictBool,
    StrictStr,
    ValidationError,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ._errors import ResultsError
from ._validate import FROZEN
from ._yaml import pointer
from .checklists import Checklist, Item
from .names import person_key
from .thai import thai_digits

FORMAT: Literal["sop-checklist-results"] = "sop-checklist-results"
BUNDLE_FORMAT: Literal["sop-checklist-bundle"] = "sop-checklist-bundle"
FORMAT_VERSION: Literal[2] = 2
KNOWN_VERSIONS = (1, 2)

# ----------------------------------------------------------------------------- field types

NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
"""Text without control characters (a name or a cell is one line of plain text)."""
HASH = r"^[0-9a-f]{16}$"
CHECKLIST_ID = r"^[a-z0-9][a-z0-9-]*$"
ITEM_ID = r"^[a-z0-9][a-z0-9.-]*$"
INSTANT = (
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]{1,6})?"
    r"(?:Z|[+-]([0-9]{2}):([0-9]{2}))$"
)
"""An RFC 3339 time with an offset; the groups are checked as in sop-core.js ``validInstant``."""
_INSTANT = re.compile(INSTANT)


def _instant(value: object) -> dt.datetime:
    """An RFC 3339 time with an offset; compared by instant, never as text."""
    if not isinstance(value, str):
        raise PydanticCustomError("string_type", "not a string")
    match = _INSTANT.match(value)
    # fromisoformat alone would read "+07:60" as +08:00; the browser refuses it, so does this.
    if not match or int(match.group(7) or 0) > 23 or int(match.group(8) or 0) > 59:
        raise PydanticCustomError("time", "not a time")
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("time", "not a time") from None


def _exact(value: object) -> object:
    """A number given for a literal: ``1.0`` is ``1`` (as in a browser), ``true`` is not."""
    if isinstance(value, bool):
        raise PydanticCustomError("literal_error", "not a version")
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _whole(value: object) -> int:
    """A whole number; ``2.0`` counts (a browser cannot tell it from ``2``), ``true`` does not."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("int_type", "not a whole number")
    if isinstance(value, float):
        if not value.is_integer():
            raise PydanticCustomError("int_type", "not a whole number")
        return int(value)
    return value


Instant = Annotated[
    dt.datetime,
    BeforeValidator(_instant),
    WithJsonSchema({"type": "string", "format": "date-time", "pattern": INSTANT}),
]


# The limits come before the validator so that the JSON Schema says minimum/maximum.
Version = Annotated[int, Field(ge=1, le=100000), BeforeValidator(_whole)]
"""A checklist version: a whole number from 1."""
Tally = Annotated[int, Field(ge=0, le=10000), BeforeValidator(_whole)]
"""A count or score: a whole number from 0."""
Name = Annotated[StrictStr, Field(max_length=200, pattern=NO_CONTROL)]
Cell = Annotated[StrictStr, Field(max_length=2000, pattern=NO_CONTROL)]
OptionId = Annotated[StrictStr, Field(max_length=64)]
ItemKey = Annotated[StrictStr, Field(max_length=64, pattern=ITEM_ID)]


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


# ----------------------------------------------------------------------------- messages

MESSAGES: dict[str, str] = {
    "not_json": "ไฟล์เสียหรือไม่ใช่ JSON",
    "not_object": "ไม่ใช่ไฟล์ผลการตรวจสอบตนเองของคู่มือนี้: ทั้งไฟล์ต้องเป็นกลุ่มช่อง (JSON object)",
    "not_results": "ไม่ใช่ไฟล์ผลการตรวจสอบตนเองของคู่มือนี้",
    "format_version": "ไฟล์ใช้รูปแบบรุ่น {found} ซึ่งคู่มือนี้ไม่รู้จัก (รู้จักรุ่น ๑ และ ๒)",
    "missing": "ขาดช่องที่ต้องมี",
    "unknown_field": "ไม่รู้จักช่องนี้",
    "type": "ชนิดของค่าไม่ถูกต้อง",
    "value": "ค่าไม่ถูกต้อง",
    "pattern": "มีอักขระหรือรูปแบบที่ใช้ไม่ได้",
    "too_long": "ยาวเกินไป (ไม่เกิน {limit} ตัวอักษร)",
    "too_many": "มากเกินไป (ไม่เกิน {limit} รายการ)",
    "too_few": "ต้องมีอย่างน้อย {limit} รายการ",
    "too_small": "ต้องไม่น้อยกว่า {limit}",
    "too_large": "ต้องไม่มากกว่า {limit}",
    "time": "ต้องเป็นวันเวลาพร้อมเขตเวลา เช่น 2026-11-28T09:30:00+07:00",
    "correct_within_total": "คะแนนที่ได้มากกว่าคะแนนเต็ม",
    "bundle_person": "ผลในชุดต้องเป็นของบุคคลเดียวกับชุด ({found})",
    "other_checklist": "ไฟล์นี้เป็นผลของแบบตรวจสอบอื่น ('{found}') ไม่ใช่ '{expected}'",
    "unknown_checklist": "ไม่รู้จักแบบตรวจสอบ '{found}' ในคู่มือนี้",
    "value_kind": "คำตอบของรายการ '{found}' ไม่ตรงชนิดของรายการ",
    "migrated": "ไฟล์รูปแบบรุ่น ๑ อ่านได้และปรับเป็นรุ่น ๒ แล้ว",
}
"""One message per key, for Python and (generated into sop-core.js) the browser."""

FIELD_LABELS: dict[str, str] = {
    "format": "ชนิดไฟล์",
    "format_version": "รุ่นของรูปแบบไฟล์",
    "checklist": "แบบตรวจสอบ",
    "checklist/id": "รหัสแบบตรวจสอบ",
    "checklist/version": "ฉบับของแบบตรวจสอบ",
    "person": "ผู้ประเมิน",
    "name": "ชื่อ-สกุล",
    "position": "ตำแหน่ง",
    "created": "เวลาที่เริ่มทำ",
    "updated": "เวลาที่บันทึกล่าสุด",
    "answers": "คำตอบ",
    "value": "ค่าคำตอบ",
    "hash": "รหัสข้อความของรายการ",
    "at": "เวลาที่ตอบ",
    "quiz": "การส่งแบบทดสอบ",
    "submitted": "ส่งคำตอบแล้ว",
    "attempts": "จำนวนครั้งที่ทำ",
    "score": "คะแนน",
    "correct": "คะแนนที่ได้",
    "total": "คะแนนเต็ม",
    "results": "ผลในชุด",
    "indicator": "ตัวชี้วัด",
    "target": "ค่าเป้าหมาย",
    "evidence": "หลักฐาน",
    "result": "ผลที่ได้",
}
"""Thai names of the fields, so every message names the field a person can look for."""

# pydantic's error types -> the contract's message keys (the JS reports the same keys).
_KEYS: dict[str, str] = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "string_pattern_mismatch": "pattern",
    "string_too_long": "too_long",
    "too_long": "too_many",
    "too_short": "too_few",
    "greater_than_equal": "too_small",
    "less_than_equal": "too_large",
    "literal_error": "value",
    "time": "time",
    "correct_within_total": "correct_within_total",
}


def field_text(place: str) -> str:
    """``ช่อง person/name (ชื่อ-สกุล)``: the place of a problem as a reader finds it."""
    parts = [p for p in place.split("/") if p]
    if not parts:
        return "ทั้งไฟล์"
    shown = "/".join(parts)
    # the last part with a name, as "parent/part" when the labels have it, else "part"
    for i in range(len(parts) - 1, -1, -1):
        pair = "/".join(parts[i - 1 : i + 1]) if i else ""
        label = FIELD_LABELS.get(pair) or FIELD_LABELS.get(parts[i], "")
        if label:
            return f"ช่อง {shown} ({label})"
    return f"ช่อง {shown}"


def message(key: str, place: str = "", **params: object) -> str:
    """The Thai message of ``key`` at ``place`` (a JSON pointer); numbers in Thai digits."""
    text = MESSAGES[key].format(**{k: thai_digits(str(v)) for k, v in params.items()})
    return f"{field_text(place)}: {text}" if place else text


def _fail(key: str, place: str = "", source: str | None = None, **params: object) -> ResultsError:
    return ResultsError(message(key, place, **params), source=source, pointer=place, key=key)


def _error(exc: ValidationError, data: object, source: str | None) -> ResultsError:
    first = exc.errors(include_url=False)[0]
    path = _data_path(data, tuple(first["loc"]), missing=first["type"] == "missing")
    ctx = first.get("ctx") or {}
    kind = first["type"]
    key = _KEYS.get(kind, "type")
    limit = next((ctx[k] for k in ("max_length", "min_length", "ge", "le") if k in ctx), "")
    return _fail(key, pointer(path), source, limit=limit)


def _data_path(data: object, loc: tuple[Any, ...], *, missing: bool) -> tuple[str | int, ...]:
    """The part of pydantic's error location that exists in the data (union member names and
    ``[key]`` markers dropped; for a missing field, the last part is the field itself)."""
    kept: list[str | int] = []
    for index, part in enumerate(loc):
        present = (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        )
        if present:
            data = data[part]  # type: ignore[index]
            kept.append(part)
        elif missing and index == len(loc) - 1 and isinstance(data, dict):
            kept.append(part)
    return tuple(kept)


# ----------------------------------------------------------------------------- the contract


def json_schema() -> dict[str, Any]:
    """JSON Schema of a results file (``checklists/results.schema.json``)."""
    schema = Results.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    """The results schema as committed."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def contract() -> dict[str, Any]:
    """What the browser needs to check a file exactly as Python does (see the module doc)."""
    return {
        "formats": {FORMAT: "results", BUNDLE_FORMAT: "bundle"},
        "versions": {"results": list(KNOWN_VERSIONS), "bundle": [FORMAT_VERSION]},
        "current": FORMAT_VERSION,
        "schemas": {"results": _compact(Results), "bundle": _compact(Bundle)},
        "messages": MESSAGES,
        "labels": FIELD_LABELS,
    }


_SCHEMA_NOISE = ("title", "description", "default")


def _compact(model: type[BaseModel]) -> dict[str, Any]:
    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: strip(v)
                for k, v in node.items()
                if k not in _SCHEMA_NOISE or (k == "title" and isinstance(v, dict))
            }
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    stripped: dict[str, Any] = strip(model.model_json_schema())
    return stripped


# ----------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Loaded:
    """Results read for a checklist: the kept answers, the dropped ids, and what changed."""

    results: Results
    dropped: tuple[str, ...]
    from_version: int = 0
    """The checklist version the answers were made for (0: not recorded)."""
    from_format: int = FORMAT_VERSION
    """The file's format version (1: migrated to 2)."""

    @property
    def migrated(self) -> bool:
        """True when answers were dropped, the checklist version or the file format changed."""
        return (
            bool(self.dropped)
            or (self.from_version not in (0, self.results.checklist.version))
            or self.from_format != FORMAT_VERSION
        )

    @property
    def notes(self) -> tuple[str, ...]:
        """What the reader should be told (Thai): the format migration, dropped answers."""
        notes = []
        if self.from_format != FORMAT_VERSION:
            notes.append(MESSAGES["migrated"])
        return tuple(notes)


def check_file(data: object, source: str | None = None) -> Results | Bundle:
    """Validate a results file or a bundle against the contract (pure); v1 becomes v2."""
    if not isinstance(data, dict):
        raise _fail("not_object", "", source)
    if data.get("format") not in (FORMAT, BUNDLE_FORMAT):
        raise _fail("not_results", "/format", source)
    shape = "results" if data["format"] == FORMAT else "bundle"
    # Version 1 files could leave the version out (it was the default); bundles are new in 2.
    version = data.get("format_version", 1 if shape == "results" else None)
    allowed = KNOWN_VERSIONS if shape == "results" else (FORMAT_VERSION,)
    if isinstance(version, bool) or version not in allowed:
        raise _fail("format_version", "/format_version", source, found=_shown(version))
    model: type[Results] | type[Bundle] = Results if shape == "results" else Bundle
    try:
        checked = model.model_validate(data)
    except ValidationError as exc:
        raise _error(exc, data, source) from None
    if isinstance(checked, Bundle):
        who = person_key(checked.person.name)
        for index, inner in enumerate(checked.results):
            if person_key(inner.person.name) != who:
                raise _fail(
                    "bundle_person",
                    f"/results/{index}/person/name",
                    source,
                    found=inner.person.name,
                )
    return checked


def _shown(value: object) -> str:
    """A found value in a message, written as sop-core.js writes it (short)."""
    if value is None:
        text = "(ไม่ระบุ)"
    elif isinstance(value, int | float) and not isinstance(value, bool):
        whole = abs(value) < 1e15 and float(value).is_integer()
        text = str(int(value)) if whole else "(ค่าชนิดอื่น)"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = "(ค่าชนิดอื่น)"
    return text if len(text) <= 20 else text[:20] + "…"


def _valid_value(item: Item, value: Any) -> bool:
    if value is None:
        return True
    if item.kind == "step" or item.kind in ("statement", "standard"):
        return isinstance(value, bool)
    if item.kind == "question":
        options = {o.id for o in item.options}
        picked = (value,) if isinstance(value, str) else value
        return (
            isinstance(picked, tuple)
            and (item.multiple or len(picked) <= 1)
            and all(isinstance(v, str) and v in options for v in picked)
        )
    return (
        item.kind == "rows" and isinstance(value, tuple) and all(isinstance(v, Row) for v in value)
    )


def make_results(
    checklist: Checklist,
    answers: Mapping[str, Any],
    *,
    name: str = "",
    position: str = "",
    now: dt.datetime | None = None,
    created: dt.datetime | None = None,
    quiz: Mapping[str, Any] | None = None,
) -> Results:
    """Results for plain answers (item id -> value); hashes come from the checklist."""
    moment = now or dt.datetime.now(dt.UTC)
    known = {item.id: item for item in checklist.items}
    data: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "checklist": {"id": checklist.id, "version": checklist.version},
        "person": {"name": name, "position": position},
        "created": (created or moment).isoformat(),
        "updated": moment.isoformat(),
        "answers": {
            key: {"value": value, "hash": known[key].hash}
            for key, value in answers.items()
            if key in known and value is not None
        },
    }
    if quiz is not None:
        data["quiz"] = dict(quiz)
    return parse_results(data, checklist).results


def migrate(
    results: Results, checklist: Checklist, source: str | None = None, *, from_format: int = 2
) -> Loaded:
    """Keep the answers whose item and text are unchanged in ``checklist`` (pure)."""
    if results.checklist.id != checklist.id:
        raise _fail(
            "other_checklist",
            "/checklist/id",
            source,
            found=results.checklist.id,
            expected=checklist.id,
        )
    known = {item.id: item for item in checklist.items}
    kept: dict[str, Answer] = {}
    dropped: list[str] = []
    for key, answer in results.answers.items():
        item = known.get(key)
        if item is None or item.hash != answer.hash:
            dropped.append(key)
            continue
        if not _valid_value(item, answer.value):
            raise _fail("value_kind", pointer(("answers", key, "value")), source, found=key)
        kept[key] = answer
    migrated = results.model_copy(
        update={
            "answers": kept,
            "format_version": FORMAT_VERSION,
            "checklist": ChecklistRef(id=checklist.id, version=checklist.version),
        }
    )
    return Loaded(migrated, tuple(dropped), results.checklist.version, from_format)


def parse_results(data: object, checklist: Checklist, source: str | None = None) -> Loaded:
    """Validate one results file and migrate it to ``checklist`` (pure)."""
    checked = check_file(data, source)
    if isinstance(checked, Bundle):
        raise _fail("not_results", "/format", source)
    version = data.get("format_version", 1) if isinstance(data, dict) else FORMAT_VERSION
    return migrate(checked, checklist, source, from_format=int(version))


def read_json(path: str | Path) -> object:
    """The JSON data of a file (UTF-8, a BOM allowed); errors are ResultsError naming the file."""
    source = str(path)
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ResultsError("ไม่พบไฟล์", source=source, key="not_found") from exc
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _fail("not_json", "", source) from exc


def load_results(path: str | Path, checklist: Checklist) -> Loaded:
    """Read a results file for ``checklist``; answers to changed or removed items are dropped."""
    return parse_results(read_json(path), checklist, str(path))


def results_json(results: Results | Bundle) -> str:
    """The JSON text of a results file or a bundle."""
    return json.dumps(results.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def make_bundle(results: list[Results], *, now: dt.datetime | None = None) -> Bundle:
    """All my results: one person's results files in one bundle (the first file's person)."""
    if not results:
        raise _fail("too_few", "/results", None, limit=1)
    data = {
        "format": BUNDLE_FORMAT,
        "format_version": FORMAT_VERSION,
        "person": results[0].person.model_dump(),
        "created": (now or dt.datetime.now(dt.UTC)).isoformat(),
        "results": [r.model_dump(mode="json") for r in results],
    }
    checked = check_file(data)
    assert isinstance(checked, Bundle)
    return checked


def save_results(results: Results | Bundle, path: str | Path) -> Path:
    """Write a results file or bundle (UTF-8 JSON) atomically; returns the path."""
    from ._files import write_text_atomic

    return write_text_atomic(path, results_json(results))


# ----------------------------------------------------------------------------- the browser's copy

_BEGIN = "  // BEGIN CONTRACT"
_END = "  // END CONTRACT"


def contract_js() -> str:
    """The ``CONTRACT`` constant of sop-core.js (one line of JSON)."""
    text = json.dumps(contract(), ensure_ascii=False, separators=(",", ":"))
    return f"  const CONTRACT = /** @type {{any}} */ ({text});"


def with_contract(script: str, block: str) -> str:
    """``script`` (sop-core.js) with its generated CONTRACT block replaced by ``block``."""
    start = script.index(_BEGIN)
    start = script.index("\n", start) + 1
    end = script.index(_END)
    return script[:start] + block + "\n" + script[end:]
