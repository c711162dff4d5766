"""What the reviewer still saw on the search page (issue 13, residuals), on the built site in
Chromium: "SWOT" finds the development plan, marked Thai words have no gaps, the echo of the
query and the count are in the site's digits, and the page downloads the small search script."""

from __future__ import annotations

import gzip
import re
from typing import Any

import pytest

from .test_search import type_query
from .test_search_browser import _docs, _search

pytestmark = pytest.mark.browser

ARABIC = re.compile("[0-9]")


@pytest.mark.parametrize("query", ["SWOT", "swot", "วิเคราะห์ SWOT", "จุดแข็งจุดอ่อน"])
def test_swot_finds_the_development_plan(site_url: str, page: Any, query: str) -> None:
    top = _docs(_search(page, site_url, query))[:3]
    assert "procedures/development-plan" in top, top
    assert "glossary" in top, top


def test_marked_words_have_no_gaps(site_url: str, page: Any) -> None:
    """A mark inside a Thai word adds no space and no padding, and holds whole letters (a vowel
    or tone mark above the last letter is not left outside, drawn on a dotted circle)."""
    type_query(page, site_url, "กลั่นกรอง")
    page.wait_for_selector("#search-results p.context mark")
    snippets = page.locator("#search-results p.context")
    checked = 0
    for n in range(min(snippets.count(), 5)):
        p = snippets.nth(n)
        if not p.locator("mark").count():
            continue
        checked += 1
        for mark in p.locator("mark").all():
            box = mark.evaluate(
                """m => { const s = getComputedStyle(m);
                    return [s.paddingLeft, s.paddingRight, s.marginLeft, s.marginRight]; }"""
            )
            assert box == ["0px"] * 4, box
            # Drawn where the letters stand: the mark starts where the text before it ends.
            gap = mark.evaluate(
                """m => { const prev = m.previousSibling; if (!prev || !prev.textContent) return 0;
                    const r = document.createRange(); r.setStart(prev, prev.textContent.length - 1);
                    r.setEnd(prev, prev.textContent.length); const a = r.getBoundingClientRect();
                    const b = m.getClientRects()[0];
                    return Math.abs(a.top - b.top) > 2 ? 0 : b.left - a.right; }"""
            )
            assert abs(gap) < 0.5, gap
            inner = mark.inner_text()
            assert not re.match("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", inner), inner
            after = mark.evaluate(
                "m => (m.nextSibling && m.nextSibling.textContent || '')[0] || ''"
            )
            assert not re.match("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", after), (inner, after)
    assert checked


def test_a_mark_takes_the_marks_above_its_last_letter(site_url: str, page: Any) -> None:
    """Marking "กร" in "กร้าว" takes the tone mark with it: one mark, the word unbroken."""
    _search(page, site_url, "กศจ")
    html = page.evaluate(
        """() => { const p = document.createElement('p');
            SopSearchTh._mark(p, 'ท่าทีกร้าวขึ้น', /กร/g); return p.innerHTML; }"""
    )
    assert html == "ท่าที<mark>กร้</mark>าวขึ้น", html


@pytest.mark.parametrize("query", ["แผน 5 ปี", "15 ตุลาคม", "ไตรมาส 2"])
def test_the_echo_uses_the_sites_digits(site_url: str, page: Any, query: str) -> None:
    type_query(page, site_url, query)
    head = page.locator("#search-results .search-summary").inner_text()
    assert "พบ" in head or "แสดง" in head, head
    assert not ARABIC.search(head), head
    assert re.search("[๐-๙]", head), head  # the count and the words typed with digits, in Thai


def test_the_page_downloads_the_small_search_script(site_url: str, page: Any) -> None:
    sizes: dict[str, int] = {}

    def seen(response: Any) -> None:
        if response.url.split("?")[0].endswith("/search-th.js"):
            sizes["search-th.js"] = len(gzip.compress(response.body(), 6))

    page.on("response", seen)
    page.goto(site_url + "search.html")
    page.wait_for_function("typeof SopSearchTh !== 'undefined'")
    assert 0 < sizes["search-th.js"] <= 12_000, sizes
    assert page.evaluate("typeof SopCore !== 'undefined' && typeof SopCore.digits === 'function'")
