"""Reading queries as staff type them, on the built handbook in Chromium (issue 13).

The query side lives in search-th.js; these tests type into the real search box or call
``SopSearchTh.search`` on the loaded index. The index side (rules, aliases, distance) is tested in
Python by test_search_rules.py; both use tests/data/search_edit_vectors.json.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from .test_search import (
    TOP,
    _index,
    _squeeze,
    load_queries,
    page_text,
    search_each,
    type_query,
    without_segmenter,
)

DATA = Path(__file__).parent / "data"
STAFF_QUERIES = DATA / "search_staff_queries.yml"
VECTORS = DATA / "search_edit_vectors.json"
MIN_FOUND = 0.90
MAX_EMPTY = 0.02

pytestmark = pytest.mark.browser


def _search(page: Any, url: str, query: str, exact: bool = False) -> dict[str, Any]:
    if not page.url.startswith(url + "search.html"):
        page.goto(url + "search.html")
        page.wait_for_function("typeof SopSearchTh !== 'undefined' && Search._index !== null")
    answer: dict[str, Any] = page.evaluate(
        "([q, exact]) => SopSearchTh.search(q, undefined, {exact})", [query, exact]
    )
    return answer


def _docs(answer: dict[str, Any]) -> list[str]:
    return [r["docname"] for r in answer["results"]]


# ---- question words, particles, polite endings ----


@pytest.mark.parametrize(
    ("question", "keywords", "dropped"),
    [
        ("กศจ คืออะไร", "กศจ", ["คืออะไร"]),
        ("ขอความเห็นชอบแผนปฏิบัติการทำอย่างไรครับ", "ขอความเห็นชอบแผนปฏิบัติการ", ["ทำอย่างไร", "ครับ"]),
        ("ไตรมาสเมื่อไหร่", "ไตรมาส", ["เมื่อไหร่"]),
        ("ใครแต่งตั้งคณะกรรมการ", "แต่งตั้งคณะกรรมการ", ["ใคร"]),
        ("กลั่นกรองงานยังไงคะ", "กลั่นกรองงาน", ["ยังไง", "คะ"]),
        ("ปฏิทินปีงบประมาณอยู่ที่ไหน", "ปฏิทินปีงบประมาณ", ["ที่ไหน"]),
        ("ต้องประชาสัมพันธ์ไหม", "ประชาสัมพันธ์", ["ไหม"]),
    ],
)
def test_question_words_are_dropped(
    site_url: str, page: Any, question: str, keywords: str, dropped: list[str]
) -> None:
    """A question finds what its keywords find first; the dropped words are said."""
    asked = _search(page, site_url, question)
    plain = _search(page, site_url, keywords)
    assert asked["dropped"] == dropped
    assert _docs(plain)[0] in _docs(asked)[:TOP], (_docs(asked)[:TOP], _docs(plain)[:TOP])


def test_only_question_words_are_searched_after_all(site_url: str, page: Any) -> None:
    answer = _search(page, site_url, "อย่างไร")
    assert answer["dropped"] == [] and answer["concepts"] == ["อย่างไร"]


# ---- aliases ----


@pytest.mark.parametrize(
    ("query", "term", "page_"),
    [
        ("อนุมัติ", "เห็นชอบ", None),  # a procedure verb (search.yml)
        ("แบ่งงาน", "มอบหมายงาน", "procedures/director"),
        ("เงินรายหัว", "เงินอุดหนุนรายหัว", "examples/budget-analysis-per-student-subsidy"),
        ("งบ", "งบประมาณ", None),
        ("ร.ร.", "โรงเรียน", None),
        ("รร", "โรงเรียน", None),  # undotted: the same alias
        ("บอร์ดจังหวัด", "กศจ", "glossary"),  # a glossary alias
        ("แผน 4 ปี", "แผนพัฒนาการศึกษาขั้นพื้นฐาน", "procedures/development-plan"),  # over pieces
        ("ขออนุมัติแผนปฏิบัติการ", "เห็นชอบ", "procedures/action-plan"),  # inside a phrase
    ],
)
def test_aliases_search_their_terms(
    site_url: str, page: Any, query: str, term: str, page_: str | None
) -> None:
    answer = _search(page, site_url, query)
    assert term in answer["highlight"], answer["highlight"]
    if page_:
        assert page_ in _docs(answer)[:TOP], _docs(answer)[:5]


def test_director_of_the_area_is_not_a_boundary(site_dir: Path, site_url: str, page: Any) -> None:
    """ผอ.เขต is ผอ.สพป.: its glossary entry first, and no page found only by ขอบเขต."""
    answer = _search(page, site_url, "ผอ.เขต")
    first = answer["results"][0]
    assert (first["docname"], first["section"]) == ("glossary", "ผอ.สพป.")
    assert "เขต" not in answer["highlight"] and "ขอบเขต" not in answer["highlight"]
    for doc in _docs(answer):
        text = page_text(site_dir, doc)
        assert "ผอ" in text and "สพป" in text, doc


# ---- forgiveness ----


def _vectors() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(VECTORS.read_text(encoding="utf-8"))
    return data


def test_browser_measures_edits_as_python_does(site_url: str, page: Any) -> None:
    _search(page, site_url, "")
    vectors = _vectors()
    got = page.evaluate(
        "vs => vs.map(v => SopSearchTh.distance(v.query, v.term))",
        vectors,
    )
    assert got == [v["cost"] for v in vectors]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("งบประมาน", "งบประมาณ"),  # น/ณ
        ("ปฎิทิน", "ปฏิทิน"),  # ฎ/ฏ
        ("ไตรมาศ", "ไตรมาส"),  # ศ/ส
        ("ใตรมาส", "ไตรมาส"),  # ใ/ไ
        ("ตัวชีวัด", "ตัวชี้วัด"),  # a missing tone mark
        ("วิเคราะหงบประมาณ", "วิเคราะห์งบประมาณ"),  # a missing ์
        ("กลั่นกอง", "กลั่นกรอง"),  # one missing letter (cost 1)
    ],
)
def test_nearest_words_are_searched_instead(
    site_url: str, page: Any, typed: str, meant: str
) -> None:
    answer = _search(page, site_url, typed)
    assert answer["corrections"] == [{"from": typed, "to": meant}]
    assert answer["results"]
    assert _search(page, site_url, typed, exact=True)["corrections"] == []


@pytest.mark.parametrize(
    "typed",
    [
        "วิสัยทัศ",  # a missing letter and ์: 1.5
        "ศธจ",  # three letters: never corrected (and an index word)
        "กศร",  # three letters the index does not know
    ],
)
def test_no_correction_beyond_the_limit(site_url: str, page: Any, typed: str) -> None:
    assert _search(page, site_url, typed)["corrections"] == []


def test_misspelt_compound_is_one_corrected_word(site_url: str, page: Any) -> None:
    """Not cut into nonsense pieces (ประ | มา | น)."""
    answer = _search(page, site_url, "วิเคราะห์งบประมาน")
    assert answer["concepts"] == ["วิเคราะห์งบประมาณ"]
    assert "procedures/budget-analysis" in _docs(answer)[:TOP]


def test_instead_message_links_to_the_word_as_typed(site_url: str, page: Any) -> None:
    type_query(page, site_url, "งบลงทุม")
    note = page.locator(".sop-search-instead")
    assert note.inner_text().startswith("แสดงผลของ “งบลงทุน” แทน “งบลงทุม”")
    link = note.locator("a")
    href = link.get_attribute("href") or ""
    assert "exact=1" in href and "q=%E0%B8%87" in href
    with page.expect_navigation():
        link.click()
    page.wait_for_selector("#search-results ul[data-done]", state="attached")
    assert "exact=1" in page.url
    assert page.locator(".sop-search-instead").count() == 0
    assert "งบลงทุน" not in page.locator("#search-results p.search-summary").inner_text()


# ---- ranking ----


def _tiny(page: Any, url: str, query: str, index: dict[str, Any]) -> list[dict[str, Any]]:
    page.goto(url + "search.html")
    page.wait_for_function("typeof SopSearchTh !== 'undefined'")
    base: dict[str, Any] = {"alltitles": {}, "indexentries": {}, "titleterms": {}}
    names = index["docnames"]
    base |= {"filenames": [f"{n}.md" for n in names], **index}
    answer = page.evaluate("([q, i]) => SopSearchTh.search(q, i)", [query, base])
    results: list[dict[str, Any]] = answer["results"]
    assert answer["partial"] is index.get("partial", answer["partial"])
    return results


def test_pages_holding_most_of_the_query_come_first(site_url: str, page: Any) -> None:
    index = {
        "docnames": ["one", "two", "three"],
        "titles": ["หน้าหนึ่ง", "หน้าสอง", "หน้าสาม"],
        "terms": {"ตุลาคม": [0, 1, 2], "รายงาน": [1, 2], "สรุปผล": 1},
        "partial": True,
    }
    got = _tiny(page, site_url, "ตุลาคม รายงาน สรุปผล ครุภัณฑ์", index)
    assert [r["docname"] for r in got] == ["two", "three", "one"]


def test_title_and_headings_weigh_more_than_the_body(site_url: str, page: Any) -> None:
    index = {
        "docnames": ["body", "heading", "title"],
        "titles": ["หน้าแรก", "หน้าที่สอง", "ตุลาคม"],
        "terms": {"ตุลาคม": [0, 1, 2]},
        "alltitles": {"ส่งรายงานภายในตุลาคม": [[1, "id1"]]},
        "partial": False,
    }
    got = _tiny(page, site_url, "ตุลาคม", index)
    assert [r["docname"] for r in got] == ["title", "heading", "body"]
    assert got[1]["anchor"] == "#id1"


@pytest.mark.parametrize("term", ["กศจ", "กศจ.", "ไตรมาส", "งบลงทุน", "ITA"])
def test_glossary_entry_of_an_exact_term_comes_first(site_url: str, page: Any, term: str) -> None:
    first = _search(page, site_url, term)["results"][0]
    assert first["docname"] == "glossary" and first["anchor"].startswith("#term-")


def test_nothing_found_offers_the_glossary_and_the_procedures(site_url: str, page: Any) -> None:
    assert type_query(page, site_url, "xyzzyq") == []
    assert "ไม่พบหน้าที่มีคำว่า “xyzzyq”" in page.locator("p.search-summary").inner_text()
    links = page.locator(".sop-search-suggestions a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs[0] == "glossary.html"
    assert sorted(hrefs[1:]) == [
        "procedures/action-plan.html",
        "procedures/budget-analysis.html",
        "procedures/development-plan.html",
        "procedures/director.html",
    ]


# ---- the results page ----


def test_glossary_snippet_is_the_entry_that_matched(site_url: str, page: Any) -> None:
    """กศจ's snippet comes from its own entry, not from กพท.'s (which mentions กศจ first)."""
    type_query(page, site_url, "กศจ")
    first = page.locator("#search-results li").first
    assert first.get_attribute("data-docname") == "glossary"
    first.locator("p.context mark").first.wait_for()
    text = first.locator("p.context").inner_text()
    assert "คณะกรรมการศึกษาธิการจังหวัด" in text
    assert "คณะกรรมการเขตพื้นที่การศึกษา" not in text


def test_titles_keep_their_case(site_url: str, page: Any) -> None:
    type_query(page, site_url, "ita")
    assert page.locator("#search-results li a").first.inner_text() == "อภิธานศัพท์ › ITA"


def test_result_count_in_the_sites_digits(site_url: str, page: Any) -> None:
    type_query(page, site_url, "กลั่นกรอง")
    status = page.locator("#search-results p.search-summary").inner_text()
    assert re.match(r"^พบ [๐-๙]+ หน้า", status), status
    # the site's setting is on <body data-sop-digits>, read by SopCore.digits
    page.evaluate("document.body.dataset.sopDigits = 'arabic'")
    page.evaluate("Search.query('กลั่นกรอง')")
    status = page.locator("#search-results p.search-summary").inner_text()
    assert re.match(r"^พบ [0-9]+ หน้า", status), status


BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    get() { throw new DOMException("blocked", "SecurityError"); },
  });
}
"""


