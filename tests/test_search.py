"""Thai search: the index's words (Python), and queries typed on the built site (Chromium).

The browser tests run twice: on a small fixture project built here (text of the source
document) and on the handbook's own site (``site_dir``), each with its own query set.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from sop_helpers.sphinx_ext.search_th import (
    _CompactJavaScriptIndex,
    index_terms,
    normalise,
    query_words,
    words,
)

from .support import serve, sphinx_build

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "search_fixture"
BOOK_QUERIES = DATA / "search_queries.yml"

MAX_INDEX_GZIP = 40 * 1024
TOP = 3
MIN_FOUND = 0.95
MIN_PRECISION = 0.90


# ---- the index's words (Python) ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("๑๕ ตุลาคม ๒๕๖๙", "15 ตุลาคม 2569"),
        ("Google Sheets", "google sheets"),
        ("กศจ.พะเยา", " กศจ พะเยา"),
        ("ตามมติกศจ.", "ตามมติ กศจ "),
        ("ผอ.สพป.พะเยา", " ผอ  สพป พะเยา"),
        ("ก.ค.ศ.", " กคศ "),
        ("แผนฯ ต่าง ๆ", "แผน  ต่าง  "),
        ("ผอม", "ผอม"),  # an acronym's letters inside a word stay
        ("การบริหาร.", "การบริหาร."),  # a dot after a word with vowels is no acronym
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("กศจ.พะเยา", [["กศจ"], ["พะเยา"]]),
        ("ก.ค.ศ. และ อ.ก.ค.ศ.", [["กคศ"], ["และ"], ["อกคศ"]]),
        ("งบลงทุน", [["งบ", "ลงทุน"]]),
        ("งบ ลงทุน", [["งบ"], ["ลงทุน"]]),
        ("วันที่ ๑๕ ตุลาคม", [["วันที่"], ["15"], ["ตุลาคม"]]),
        (
            "ใช้ Google-Sheets 1,234.50 บาท",
            [["ใช้"], ["google"], ["sheets"], ["1"], ["234"], ["50"], ["บาท"]],
        ),
    ],
)
def test_words(text: str, expected: list[list[str]]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [("กศจ.", "กศจ"), ("๑๕ ตุลาคม", "15 ตุลาคม"), ("ก.ค.ศ.", "กคศ"), ("สพป.พะเยา", "สพป พะเยา")],
)
def test_query_forms_meet(first: str, second: str) -> None:
    """Dotted and undotted acronyms, Thai and Arabic digits: the same words."""
    assert query_words(first) == query_words(second)


def test_index_holds_words_and_joined_pairs() -> None:
    terms = index_terms("จัดทำแผนปฏิบัติการประจำปี กศจ.พะเยา")
    run = words("จัดทำแผนปฏิบัติการประจำปี")[0]
    assert len(run) >= 3
    for word in run:
        assert word in terms
    for left, right in itertools.pairwise(run):
        assert left + right in terms
    assert "กศจ" in terms and "พะเยา" in terms
    assert "กศจพะเยา" not in terms  # the dot separates them on the page


COMBINING = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
THAI_RUN = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]+")


def test_source_runs_cut_into_whole_words() -> None:
    """Every run of Thai in the source cuts into words that give the run back, none of them
    starting with a vowel or tone mark (the fragments Sphinx's English splitter makes)."""
    text = (DATA / "source" / "000_d86ef5c68f33fdcd.txt").read_text(encoding="utf-8")
    runs = THAI_RUN.findall(normalise(re.sub(r"<[^>]+>", " ", text)))
    assert len(runs) > 400
    for run in runs:
        (cut,) = words(run)
        assert "".join(cut) == run
        assert not [w for w in cut if COMBINING.match(w)], cut


def test_no_pair_with_a_function_word() -> None:
    terms = index_terms("แผนปฏิบัติการของสถานศึกษา")
    assert "ของ" in terms and "สถานศึกษา" in terms
    assert not [t for t in terms if t != "ของ" and "ของ" in t]
    assert "ไตรมาสที่" in index_terms("ไตรมาสที่ ๒")  # ที่ numbers things: kept in pairs


def test_index_dump_orders_pages_by_use_and_drops_empty_terms() -> None:
    env = SimpleNamespace(sop_search_counts={"b": {"งบ": 5}, "c": {"งบ": 2}})
    data = {
        "docnames": ["a", "b", "c"],
        "terms": {"งบ": [0, 1, 2], "เก่า": [], "แผน": 2},
        "titleterms": {},
    }
    text = _CompactJavaScriptIndex(env).dumps(data)  # type: ignore[arg-type]
    assert text.startswith("Search.setIndex({") and "\\u0e" not in text
    terms = json.loads(text[len("Search.setIndex(") : -1])["terms"]
    assert terms == {"งบ": [1, 2, 0], "แผน": 2}


def test_result_titles_are_shown_in_the_sites_digits() -> None:
    # A reviewer searched "ไตรมาส 2" and got "ปฏิทินการดำเนินงาน ปีงบประมาณ 2569" on a Thai-digit site.
    data = {
        "docnames": ["fy"],
        "titles": ["ปฏิทินปีงบประมาณ <span>2570</span>"],
        "alltitles": {"ปฏิทินการดำเนินงาน ปีงบประมาณ 2569": [[0, "id6"]]},
        "indexentries": {"ไตรมาส 1": [[0, "q1"]]},
        "terms": {},
        "titleterms": {},
    }
    for style, year, quarter in (("thai", "๒๕๖๙", "ไตรมาส ๑"), ("arabic", "2569", "ไตรมาส 1")):
        env = SimpleNamespace(sop_search_counts={}, config=SimpleNamespace(sop_digits=style))
        text = _CompactJavaScriptIndex(env).dumps(json.loads(json.dumps(data)))  # type: ignore[arg-type]
        shown = json.loads(text[len("Search.setIndex(") : -1])
        assert shown["alltitles"] == {f"ปฏิทินการดำเนินงาน ปีงบประมาณ {year}": [[0, "id6"]]}
        assert list(shown["indexentries"]) == [quarter]
        assert shown["titles"][0].startswith("ปฏิทินปีงบประมาณ <span>")


# ---- the built fixture project ----


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("search-fixture")
    done = sphinx_build(FIXTURE, out)
    assert done.returncode == 0, done.stderr
    return out


def _index(site: Path) -> dict[str, Any]:
    text = (site / "searchindex.js").read_text(encoding="utf-8")
    assert text.startswith("Search.setIndex(") and text.endswith(")")
    data: dict[str, Any] = json.loads(text[len("Search.setIndex(") : -1])
    return data


@pytest.mark.build
def test_fixture_index_has_thai_words(fixture_site: Path) -> None:
    terms = _index(fixture_site)["terms"]
    for word in ("ตุลาคม", "15", "กศจ", "ไตรมาส", "ลำพูน"):
        assert word in terms, word
    # Sphinx's English splitter would leave pieces cut at vowels and tone marks.
    assert not [t for t in terms if re.match("^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", t)]


@pytest.mark.build
def test_script_only_on_the_search_page(fixture_site: Path) -> None:
    assert "search-th.js" in (fixture_site / "search.html").read_text(encoding="utf-8")
    for page in ("index.html", "action-plan.html", "glossary.html"):
        assert "search-th.js" not in (fixture_site / page).read_text(encoding="utf-8")
    language_data = (fixture_site / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "function splitQuery" in language_data and "Intl.Segmenter" in language_data


# ---- queries typed in Chromium ----


@dataclass(frozen=True)
class Query:
    query: str
    page: str


def load_queries(path: Path) -> list[Query]:
    """The query set: a YAML list of ``{query, page}``."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(str(item["query"]), str(item["page"])) for item in raw]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text))


def page_text(site: Path, docname: str) -> str:
    """The article text of a built page, normalised and without spaces."""
    soup = BeautifulSoup((site / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup.find(attrs={"role": "main"}) or soup
    for el in article.select(".headerlink, script, style"):
        el.decompose()
    return _squeeze(article.get_text(" "))


def type_query(page: Any, url: str, query: str) -> list[str]:
    """Type ``query`` in the search page's box, press Enter, return the result pages in order."""
    if not page.url.startswith(url + "search.html"):
        page.goto(url + "search.html")
    box = page.locator('.bd-search-container input[name="q"]')
    box.fill(query)
    with page.expect_navigation():  # a new page: never read the previous query's list
        box.press("Enter")
    page.wait_for_selector("#search-results ul[data-done]", state="attached")
    docnames: list[str] = page.eval_on_selector_all(
        "#search-results ul.search > li", "items => items.map(li => li.dataset.docname)"
    )
    return docnames


def without_segmenter(context: Any, url: str) -> Any:
    """The search page in a browser without Intl.Segmenter (an older one), its index loaded."""
    context.add_init_script("delete Intl.Segmenter;")
    page = context.new_page()
    page.goto(url + "search.html")
    page.wait_for_function("typeof SopSearchTh !== 'undefined' && !SopSearchTh.segmenter")
    return page


def search_each(page: Any, queries: list[Query]) -> list[list[str]]:
    """``SopSearchTh.search`` of each query on the loaded search page: its result pages."""
    docnames: list[list[str]] = page.evaluate(
        "qs => qs.map(q => SopSearchTh.search(q).results.map(r => r.docname))",
        [q.query for q in queries],
    )
    return docnames


@dataclass
class Outcome:
    found: int
    total: int
    precise: int
    returned: int
    misses: list[str]
    imprecise: list[str]


def run_queries(page: Any, url: str, site: Path, queries: list[Query]) -> Outcome:
    out = Outcome(0, len(queries), 0, 0, [], [])
    texts: dict[str, str] = {}
    for q in queries:
        got = type_query(page, url, q.query)
        if q.page in got[:TOP]:
            out.found += 1
        else:
            out.misses.append(f"{q.query!r}: want {q.page}, got {got[:5]}")
        wanted = [_squeeze(w) for w in q.query.split()]
        for doc in got[:10]:
            text = texts.setdefault(doc, page_text(site, doc))
            out.returned += 1
            if all(w in text for w in wanted):
                out.precise += 1
            else:
                out.imprecise.append(f"{q.query!r} -> {doc}")
    return out


@pytest.fixture(scope="module")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    with serve(fixture_site) as url:
        yield url


def _check(outcome: Outcome) -> None:
    found = outcome.found / outcome.total
    precision = outcome.precise / max(outcome.returned, 1)
    report = (
        f"found in top {TOP}: {outcome.found}/{outcome.total} ({found:.0%}); "
        f"precision {outcome.precise}/{outcome.returned} ({precision:.0%})\n"
        + "\n".join(["misses:", *outcome.misses, "imprecise:", *outcome.imprecise])
    )
    print(report)
    assert found >= MIN_FOUND, report
    assert precision >= MIN_PRECISION, report


@pytest.mark.browser
@pytest.mark.build
def test_fixture_queries(fixture_site: Path, fixture_url: str, page: Any) -> None:
    _check(run_queries(page, fixture_url, fixture_site, load_queries(FIXTURE / "queries.yml")))
    assert not page.watch.console_errors, page.watch.console_errors


PARITY = [
    "๑๕ ตุลาคม ๒๕๖๙",
    "กศจ.พะเยา",
    "ตามมติกศจ.",
    "ผอ.สพป.พะเยา เขต ๒",
    "ก.ค.ศ. และ อ.ก.ค.ศ.",
    "แผนฯ ต่าง ๆ",
    "Google Sheets งบลงทุน",
    "การบริหาร.",
    "www.phayaob.go.th",
]


@pytest.mark.browser
@pytest.mark.build
def test_browser_reads_text_as_the_index_does(fixture_url: str, page: Any) -> None:
    """search-th.js normalises and splits queries exactly as search_th.py does."""
    page.goto(fixture_url + "search.html")
    got = page.evaluate(
        "xs => xs.map(x => [SopSearchTh.normalise(x), SopSearchTh.queryWords(x)])", PARITY
    )
    assert got == [[normalise(x), query_words(x)] for x in PARITY]


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("segmenter", [True, False], ids=["Intl.Segmenter", "no-Segmenter"])
def test_words_apart_still_found(fixture_url: str, context: Any, segmenter: bool) -> None:
    """A phrase that is not on any page as written falls back to its words, with or without
    Intl.Segmenter; all queries of the set still pass without it."""
    if not segmenter:
        context.add_init_script("delete Intl.Segmenter;")
    page = context.new_page()
    page.goto(fixture_url + "search.html")
    assert page.evaluate("SopSearchTh.segmenter") is segmenter
    answer = page.evaluate("q => SopSearchTh.search(q)", "รายงานตุลาคม")
    assert answer["relaxed"] is True
    assert "budget-analysis" in [r["docname"] for r in answer["results"]]


@pytest.mark.browser
@pytest.mark.build
def test_results_show_title_snippet_and_mark(fixture_url: str, page: Any) -> None:
    type_query(page, fixture_url, "๑๕ ตุลาคม")
    item = page.locator("#search-results li").first
    assert item.locator("a").inner_text() == "การวิเคราะห์งบประมาณรายจ่าย"
    item.locator("p.context mark").first.wait_for()
    marks = item.locator("p.context mark").all_inner_texts()
    assert {normalise(m) for m in marks} >= {"15", "ตุลาคม"}
    assert "ผลการค้นหา" in page.inner_text("#search-results h2")


# ---- the handbook ----


@pytest.mark.browser
def test_book_search_index_small(site_dir: Path) -> None:
    size = len(gzip.compress((site_dir / "searchindex.js").read_bytes(), 9))
    assert size <= MAX_INDEX_GZIP, f"searchindex.js is {size} bytes gzip"


@pytest.mark.browser
def test_book_queries(site_dir: Path, site_url: str, page: Any) -> None:
    queries = load_queries(BOOK_QUERIES)
    assert len(queries) >= 40
    _check(run_queries(page, site_url, site_dir, queries))


@pytest.mark.browser
def test_book_queries_without_segmenter(site_url: str, context: Any) -> None:
    """A browser without Intl.Segmenter finds the same pages (the index's words cut queries)."""
    page = without_segmenter(context, site_url)
    queries = load_queries(BOOK_QUERIES)
    got = search_each(page, queries)
    found = [q.query for q, docs in zip(queries, got, strict=True) if q.page in docs[:TOP]]
    assert len(found) / len(queries) >= MIN_FOUND, set(q.query for q in queries) - set(found)


@pytest.mark.browser
@pytest.mark.build
@pytest.mark.parametrize("pages", [6, 40], ids=["number-bits", "bigint-bits"])
def test_page_sets_past_thirty_pages(fixture_url: str, page: Any, pages: int) -> None:
    """Page sets are a number's bits up to 30 pages and a BigInt's beyond: same answers."""
    page.goto(fixture_url + "search.html")
    last = pages - 1
    index = {
        "docnames": [f"p{i}" for i in range(pages)],
        "filenames": [f"p{i}.md" for i in range(pages)],
        "titles": [f"หน้า {i}" for i in range(pages)],
        "terms": {"ตุลาคม": [0, 2, last], "งบ": [2, last], "ลงทุน": last, "งบลงทุน": last},
        "titleterms": {},
        "alltitles": {},
        "indexentries": {},
    }
    got = page.evaluate(
        "([qs, index]) => qs.map(q => SopSearchTh.search(q, index).results.map(r => r.docname))",
        [["ตุลาคม", "งบ ลงทุน", "งบลงทุน", "ลงทุน งบ ตุลาคม"], index],
    )
    assert [sorted(g) for g in got] == [
        sorted(["p0", "p2", f"p{last}"]),
        [f"p{last}"],
        [f"p{last}"],
        [f"p{last}"],
    ]


@pytest.mark.build
def test_fixture_index_carries_the_query_rules(fixture_site: Path) -> None:
    """The index ships what search-th.js reads queries with: words to drop, weak words,
    aliases (glossary's and search.yml's) and the edit costs."""
    rules = _index(fixture_site)["sop"]
    assert {"คืออะไร", "ทำอย่างไร", "ครับ"} <= set(rules["drop"])
    assert "ทำ" in rules["weak"]
    assert rules["syn"]["ผอเขต"] == ["ผอ สพป"] and "เห็นชอบ" in rules["syn"]["อนุมัติ"]
    assert rules["edit"]["cheap"] == 0.5 and rules["edit"]["min_length"] == 4


@pytest.mark.browser
def test_book_index_entries_keep_their_case(site_dir: Path) -> None:
    entries = _index(site_dir)["indexentries"]
    assert "ITA" in entries and "ita" not in entries
