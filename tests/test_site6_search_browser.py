"""Questions new staff typed that the search missed (session 6), in Chromium on the built site.

- "แผนปฏิบัติการต้องเสร็จเมื่อไร" found pages that say เสร็จ (the budget report's deadline), not the
  action plan: the words people use for a step's timing (เสร็จ, กำหนดเวลา ...) are now aliases of
  ระยะเวลา in book/data/search.yml, and a page found by its title opens at the section that holds
  what its title does not say (the action plan's steps, each with its ระยะเวลา).
- อนุมัติ and เห็นชอบ mean the same to the office: the search.yml entry says ``both_ways``, so each
  finds a page that uses the other.
- A question whose words the index holds paired with a weak word (ทำเมื่อไร, ใช้ข้อมูล) keeps what
  it asks about apart from how it asks.
- Natural questions about each procedure's deadline, approver and documents find its page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from sop_helpers.search_text import index_data, load_search_rules

from .conftest import ROOT
from .test_search import TOP

pytestmark = pytest.mark.browser

RULES = load_search_rules(ROOT / "book" / "data" / "search.yml")
SHOTS = Path("/tmp/site6")


def _search(page: Any, url: str, query: str) -> dict[str, Any]:
    if not page.url.startswith(url + "search.html"):
        page.goto(url + "search.html")
        page.wait_for_function("typeof SopSearchTh !== 'undefined' && Search._index !== null")
    answer: dict[str, Any] = page.evaluate("q => SopSearchTh.search(q)", query)
    return answer


def _docs(answer: dict[str, Any]) -> list[str]:
    return [r["docname"] for r in answer["results"]]


@pytest.mark.parametrize("width", [360, 1280])
def test_when_must_the_action_plan_be_finished(browser: Any, site_url: str, width: int) -> None:
    """Typed in the box: the action plan's steps (each with its timing) among the first three."""
    ctx = browser.new_context(viewport={"width": width, "height": 740 if width == 360 else 900})
    page = ctx.new_page()
    query = "แผนปฏิบัติการต้องเสร็จเมื่อไร"
    page.goto(site_url + "search.html?q=" + quote(query))
    page.wait_for_selector("#search-results ul[data-done]", state="attached")
    first = page.locator("#search-results li").filter(
        has=page.locator('a[href^="procedures/action-plan.html"]')
    )
    first.locator("p.context mark").first.wait_for()
    rank = page.eval_on_selector_all(
        "#search-results ul.search > li", "items => items.map(li => li.dataset.docname)"
    ).index("procedures/action-plan")
    assert rank < TOP
    link = first.locator("a").first
    assert link.inner_text() == "การจัดทำแผนปฏิบัติการประจำปีงบประมาณ › ขั้นตอนการปฏิบัติงาน"
    snippet = first.locator("p.context").inner_text()
    assert "ระยะเวลา: เดือน" in snippet, snippet
    page.screenshot(path=str(SHOTS / f"search-action-plan-finished-{width}.png"))
    with page.expect_navigation():
        link.click()
    # the link opens the steps, where the timing of each step stands
    target = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    heading = page.locator(f'section[id="{target}"] > h2').inner_text()
    assert heading.startswith("ขั้นตอนการปฏิบัติงาน")
    assert "ระยะเวลา" in page.locator(f'section[id="{target}"]').inner_text()
    ctx.close()


def test_a_page_found_by_its_title_alone_still_opens_at_its_top(site_url: str, page: Any) -> None:
    """Only words the title does not say send the reader to a section."""
    page.goto(site_url + "search.html?q=" + quote("แผนปฏิบัติการ"))
    page.wait_for_selector("#search-results ul[data-done]", state="attached")
    item = page.locator('#search-results li[data-docname="procedures/action-plan"]')
    item.locator("p.context mark").first.wait_for()
    assert item.locator("a").get_attribute("href") == "procedures/action-plan.html"


def _tiny_index() -> dict[str, Any]:
    """Two pages, one saying อนุมัติ, the other เห็นชอบ, with the handbook's own query rules."""
    return {
        "docnames": ["approve", "agree"],
        "filenames": ["approve.md", "agree.md"],
        "titles": ["หน้าหนึ่ง", "หน้าสอง"],
        "terms": {"อนุมัติ": 0, "เห็นชอบ": 1, "แผน": [0, 1]},
        "titleterms": {},
        "alltitles": {},
        "indexentries": {},
        "sop": index_data(RULES, []),
    }


