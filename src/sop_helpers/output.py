"""Safe output: JSON inside ``<script>``, spreadsheet text cells, and short lists in messages.

The browser side is ``sop-core.js`` (``csvCell``, ``shortList``); both follow decision 2 and are
checked against each other by tests/test_safety_cases.py.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from .thai import thai_digits
from .wording import TEXTS

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def script_json(data: Any) -> str:
    """JSON text safe inside ``<script type="application/json">``: ``<``, ``>``, ``&``, U+2028 and
    U+2029 escaped, so no text (``</script>``, ``<!--``) can end or bend the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return "".join(_SCRIPT_ESCAPES.get(ch, ch) for ch in text)


def sheet_cell(value: Any) -> Any:
    """A value for a CSV or Excel cell (decision 2): numbers stay numbers; a text starting with
    ``=``, ``+``, ``-``, ``@``, tab or CR gets a leading ``'`` so Excel never runs it."""
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_START) else value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Decimal) and not value.is_finite():
        return None
    return value


def short_list(items: Sequence[str], limit: int = 10) -> str:
    """``a, b, c และอีก ๑๒ รายการ``: at most ``limit`` items (each cut at 80 characters)."""
    shown = [x if len(x) <= 80 else x[:80] + "…" for x in items[:limit]]
    rest = len(items) - len(shown)
    return ", ".join(shown) + (
        TEXTS["list.more"].format(rest=thai_digits(f"{rest:,}")) if rest > 0 else ""
    )
