"""Helpers for the SOP handbook of กลุ่มนโยบายและแผน, สพป.พะเยา เขต ๒.

Importing this package never imports Sphinx or ipywidgets: notebooks import it, and the Sphinx
extension (``sop_helpers.sphinx_ext``) and the widgets (``sop_helpers.widgets``) sit on top.
"""

from ._errors import ChecklistError, DataError, ProcedureError, RatesError, ResultsError, SopError
from .checklists import Checklist, content_hash, load_checklist, load_checklists, parse_checklist
from .procedures import Procedure, load_procedure, load_procedures, parse_procedure
from .results import Results, load_results, make_results, parse_results, save_results
from .scoring import Score, score

__version__ = "0.1.0"

__all__ = [
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
    "content_hash",
    "load_checklist",
    "load_checklists",
    "load_procedure",
    "load_procedures",
    "load_results",
    "make_results",
    "parse_checklist",
    "parse_procedure",
    "parse_results",
    "save_results",
    "score",
]
