"""The worked examples' calculators: typed text in, worked lines and results out.

One calculator per worked example. Each reads the text a person typed (Thai or Arabic digits,
thousands separators allowed), checks it field by field with Thai messages, and computes with
the functions of :mod:`sop_helpers.budget` (exact ``Decimal``). The website runs the same rules
in ``calculator.js`` (BigInt, no float); ``tests/vectors/calculators.json`` drives both, so the
two cannot drift. :func:`calculator_data` gives the rates and rules each calculator needs, read
from the same data files the notebooks use; the website writes them into the page at build time.

Results are plain JSON-able dicts: numbers as normalised strings ("347652.00", Arabic digits,
no separators), ``lines`` (the worked lines, Arabic digits; views change digits for display)
and ``words`` (the amount in Thai words), or ``errors`` (field -> Thai message). Every Thai
text they show is in :mod:`.texts` (the website gets it with the page: :func:`script_texts`).
"""

from __future__ import annotations

from .data import SUBSIDY_LEVELS, calculator_data
from .fields import MAX_MONEY, MAX_PUPILS, MAX_ROWS, MAX_VALUE, FieldError, parse_number
from .rules import CALCULATORS, compute, worked_line
from .texts import LINES, MESSAGES, WARNINGS, script_texts

__all__ = [
    "CALCULATORS",
    "LINES",
    "MAX_MONEY",
    "MAX_PUPILS",
    "MAX_ROWS",
    "MAX_VALUE",
    "MESSAGES",
    "SUBSIDY_LEVELS",
    "WARNINGS",
    "FieldError",
    "calculator_data",
    "compute",
    "parse_number",
    "script_texts",
    "worked_line",
]
