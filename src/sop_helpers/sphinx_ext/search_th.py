"""Thai full-text search: a Sphinx ``SearchLanguage`` for ``th`` and the search page's script.

Sphinx has no Thai search language and falls back to English, whose splitter cuts Thai at every
vowel and tone mark. :class:`SearchThai` indexes Thai words instead (PyThaiNLP, engine newmm) and
also the *joined form* of every two neighbouring words written without a space between them
(``งบ`` + ``ลงทุน`` -> ``งบลงทุน``). The browser never has to cut a query the way PyThaiNLP does:
``static/search-th.js`` covers each word the user typed with index terms of one page, consecutive
terms overlapping, which is only possible where the page holds those words next to each other.

Both sides normalise the same way (:func:`normalise`): NFC, Thai digits to Arabic digits, lower
case, and acronyms without their dots (``กศจ.`` -> ``กศจ``, ``ก.ค.ศ.`` -> ``กคศ``).

Sphinx's index says only which pages hold a term. To rank pages that hold the same words, each
term's pages are listed in order of how often they use it (counted when a page is read and kept
with the environment); the browser reads that order.

searchindex.js is written as compact UTF-8 JSON (about 30 KB gzip for the whole handbook; the
limit is 40 KB), and the script that parses queries and draws results is added to the search
page only.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from docutils import nodes
from pythainlp.tokenize import word_tokenize
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.search import SearchLanguage, _JavaScriptIndex

from sop_helpers._errors import DataError
from sop_helpers._paths import data_folder as package_data_folder
from sop_helpers.glossary import load_glossary
from sop_helpers.search_text import (
    ACRONYMS,
    RUN,
    index_data,
    load_search_rules,
    normalise,
)
from sop_helpers.thai import apply_digits

from .assets import STATIC, declare, use_static
from .digits import html_digits
from .handbook_data import warn_data_error

__all__ = ["ACRONYMS", "SearchThai", "normalise"]

FUNCTION_WORDS: frozenset[str] = frozenset((
    "และ", "ของ", "ใน", "ตาม", "เป็น", "ให้", "ได้", "มี", "ไม่", "กับ", "จาก", "นี้", "นั้น",
    "ต่อ", "ทุก", "แต่ละ", "หรือ", "เมื่อ", "จะ", "ด้วย", "ใด", "ว่า", "เพื่อ", "ต้อง", "ทั้ง", "แล้ว",
    "ไป", "มา", "ควร", "ซึ่ง", "โดย", "ถึง", "อยู่", "คือ", "ก็", "ยัง", "อีก", "แต่", "หาก", "ถ้า",
    "จึง", "แก่", "แห่ง", "เช่น", "ได้แก่", "ดังนี้", "ละ",
))  # fmt: skip
"""Words that join everything (และ, ของ, ใน ...): no joined pair is indexed with them.

ที่ is not one of them: it also numbers things (ไตรมาสที่ ๒, ขั้นตอนที่ ๓), which people look for.