def test_search_works_with_storage_blocked(site_url: str, context: Any) -> None:
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc.stack or exc)))
    got = type_query(page, site_url, "กลั่นกรอง")
    assert "procedures/director" in got[:TOP]
    assert not [e for e in errors if "search-th.js" in e], errors


# ---- the staff's queries ----


def test_staff_queries_are_realistic_and_many() -> None:
    queries = yaml.safe_load(STAFF_QUERIES.read_text(encoding="utf-8"))
    kinds = Counter(q["kind"] for q in queries)
    assert len(queries) >= 120
    assert kinds["question"] >= 30 and kinds["synonym"] >= 25 and kinds["misspelt"] >= 25
    assert kinds["abbreviation"] >= 15 and kinds["spaced"] >= 10
    assert len({q["query"] for q in queries}) == len(queries)


def test_no_staff_query_is_copied_from_a_heading(site_dir: Path) -> None:
    index = _index(site_dir)
    headings = {_squeeze(t) for t in index["alltitles"]} | {
        _squeeze(re.sub("<[^>]+>", "", t)) for t in index["titles"]
    }
    copied = [q.query for q in load_queries(STAFF_QUERIES) if _squeeze(q.query) in headings]
    assert not copied


def _report(queries: list[Any], got: list[list[str]]) -> tuple[float, float, str]:
    misses = [
        f"{q.query!r}: want {q.page}, got {docs[:TOP]}"
        for q, docs in zip(queries, got, strict=True)
        if q.page not in docs[:TOP]
    ]
    empty = [q.query for q, docs in zip(queries, got, strict=True) if not docs]
    found = 1 - len(misses) / len(queries)
    report = f"top {TOP}: {found:.1%} of {len(queries)}; no result: {empty}\n" + "\n".join(misses)
    return found, len(empty) / len(queries), report


def test_staff_queries_find_their_page(site_url: str, page: Any) -> None:
    """Typed into the search box: the page in the top three for 90%, no result for at most 2%."""
    queries = load_queries(STAFF_QUERIES)
    got = [type_query(page, site_url, q.query) for q in queries]
    found, empty, report = _report(queries, got)
    print(report)
    assert found >= MIN_FOUND, report
    assert empty <= MAX_EMPTY, report
    assert not page.watch.console_errors, page.watch.console_errors


def test_staff_queries_without_segmenter(site_url: str, context: Any) -> None:
    """A browser without Intl.Segmenter reads the queries alike (the index's words cut them)."""
    page = without_segmenter(context, site_url)
    queries = load_queries(STAFF_QUERIES)
    got = search_each(page, queries)
    found, empty, report = _report(queries, got)
    assert found >= MIN_FOUND, report
    assert empty <= MAX_EMPTY, report
