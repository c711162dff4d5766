"""Helpers for the SOP handbook of กลุ่มนโยบายและแผน, สพป.พะเยา เขต ๒.

Importing this package never imports Sphinx or ipywidgets: notebooks import it, and the Sphinx
extension (``sop_helpers.sphinx_ext``) and the Jupyter views (``sop_helpers.views``) sit on top.
The names below load their module on first use (PEP 562), so ``import sop_helpers`` stays fast
and pulls in neither pandas nor pydantic until a function needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._errors import (
        ChecklistError,
        DataError,
        ProcedureError,
        RatesError,
        ResultsError,
        SopError,
    )
    from .budget import allocate, check_disbursement, per_student_subsidy
    from .calendar import operations_calendar, to_ical
    from .checklists import (
        Checklist,
        content_hash,
        load_checklist,
        load_checklists,
        parse_checklist,
    )
    from .examples import data_fingerprint
    from .fiscal import fiscal_quarter, fiscal_year, fiscal_year_range, quarter_range
    from .procedures import Procedure, load_procedure, load_procedures, parse_procedure
    from .rates import ILLUSTRATIVE_LABEL, load_office, load_rates
    from .results import Results, load_results, make_results, parse_results, save_results
    from .scoring import Score, score
    from .thai import baht_text, format_money, thai_date, thai_digits

__version__ = "0.1.0"

_HOMES: dict[str, str] = {
    "Checklist": "checklists",
    "ChecklistError": "_errors",
    "DataError": "_errors",
    "ILLUSTRATIVE_LABEL": "rates",
    "Procedure": "procedures",
    "ProcedureError": "_errors",
    "RatesError": "_errors",
    "Results": "results",
    "ResultsError": "_errors",
    "Score": "scoring",
    "SopError": "_errors",
    "allocate": "budget",
    "baht_text": "thai",
    "check_disbursement": "budget",
    "content_hash": "checklists",
    "data_fingerprint": "examples",
    "fiscal_quarter": "fiscal",
    "fiscal_year": "fiscal",
    "fiscal_year_range": "fiscal",
    "format_money": "thai",
    "load_checklist": "checklists",
    "load_checklists": "checklists",
    "load_office": "rates",
    "load_procedure": "procedures",
    "load_procedures": "procedures",
    "load_rates": "rates",
    "load_results": "results",
    "make_results": "results",
    "operations_calendar": "calendar",
    "parse_checklist": "checklists",
    "parse_procedure": "procedures",
    "parse_results": "results",
    "per_student_subsidy": "budget",
    "quarter_range": "fiscal",
    "save_results": "results",
    "score": "scoring",
    "thai_date": "thai",
    "thai_digits": "thai",
    "to_ical": "calendar",
}
"""Public name -> the module (``sop_helpers.<module>``) that owns it."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})


__all__ = [
    "ILLUSTRATIVE_LABEL",
    "Checklist",
    "ChecklistError",
    "DataError",
    "Procedure",
    "ProcedureError",
    "RatesError",
    "Results",
    "ResultsError",
    "Score",
    "SopError",
    "allocate",
    "baht_text",
    "check_disbursement",
    "content_hash",
    "data_fingerprint",
    "fiscal_quarter",
    "fiscal_year",
    "fiscal_year_range",
    "format_money",
    "load_checklist",
    "load_checklists",
    "load_office",
    "load_procedure",
    "load_procedures",
    "load_rates",
    "load_results",
    "make_results",
    "operations_calendar",
    "parse_checklist",
    "parse_procedure",
    "parse_results",
    "per_student_subsidy",
    "quarter_range",
    "save_results",
    "score",
    "thai_date",
    "thai_digits",
    "to_ical",
]