Pairs with them made up a third of the index and are rarely what anyone looks for; the browser
(which gets this list too) accepts two terms side by side, without an overlap, where one of them
is such a word, so "แผนปฏิบัติการของสถานศึกษา" still needs each of its words.
"""

_RUN = RUN
_SHORT_CONSONANTS = re.compile("[\u0e01-\u0e2e]{1,6}")
_HAS_THAI = re.compile("[\u0e01-\u0e5b]")
_LATIN_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=4096)
def _tokenize_run(run: str) -> tuple[str, ...]:
    if not _HAS_THAI.search(run):
        return tuple(_LATIN_WORD.findall(run))
    if _SHORT_CONSONANTS.fullmatch(run):
        # An acronym (กคศ) or a short word without vowels (งบ): newmm would cut กค | ศ.
        return (run,)
    words: list[str] = []
    for token in word_tokenize(run, engine="newmm", keep_whitespace=False):
        if _HAS_THAI.search(token):
            words.append(token)
        else:
            words.extend(_LATIN_WORD.findall(token))
    return tuple(words)


def words(text: str) -> list[list[str]]:
    """The words of ``text``, grouped by runs written without a space between them."""
    runs = (_tokenize_run(run) for run in _RUN.findall(normalise(text)))
    return [list(run) for run in runs if run]


def query_words(query: str) -> list[str]:
    """The words a user typed, as search-th.js reads them (each one is required).

    A run of Thai is one word however long: the browser matches it against the index whole.
    """
    out: list[str] = []
    for run in _RUN.findall(normalise(query)):
        out.extend([run] if _HAS_THAI.search(run) else _LATIN_WORD.findall(run))
    return list(dict.fromkeys(out))


def _pairs(left: str, right: str) -> bool:
    if left in FUNCTION_WORDS or right in FUNCTION_WORDS:
        return False
    return bool(_HAS_THAI.search(left) and _HAS_THAI.search(right))


def index_terms(text: str) -> list[str]:
    """Terms to index for ``text``: every word, then the joined form of each neighbouring pair
    of Thai words (except pairs with a :data:`FUNCTION_WORDS` word)."""
    terms: list[str] = []
    for run in words(text):
        terms.extend(run)
        terms.extend(a + b for a, b in itertools.pairwise(run) if _pairs(a, b))
    return terms


# Replaces Sphinx's splitQuery in language_data.js (loaded on every page, so kept tiny). Only
# used if search-th.js did not load: search-th.js parses queries itself.
_JS_SPLITTER = """
function splitQuery(query) {
  var text = query.normalize("NFC");
  if (window.sop) text = window.sop.arabicDigits(text); // sop.js: the page rules
  var parts = text.split(/[^\\p{L}\\p{M}\\p{N}_]+/u).filter(Boolean);
  if (typeof Intl === "undefined" || !Intl.Segmenter) return parts;
  var seg = new Intl.Segmenter("th", { granularity: "word" });
  return parts.flatMap(function (part) {
    return Array.from(seg.segment(part)).filter(function (s) { return s.isWordLike; })
      .map(function (s) { return s.segment; });
  });
}
"""


class SearchThai(SearchLanguage):
    """Thai words for the Sphinx index (see the module docstring)."""

    lang = "th"
    language_name = "Thai"
    js_splitter_code = _JS_SPLITTER

    def split(self, input: str) -> list[str]:
        return index_terms(input)

    def word_filter(self, word: str) -> bool:
        return bool(word)


SCRIPT = "search-th.js"


# ---- how often each page uses each term (a ranking signal Sphinx's index lacks) ----

_COUNTS = "sop_search_counts"


def _counts(env: BuildEnvironment) -> dict[str, dict[str, int]]:
    if not hasattr(env, _COUNTS):
        setattr(env, _COUNTS, {})
    counts: dict[str, dict[str, int]] = getattr(env, _COUNTS)
    return counts


def _count_terms(app: Sphinx, doctree: nodes.document) -> None:
    """Count the page's terms while it is read (kept with the environment, so incremental
    builds keep the counts of pages not read again). Only counts above one are kept."""
    tally: Counter[str] = Counter()
    for node in doctree.findall(nodes.Text):
        if not isinstance(node.parent, nodes.comment | nodes.raw):
            tally.update(term.lower() for term in index_terms(node.astext()))
    _counts(app.env)[app.env.docname] = {term: n for term, n in tally.items() if n > 1}


def _purge_counts(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    _counts(env).pop(docname, None)


def _merge_counts(
    app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment
) -> None:
    for docname in docnames:
        if docname in _counts(other):
            _counts(env)[docname] = _counts(other)[docname]


class _CompactJavaScriptIndex(_JavaScriptIndex):
    """searchindex.js as UTF-8 without spaces: Sphinx writes each Thai letter as ``\\u0e01``,
    which roughly doubles the file and adds a tenth to its compressed size. Words no page holds
    any more (Sphinx keeps them after an incremental build) are left out.

    ``extra`` (the query rules, :func:`sop_helpers.search_text.index_data`) goes in under the key
    ``sop``; ``written`` gives index entries back the case they are written in (Sphinx lowers
    them: ``ita`` for ITA).
    """

    def __init__(
        self,
        env: BuildEnvironment,
        extra: dict[str, Any] | None = None,
        written: dict[str, str] | None = None,
    ) -> None:
        self.env = env
        self.extra = extra
        self.written = written or {}

    def dumps(self, data: Any) -> str:
        counts = _counts(self.env)
        names = data["docnames"]

        def by_use(term: str, docs: list[int]) -> list[int]:
            # Pages that use the term most come first: search-th.js ranks ties by this order.
            return sorted(docs, key=lambda doc: (-counts.get(names[doc], {}).get(term, 1), doc))

        for key in ("terms", "titleterms"):
            # An incremental build keeps words of rewritten pages with no page left: drop them.
            data[key] = {
                term: by_use(term, docs) if isinstance(docs, list) else docs
                for term, docs in data[key].items()
                if docs != []
            }
        if "indexentries" in data:
            data["indexentries"] = {
                self.written.get(entry, entry): places
                for entry, places in data["indexentries"].items()
            }
        # What the results list shows (page, section and index titles) in the site's digits,
        # as the pages show them; search-th.js folds digits before it compares.
        style = getattr(getattr(self.env, "config", None), "sop_digits", None)
        if style is not None:
            data["titles"] = [html_digits(title, style) for title in data.get("titles", [])]
            for key in ("alltitles", "indexentries"):
                if key in data:
                    data[key] = {apply_digits(t, style): v for t, v in data[key].items()}
        if self.extra is not None:
            data["sop"] = self.extra
        text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return f"{self.PREFIX}{text}{self.SUFFIX}"


RULES = "search.yml"
GLOSSARY = "glossary.yml"


def data_folder(srcdir: str | Path) -> Path:
    """The folder of ``search.yml`` and ``glossary.yml``: the book's ``data``, else the nearest
    ``book/data`` (a small test project borrows the handbook's rules)."""
    own = Path(srcdir) / "data"
    if (own / RULES).is_file():
        return own
    return package_data_folder(DataError, srcdir)


def served_text() -> str:
    """search-th.js as the site serves it: the source without comments and indentation."""
    import rjsmin

    return str(rjsmin.jsmin((STATIC / SCRIPT).read_text(encoding="utf-8")))


def _served_script(app: Sphinx) -> None:
    """Serve search-th.js without its comments and indentation (rjsmin), so the source stays a
    commented, type-checked module while readers download the small file (its gzip budget is in
    scripts/bench_lighthouse.py). The copy is made in the build's cache folder and listed after
    the package's static folder, so Sphinx copies it over the source's copy."""
    from .._files import write_text_atomic

    folder = Path(app.doctreedir) / "sop_served"
    target = folder / SCRIPT
    text = served_text()
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        folder.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, text)
    if str(folder) not in app.config.html_static_path:
        app.config.html_static_path = [*app.config.html_static_path, str(folder)]


