"""The handbook's glossary, read from ``book/data/glossary.yml``."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, RootModel, StrictBool, StrictStr, model_validator

from ._errors import DataError
from ._validate import FROZEN, Text, require_unique, validate
from ._yaml import load_yaml
from .search_text import check_aliases


class GlossaryError(DataError):
    """``book/data/glossary.yml`` is malformed."""


class Term(BaseModel):
    """One glossary entry: an acronym (with its full name) or a term."""

    model_config = FROZEN

    term: Text
    full: StrictStr = ""
    meaning: Text
    source: StrictStr = ""
    """Where staff can check the meaning; empty when there is no such source."""
    source_confirmed: StrictBool = True
    """False while the office has not checked the source against the official text (the
    glossary shows it as not yet confirmed and the worklist lists it)."""
    aliases: tuple[Text, ...] = ()
    """Words people use for the term (ผอ.เขต for ผอ.สพป.): the search finds the term by them."""

    @model_validator(mode="after")
    def _aliases(self) -> Term:
        check_aliases(self.term, self.aliases)
        return self


class _Glossary(RootModel[tuple[Term, ...]]):
    model_config = {"frozen": True}


def load_glossary(path: str | Path) -> dict[str, Term]:
    """Read and validate the glossary; terms keyed by their text, in file order."""
    located = load_yaml(path, GlossaryError)
    terms = validate(_Glossary, located, GlossaryError).root
    require_unique(located, GlossaryError, "term", message="คำ '{value}' ซ้ำกับรายการที่ {first}")
    return {t.term: t for t in terms}
