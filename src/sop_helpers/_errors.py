"""Errors raised by sop_helpers.

All of them share one base so callers can catch everything from this package::

    SopError
     ├── ArgumentError      a helper's argument is not usable (names the argument)
     └── DataError          a data file (or data passed in) is wrong; names file, line and place
          ├── ProcedureError  book/data/procedures/*.yml
          ├── ChecklistError  checklists/*.yml
          ├── ResultsError    a saved self-assessment (results JSON)
          └── RatesError      rates, targets and other figures under book/data/
"""

from __future__ import annotations


class SopError(Exception):
    """Base class of every error this package raises on purpose."""


class ArgumentError(SopError, ValueError, TypeError):
    """A helper was given a value it cannot use (a float or NaN amount, True for a number, a C.E.
    year for a B.E. one); the Thai message names the argument. Also a ValueError/TypeError."""


class DataError(SopError):
    """A data file is malformed.

    ``str(error)`` reads ``file:line: /json/pointer: message`` so that editors and CI logs can
    jump to the place; the parts are also kept as attributes.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        pointer: str = "",
        key: str = "",
    ) -> None:
        self.message = message
        self.key = key  # a stable name of the problem (the results contract's message keys)
        self.source = source
        self.line = line
        self.pointer = pointer
        super().__init__(self._format())

    def _format(self) -> str:
        where = self.source or "<ข้อมูล>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        if self.pointer:
            where = f"{where}: {self.pointer}"
        return f"{where}: {self.message}"


class ProcedureError(DataError):
    """A procedure data file is malformed."""


class ChecklistError(DataError):
    """A checklist file is malformed or refers to something that does not exist."""


class ResultsError(DataError):
    """A results (self-assessment) file cannot be read."""


class RatesError(DataError):
    """A rates/targets data file is malformed."""
