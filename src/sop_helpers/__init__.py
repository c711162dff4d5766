"""Helpers for the SOP handbook of กลุ่มนโยบายและแผน, สพป.พะเยา เขต ๒.

Importing this package never imports Sphinx or ipywidgets: notebooks import it, and the Sphinx
extension (``sop_helpers.sphinx_ext``) and the widgets (``sop_helpers.widgets``) sit on top.
"""

from ._errors import ChecklistError, DataError, ProcedureError, RatesError, ResultsError, SopError
from .budget import allocate, check_disbursement, per_student_subsidy
from .calendar import operations_calendar, to_ical
from .checklists import Checklist, content_hash, load_checklist, load_checklists, parse_checklist
from .examples import data_fingerprint
from .fiscal import fiscal_quarter, fiscal_year, fiscal_year_range, quarter_range
from .procedures import Procedure, load_procedure, load_procedures, parse_procedure
from .rates import ILLUSTRATIVE_LABEL, load_office, load_rates
from .results import Results, load_results, make_results, parse_results, save_results
from .scoring import Score, score
from .thai import baht_text, format_money, thai_date, thai_digits

__version__ = "0.1.0"

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
