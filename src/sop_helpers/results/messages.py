"""One Thai message per problem key, the fields' Thai names, and pydantic errors turned into
the contract's keys (sop-core.js reports the same keys and words)."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .._errors import ResultsError
from .._yaml import pointer
from ..thai import thai_digits
from ..wording import TEXTS

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
    "no_person": "ไม่มีชื่อผู้ประเมินในไฟล์ จึงไม่รู้ว่าเป็นผลของใคร ให้ผู้ส่งกรอกชื่อ-สกุลแล้วส่งออกไฟล์ใหม่",
    "no_answers": "ไฟล์ไม่มีช่องคำตอบ (ไฟล์ที่คู่มือส่งออกมีเสมอ) ไฟล์อาจถูกแก้หรือเสีย ให้ผู้ส่งส่งออกไฟล์ใหม่",
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
    """``ช่อง ชื่อ-สกุล`` (person/name): the place of a problem as a reader finds it."""
    parts = [p for p in place.split("/") if p]
    if not parts:
        return TEXTS["place.file"]
    shown = "/".join(parts)
    # the last part with a name, as "parent/part" when the labels have it, else "part"
    for i in range(len(parts) - 1, -1, -1):
        pair = "/".join(parts[i - 1 : i + 1]) if i else ""
        label = FIELD_LABELS.get(pair) or FIELD_LABELS.get(parts[i], "")
        if label:
            if parts[0] == "answers" and len(parts) > 1:  # an answer's field names its item
                return TEXTS["place.item"].format(label=label, item=parts[1])
            return TEXTS["place.named"].format(label=label)
    return TEXTS["place.field"].format(path=shown)


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
