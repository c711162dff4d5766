"""Field types of the results contract: times, whole numbers, names, cells, ids, and limits."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator, Field, StrictStr, WithJsonSchema
from pydantic_core import PydanticCustomError

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