@pytest.mark.parametrize("query", ["อนุมัติ", "เห็นชอบ", "อนุมัติแผน", "เห็นชอบแผน"])
def test_approval_words_find_each_other(site_url: str, page: Any, query: str) -> None:
    page.goto(site_url + "search.html")
    page.wait_for_function("typeof SopSearchTh !== 'undefined'")
    answer = page.evaluate("([q, i]) => SopSearchTh.search(q, i)", [query, _tiny_index()])
    assert sorted(_docs(answer)) == ["agree", "approve"], answer


def test_both_ways_is_data() -> None:
    syn = index_data(RULES, [])["syn"]
    assert "เห็นชอบ" in syn["อนุมัติ"] and "อนุมัติ" in syn["เห็นชอบ"]
    # a one-way alias stays one way: งบ finds งบประมาณ, งบประมาณ does not search every งบ
    assert "งบประมาณ" in syn["งบ"] and "งบประมาณ" not in syn


@pytest.mark.parametrize(
    ("query", "kept", "dropped"),
    [
        ("ตัวชี้วัดรายบุคคลต้องทำเมื่อไร", ["ตัวชี้วัด", "รายบุคคล"], ["เมื่อไร"]),  # ทำเมื่อไร
        ("แผนพัฒนาใช้ข้อมูลอะไรบ้าง", ["แผนพัฒนา", "ข้อมูล"], ["อะไรบ้าง"]),  # ใช้ข้อมูล
        ("แผนปฏิบัติการใช้เอกสารอะไรบ้าง", ["แผน", "ปฏิบัติการ", "เอกสาร"], ["อะไรบ้าง"]),
    ],
)
def test_weak_words_paired_in_the_index_still_split_a_question(
    site_url: str, page: Any, query: str, kept: list[str], dropped: list[str]
) -> None:
    answer = _search(page, site_url, query)
    assert answer["concepts"] == kept and answer["dropped"] == dropped


# Questions a new staff member asks about each procedure: deadlines, who approves, documents.
QUESTIONS = [
    ("แผนปฏิบัติการต้องเสร็จเมื่อไร", "procedures/action-plan"),
    ("แผนปฏิบัติการเสร็จเมื่อไหร่", "procedures/action-plan"),
    ("ต้องเผยแพร่แผนปฏิบัติการเมื่อไร", "procedures/action-plan"),
    ("ใครเป็นคนอนุมัติแผนปฏิบัติการ", "procedures/action-plan"),
    ("ผู้อนุมัติแผนปฏิบัติการคือใคร", "procedures/action-plan"),
    ("แผนปฏิบัติการใช้เอกสารอะไรบ้าง", "procedures/action-plan"),
    ("แบบฟอร์มของแผนปฏิบัติการมีอะไรบ้าง", "procedures/action-plan"),
    ("ต้องรายงานผลแผนปฏิบัติการกี่ครั้ง", "procedures/action-plan"),
    ("แผนพัฒนาการศึกษาเสร็จเมื่อไหร่", "procedures/development-plan"),
    ("ใครอนุมัติแผนพัฒนา", "procedures/development-plan"),
    ("แผนพัฒนาใช้ข้อมูลอะไรบ้าง", "procedures/development-plan"),
    ("แผนพัฒนาต้องประกาศที่ไหน", "procedures/development-plan"),
    ("รายงานวิเคราะห์งบประมาณต้องเสร็จเมื่อไร", "procedures/budget-analysis"),
    ("ใครอนุมัติรายงานวิเคราะห์งบประมาณ", "procedures/budget-analysis"),
    ("ใครเซ็นคำสั่งแต่งตั้งกรรมการ", "procedures/budget-analysis"),
    ("เอกสารวิเคราะห์งบประมาณมีอะไรบ้าง", "procedures/budget-analysis"),
    ("ส่งรายงานวิเคราะห์งบให้ สพฐ. วันไหน", "procedures/budget-analysis"),
    ("ใครกลั่นกรองงาน", "procedures/director"),
    ("ผอ.กลุ่มมอบหมายงานเมื่อไร", "procedures/director"),
    ("ผอ.กลุ่มต้องทำอะไรบ้าง", "procedures/director"),
    ("ผู้อำนวยการกลุ่มประเมินบุคลากรตอนไหน", "procedures/director"),
]


@pytest.mark.parametrize(("query", "wanted"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_natural_questions_find_their_procedure(
    site_url: str, page: Any, query: str, wanted: str
) -> None:
    got = _docs(_search(page, site_url, query))
    assert wanted in got[:TOP], got[:5]
