"""How the search reads text: normalisation, the query rules of ``search.yml``, Thai edit distance.

Pure: the Sphinx extension (``sphinx_ext/search_th.py``) indexes pages with :func:`normalise` and
ships :func:`index_data` inside ``searchindex.js``, so that ``search-th.js`` reads queries with the
same words to drop, the same synonyms and the same edit costs. Test vectors
(``tests/data/search_edit_vectors.json``) check that both sides measure edits alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, Field, StrictBool, model_validator

from ._errors import DataError
from ._validate import FROZEN, Text, validate
from ._yaml import load_yaml
from .thai import arabic_digits

ACRONYMS: tuple[str, ...] = (
    "กคศ", "กพท", "กศจ", "กสศ", "ครม", "คสช", "ผอ", "ศธ", "ศธจ", "สกสค", "สงป", "สตง",
    "สพฐ", "สพท", "สพป", "สพม", "สมศ",
)  # fmt: skip
"""Acronyms of the education service that PyThaiNLP would cut (``กศจ.`` -> กศ | จ.).

They are recognised even inside a run of Thai (``ตามมติกศจ.``) when a dot or a non-Thai character
follows; any other run of two to five consonants with a dot is recognised after a space.
"""

_CONSONANT = "\u0e01-\u0e2e"
_THAI = "\u0e01-\u0e5b"
# ก.ค.ศ. / พ.ศ.: single letters (or pairs) each followed by a dot.
_DOTTED = re.compile(rf"(?<![{_THAI}])(?:[{_CONSONANT}]{{1,2}}\.){{2,}}")
_KNOWN = re.compile(rf"(?:{'|'.join(sorted(ACRONYMS, key=len, reverse=True))})(?:\.|(?![{_THAI}]))")
_GENERIC = re.compile(rf"(?<![{_THAI}])[{_CONSONANT}]{{2,5}}\.")
# ฯ ๆ ๏ ๚ ๛ separate words; Thai vowel and tone marks (Mn) belong to them.
_SEPARATORS = re.compile("[\u0e2f\u0e46\u0e4f\u0e5a\u0e5b]")
RUN = re.compile(r"(?:[^\W\u0e2f\u0e46\u0e4f\u0e5a\u0e5b]|[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])+")
"""A run of letters, marks and digits: the pieces of normalised text a search works on."""


class SearchRulesError(DataError):
    """``book/data/search.yml`` is malformed."""


def _undot(match: re.Match[str]) -> str:
    return " " + match.group(0).replace(".", "") + " "


def normalise(text: str) -> str:
    """Text as both index and query see it: NFC, Arabic digits, lower case, acronyms undotted.

    Each acronym is set apart by spaces so that it becomes a word of its own.
    """
    text = arabic_digits(unicodedata.normalize("NFC", text)).lower()
    for pattern in (_KNOWN, _DOTTED, _GENERIC):
        text = pattern.sub(_undot, text)
    return _SEPARATORS.sub(" ", text)


def squeeze(text: str) -> str:
    """The normalised runs of ``text`` written together: how synonyms and drop words are keyed
    (``ผอ.เขต`` -> ``ผอเขต``, ``ร.ร.`` -> ``รร``)."""
    return "".join(RUN.findall(normalise(text)))


def form(text: str) -> str:
    """A term as the search looks it up: its normalised runs, space-separated (``ผอ.สพป.`` ->
    ``ผอ สพป``; each run must be found on the page)."""
    return " ".join(RUN.findall(normalise(text)))


# ---- the rules file ----

Word = Annotated[str, Field(min_length=1)]


class Drop(BaseModel):
    """Words left out of a query, by kind (the kinds only help the reader of the file)."""

    model_config = FROZEN

    questions: tuple[Text, ...] = ()
    particles: tuple[Text, ...] = ()
    polite: tuple[Text, ...] = ()

    def words(self) -> tuple[str, ...]:
        """Every word to drop, in file order."""
        return (*self.questions, *self.particles, *self.polite)


class Alias(BaseModel):
    """A word of the handbook and the words people use for it."""

    model_config = FROZEN

    term: Text
    aliases: Annotated[tuple[Text, ...], Field(min_length=1)]
    both_ways: StrictBool = False
    """The words mean the same (เห็นชอบ, อนุมัติ): searching the term searches its aliases too."""

    @model_validator(mode="after")
    def _distinct(self) -> Alias:
        check_aliases(self.term, self.aliases)
        return self


class EditCosts(BaseModel):
    """The Thai edit distance's costs (decision 7)."""

    model_config = FROZEN

    cheap: Annotated[float, Field(gt=0, le=1)]
    """The cost of a tone mark, the thanthakhat, or a letter swapped within its group."""
    marks: tuple[Annotated[str, Field(min_length=1, max_length=1)], ...]
    groups: tuple[Annotated[tuple[Annotated[str, Field(min_length=1, max_length=1)], ...],
                            Field(min_length=2)], ...]  # fmt: skip
    max_cost: Annotated[float, Field(gt=0)]
    min_length: Annotated[int, Field(ge=1)]


