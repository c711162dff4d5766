"""Helpers for the SOP handbook of กลุ่มนโยบายและแผน, สพป.พะเยา เขต ๒.

Importing this package never imports Sphinx or ipywidgets: notebooks import it, and the Sphinx
extension (``sop_helpers.sphinx_ext``) and the widgets (``sop_helpers.widgets``) sit on top.
"""

from ._errors import ChecklistError, DataError, ProcedureError, RatesError, ResultsError, SopError
from .procedures import Procedure, load_procedure, load_procedures, parse_procedure

__version__ = "0.1.0"

__all__ = [
    "ChecklistError",
    "DataError",
    "Procedure",
    "ProcedureError",
    "RatesError",
    "ResultsError",
    "SopError",
    "load_procedure",
    "load_procedures",
    "parse_procedure",
]
