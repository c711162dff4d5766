"""What a person typed, read as numbers: Thai or Arabic digits, separators, Thai messages
(the messages' words live in :mod:`.texts`).

The same rules as ``parseNumber`` in ``calculator.js`` (the vectors check both).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..thai import arabic_digits, format_number
from .texts import MESSAGES, line

Data = Mapping[str, Any]
Inputs = Mapping[str, Any]
Result = dict[str, Any]

MAX_PUPILS = 100_000
"""Largest pupil count a field accepts (a whole ESA has far fewer)."""
MAX_MONEY = Decimal(10) ** 12
"""Largest amount in baht a field accepts (one million million)."""
MAX_VALUE = Decimal(10) ** 9
"""Largest indicator value or weight a field accepts."""
MAX_ROWS = 6
"""Rows of the allocation form."""

_SEPARATORS = re.compile(r"[,\s\u00a0\u202f]")
_NUMBER = re.compile(r"^-?([0-9]+)(?:\.([0-9]+))?$")


class FieldError(ValueError):
    """A field's text is not an acceptable number; ``field`` names it, ``key`` the message."""

    def __init__(self, field: str, key: str, **values: str) -> None:
        self.field, self.key = field, key
        super().__init__(MESSAGES[key].format(**values))


def parse_number(
    text: Any,
    field: str,
    *,
    places: int = 0,
    maximum: Decimal | int = MAX_VALUE,
    positive: bool = False,
) -> Decimal:
    """The number typed in ``field``: Thai or Arabic digits, separators and spaces ignored.

    ``places`` is how many decimals are allowed (0: whole numbers only). Raises
    :class:`FieldError` for an empty field, letters, a negative number, too many decimals,
    a number above ``maximum`` or (``positive``) zero.
    """
    raw = _SEPARATORS.sub("", arabic_digits(str(text if text is not None else "")))
    if raw == "":
        raise FieldError(field, "empty")
    match = _NUMBER.match(raw)
    if match is None:
        raise FieldError(field, "not_number")
    if raw.startswith("-") and Decimal(raw) != 0:
        raise FieldError(field, "negative")
    decimals = match.group(2) or ""
    if decimals.rstrip("0") and places == 0:
        raise FieldError(field, "whole")
    if len(decimals.rstrip("0")) > places:
        raise FieldError(field, "places")
    value = abs(Decimal(raw))
    if value > Decimal(maximum):
        raise FieldError(field, "too_big", max=format_number(Decimal(maximum)))
    if positive and value == 0:
        raise FieldError(field, "zero")
    return value.quantize(Decimal(1).scaleb(-places)) if places else Decimal(int(value))


def money(value: Decimal | int) -> str:
    """An amount as shown in a worked line: "347,652.00"."""
    return format_number(Decimal(value), 2)


def _plain(value: Decimal | int, places: int = 2) -> str:
    """A normalised number: Arabic digits, no separators, ``places`` decimals."""
    return f"{Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP):f}"


def _count(value: Decimal | int) -> str:
    return format_number(Decimal(value), 0)


def _figure(value: Decimal | int) -> str:
    """A rate or weight as written: no decimals when whole ("2,052"), else two ("2,052.50")."""
    number = Decimal(value)
    return format_number(number, 0 if number == number.to_integral_value() else 2)


def _pct(value: Decimal) -> str:
    return line("percent", value=format_number(value, 2))


class _Fields:
    """Collects every field's error, so a person sees all problems at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def read(self, inputs: Inputs, field: str, **options: Any) -> Decimal | None:
        try:
            return parse_number(inputs.get(field), field, **options)
        except FieldError as error:
            self.errors[error.field] = str(error)
            return None

    def fail(self, field: str, key: str) -> None:
        self.errors.setdefault(field, MESSAGES[key])


def failed(errors: Mapping[str, str]) -> Result:
    return {"ok": False, "errors": dict(errors)}


def solved(
    values: Mapping[str, Any],
    lines: list[str],
    result: str,
    *,
    words: str = "",
    warning: str = "",
    illustrative: bool = False,
) -> Result:
    """A calculation that worked, in the one shape the pages, the vectors and ``calculator.js``
    read: the normalised ``values``, the worked ``lines``, the ``result`` sentence, the amount
    in ``words``, a ``warning`` shown above the lines ("" for none) and whether a figure used is
    ``illustrative``."""
    return {
        "ok": True,
        "warning": warning,
        "values": dict(values),
        "lines": lines,
        "result": result,
        "words": words,
        "illustrative": illustrative,
    }