class SearchRules(BaseModel):
    """``search.yml``: words to drop, aliases of the procedures' words, edit costs."""

    model_config = FROZEN

    drop: Drop
    weak: tuple[Text, ...] = ()
    """Words never searched alone (ทำ, ดู): kept inside phrases."""
    aliases: tuple[Alias, ...]
    edit: EditCosts


def check_aliases(term: str, aliases: Sequence[str]) -> None:
    """An alias is another word: not the term itself, not listed twice (raises ValueError)."""
    seen: set[str] = set()
    for alias in aliases:
        key = squeeze(alias)
        if not key:
            raise ValueError(f"คำเรียกอื่น '{alias}' ไม่มีตัวอักษร")
        if key == squeeze(term):
            raise ValueError(f"คำเรียกอื่น '{alias}' คือคำ '{term}' เอง")
        if key in seen:
            raise ValueError(f"คำเรียกอื่น '{alias}' ซ้ำ")
        seen.add(key)


def load_search_rules(path: str | Path) -> SearchRules:
    """Read and validate ``search.yml``."""
    return validate(SearchRules, load_yaml(path, SearchRulesError), SearchRulesError)


# ---- Thai edit distance ----


@lru_cache(maxsize=8)
def _cost_tables(edit: EditCosts) -> tuple[frozenset[str], dict[str, int]]:
    group_of = {letter: i for i, group in enumerate(edit.groups) for letter in group}
    return frozenset(edit.marks), group_of


def edit_distance(a: str, b: str, edit: EditCosts) -> float:
    """The weighted edit distance between two words (Levenshtein with Thai costs).

    Inserting or deleting a mark of ``edit.marks`` (tone marks, ์) costs ``edit.cheap``, so does
    replacing one mark by another or a letter by one of its group (ณ for น); any other edit 1.
    """
    marks, group_of = _cost_tables(edit)

    def indel(c: str) -> float:
        return edit.cheap if c in marks else 1.0

    def sub(x: str, y: str) -> float:
        if x == y:
            return 0.0
        if (x in marks and y in marks) or (x in group_of and group_of[x] == group_of.get(y)):
            return edit.cheap
        return 1.0

    previous = [0.0]
    for c in b:
        previous.append(previous[-1] + indel(c))
    for x in a:
        current = [previous[0] + indel(x)]
        for j, y in enumerate(b, 1):
            current.append(
                min(previous[j] + indel(x), current[j - 1] + indel(y), previous[j - 1] + sub(x, y))
            )
        previous = current
    return previous[-1]


def accepted(query: str, term: str, edit: EditCosts) -> bool:
    """Whether ``term`` may be searched instead of the typed ``query`` (decision 7)."""
    return len(query) >= edit.min_length and edit_distance(query, term, edit) <= edit.max_cost


# ---- what the index ships to the browser ----


def synonyms(entries: Iterable[tuple[str, Sequence[str]]]) -> dict[str, list[str]]:
    """Alias (squeezed) -> the terms it stands for, as :func:`form` s, from ``(term, aliases)``.

    An alias listed for two terms stands for both.
    """
    table: dict[str, list[str]] = {}
    for term, aliases in entries:
        for alias in aliases:
            forms = table.setdefault(squeeze(alias), [])
            if form(term) not in forms:
                forms.append(form(term))
    return dict(sorted(table.items()))


def index_data(rules: SearchRules, glossary: Iterable[tuple[str, Sequence[str]]]) -> dict[str, Any]:
    """The query rules as ``searchindex.js`` carries them (key ``sop``): ``drop`` and ``weak``
    (squeezed words), ``syn`` (:func:`synonyms` of the glossary's and the rules' aliases; an
    entry marked ``both_ways`` also makes the term stand for its aliases), ``edit`` (the costs)."""
    entries = [*glossary, *((a.term, a.aliases) for a in rules.aliases)]
    entries += [(alias, (a.term,)) for a in rules.aliases if a.both_ways for alias in a.aliases]
    return {
        "drop": sorted({squeeze(w) for w in rules.drop.words()}),
        "weak": sorted({squeeze(w) for w in rules.weak}),
        "syn": synonyms(entries),
        "edit": rules.edit.model_dump(),
    }
