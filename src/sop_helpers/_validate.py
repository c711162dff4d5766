"""Errors placed one way: every data model reports ``file:line: /pointer: message``.

:func:`error_at` is the one helper that turns a place in the data (a JSON path into a
:class:`~sop_helpers._yaml.Located`) into a :class:`DataError`; pydantic's errors
(:func:`validate`), duplicate entries (:func:`require_unique`), a file's id
(:func:`require_id_matches_file`) and cross-file references (``sop_helpers.handbook``) all go
through it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from ._errors import DataError
from ._yaml import JsonPath, Located, pointer

M = TypeVar("M", bound=BaseModel)

# Thai wording for the pydantic error types that authors of data files actually meet.
_MESSAGES: dict[str, str] = {
    "missing": "ขาดช่องที่ต้องมี",
    "extra_forbidden": "ไม่รู้จักช่องนี้ (สะกดผิดหรือไม่)",
    "string_type": "ต้องเป็นข้อความ (ถ้าเป็นตัวเลขหรือ true/false ให้ใส่เครื่องหมายคำพูด)",
    "int_type": "ต้องเป็นจำนวนเต็ม",
    "int_parsing": "ต้องเป็นจำนวนเต็ม",
    "bool_type": "ต้องเป็น true หรือ false",
    "list_type": "ต้องเป็นรายการ (list)",
    "tuple_type": "ต้องเป็นรายการ (list)",
    "dict_type": "ต้องเป็นกลุ่มช่อง (mapping)",
    "model_type": "ต้องเป็นกลุ่มช่อง (mapping)",
    "model_attributes_type": "ต้องเป็นกลุ่มช่อง (mapping)",
    "string_too_short": "ต้องไม่เป็นข้อความว่าง",
    "too_short": "ต้องมีอย่างน้อย {min_length} รายการ",
    "string_pattern_mismatch": "รูปแบบไม่ถูกต้อง (ต้องตรงกับ {pattern})",
    "literal_error": "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {expected}",
    "greater_than_equal": "ต้องไม่น้อยกว่า {ge}",
    "less_than_equal": "ต้องไม่มากกว่า {le}",
    "union_tag_invalid": "ค่า kind '{tag}' ไม่รู้จัก ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {expected_tags}",
    "union_tag_not_found": "ขาดช่อง '{discriminator}'",
    "decimal_parsing": 'ต้องเป็นจำนวนเงิน/ตัวเลข เช่น "1836" หรือ "1836.50"',
    "date_from_datetime_parsing": "ต้องเป็นวันที่แบบ YYYY-MM-DD",
    "date_type": "ต้องเป็นวันที่แบบ YYYY-MM-DD",
}

Id = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
"""A stable identifier: lower-case letters, digits and hyphens (``std1``, ``action-plan``)."""
Text = Annotated[StrictStr, Field(min_length=1)]
"""Non-empty text; a number or true/false written unquoted in YAML is an error."""
Count = Annotated[StrictInt, Field(ge=1)]
"""A whole number from 1."""

FROZEN = ConfigDict(frozen=True, extra="forbid")
"""Model config used by every data model: immutable, no unknown fields.

Fields use ``StrictStr``/``StrictInt``/``StrictBool`` so that ``title: 2569`` or ``text: yes`` is an
error, not a silent conversion (lists still become tuples).
"""


def _message(err: Any) -> str:
    template = _MESSAGES.get(err["type"])
    if template is None:
        text = str(err.get("msg", "ค่าไม่ถูกต้อง"))
        return text.removeprefix("Value error, ")
    ctx = dict(err.get("ctx") or {})
    ctx.setdefault("tag", "")
    try:
        return template.format(**ctx)
    except (KeyError, IndexError):
        return template


def _clean_loc(loc: tuple[Any, ...]) -> JsonPath:
    # Discriminated unions add the tag name to ``loc`` ("items", 0, "step", ...): drop parts that
    # are not keys of the data, i.e. names of union members.
    return tuple(
        part
        for part in loc
        if isinstance(part, int | str) and not str(part).startswith("function-")
    )


def error_at(error: type[DataError], located: Located, path: JsonPath, message: str) -> DataError:
    """An error of type ``error`` placed at ``path`` of the data: its file, line and pointer."""
    return error(message, source=located.source, line=located.line_of(path), pointer=pointer(path))


def require_unique(
    located: Located,
    error: type[DataError],
    key: str,
    at: JsonPath = (),
    message: str = "{key} '{value}' ซ้ำกับรายการที่ {first}",
) -> None:
    """No two entries of the list at ``at`` share ``key``; the repeat is reported at its line."""
    entries: Any = located.data
    for part in at:
        entries = entries[part]
    seen: dict[Any, int] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else ()):
        value = entry.get(key) if isinstance(entry, dict) else None
        if value is None:
            continue
        if value in seen:
            text = message.format(key=key, value=value, first=seen[value] + 1)
            raise error_at(error, located, (*at, index, key), text)
        seen[value] = index


def validate(
    model: type[M],
    located: Located,
    error: type[DataError],
    *,
    context: dict[str, Any] | None = None,
) -> M:
    """Validate ``located.data`` into ``model``; raise ``error`` for the first problem found."""
    try:
        return model.model_validate(located.data, context=context)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        path = _clean_loc(tuple(first["loc"]))
        path = _existing_prefix(located, path)
        raise error_at(error, located, path, _message(first)) from None


def _existing_prefix(located: Located, path: JsonPath) -> JsonPath:
    """The part of pydantic's error location that exists in the data.

    Discriminated unions put the member's tag into the location (``/timing/months/from_month``):
    a part missing from the data is such a tag unless it is the last part, which then names the
    missing field itself.
    """
    data = located.data
    kept: list[str | int] = []
    for index, part in enumerate(path):
        present = (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        )
        if present:
            data = data[part]
            kept.append(part)
        elif index == len(path) - 1 and isinstance(data, dict):
            kept.append(part)
    return tuple(kept)


def require_id_matches_file(
    found: str, path: str | Path, located: Located, error: type[DataError]
) -> None:
    """A data file's ``id`` must equal its file name (how ids are looked up)."""
    expected = Path(path).stem
    if found != expected:
        place = Located(located.data, located.lines, str(path))
        raise error_at(error, place, ("id",), f"id '{found}' ต้องตรงกับชื่อไฟล์ '{expected}'")