def _builder_inited(app: Sphinx) -> None:
    if app.builder.format == "html":
        use_static(app)
        _served_script(app)
    if hasattr(app.builder, "indexer_format"):
        app.builder.indexer_format = _index_format(app)


def _index_format(app: Sphinx) -> _CompactJavaScriptIndex:
    try:
        folder = data_folder(app.srcdir)
    except DataError:
        # A project without the handbook's data (a small test project): the plain Thai
        # index, without the query rules (search-th.js has defaults for them).
        return _CompactJavaScriptIndex(app.env)
    try:
        rules = load_search_rules(folder / RULES)
        glossary = load_glossary(folder / GLOSSARY) if (folder / GLOSSARY).is_file() else {}
    except DataError as error:  # a warning at its file:line (the build fails), the plain index
        warn_data_error(error, "search")
        return _CompactJavaScriptIndex(app.env)
    extra = index_data(rules, [(t.term, t.aliases) for t in glossary.values()])
    written = {term.lower(): term for term in glossary}
    return _CompactJavaScriptIndex(app.env, extra, written)


def setup(app: Sphinx) -> None:
    """Register the Thai search language and load its script on the search page."""
    app.add_search_language(SearchThai)
    app.connect("builder-inited", _builder_inited)
    # Only the search page needs the parser and the results view; sop-core.js first
    # (SopCore.digits shows the counts and the words searched). The word lists reach the script
    # as data, so both sides use the same ones.
    words = {
        "data-acronyms": " ".join(ACRONYMS),
        "data-function-words": " ".join(sorted(FUNCTION_WORDS)),
    }
    declare(
        app,
        "search",
        scripts=("sop-core.js", SCRIPT),
        pages=("search",),
        attributes={SCRIPT: words},
        words=("search.",),  # what the results view says (SopCore.say)
    )
    app.connect("doctree-read", _count_terms)
    app.connect("env-purge-doc", _purge_counts)
    app.connect("env-merge-info", _merge_counts)
