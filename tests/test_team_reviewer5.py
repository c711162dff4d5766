"""The fifth fresh review of the team page, from the director's side: standards in their number
order, the details counting forms, the support rule in the form's words, text targets counted
neither way, a bundle partly replaced by a newer file listed once, and Thai list numbers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import load_checklists, load_procedures, make_results
from sop_helpers.results import results_json
from sop_helpers.team import collect, matrix_table, team_matrix
from sop_helpers.thai import arabic_digits, thai_digits

ROOT = Path(__file__).resolve().parents[1]
CHECKLISTS = load_checklists(ROOT / "checklists")
PROCEDURES = load_procedures(ROOT / "book" / "data" / "procedures")
TZ = dt.timezone(dt.timedelta(hours=7))
PERSON = "นางสาวทดลอง เรียงข้อ"
DIRECTOR = PROCEDURES["director"].short_title


def _results(cid: str, answers: dict[str, Any], day: int) -> dict[str, Any]:
    results = make_results(
        CHECKLISTS[cid],
        answers,
        name=PERSON,
        position="นักวิเคราะห์นโยบายและแผน",
        now=dt.datetime(2026, 11, day, 9, tzinfo=TZ),
    )
    return json.loads(results_json(results))


STANDARDS = {f"std{n}.{k}": k <= 2 for n in (1, 2, 4) for k in range(1, 4)} | {"std3": True}
ROWS = [
    {"indicator": "ก", "target": "90", "result": "95", "evidence": "x"},
    {"indicator": "ข", "target": "12", "result": "10", "evidence": "x"},
    {"indicator": "ค", "target": "ระดับดี/ดีมาก", "result": "ระดับดีมาก", "evidence": "x"},
]


def _bundle(day: int = 10) -> bytes:
    parts = [
        _results("director-standards", STANDARDS, day),
        _results("director-indicators", {"rows": ROWS}, day),
    ]
    bundle = {
        "format": "sop-checklist-bundle",
        "format_version": 2,
        "person": parts[0]["person"],
        "created": parts[0]["updated"],
        "results": parts,
    }
    return json.dumps(bundle, ensure_ascii=False).encode()


def _newer_standards() -> bytes:
    return json.dumps(_results("director-standards", STANDARDS, 20), ensure_ascii=False).encode()


FILES = [("a-bundle.json", _bundle()), ("b-standards-newer.json", _newer_standards())]


def _numbers(lines: list[str]) -> list[int]:
    return [
        int(arabic_digits(m.group(1)))
        for line in lines
        if (m := re.match(r"มาตรฐานข้อ (\S+):", line))
    ]


def test_standards_are_in_number_order_and_text_targets_are_not_counted() -> None:
    entries, _ = collect(FILES[:1], CHECKLISTS)
    cell = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0][DIRECTOR]
    assert _numbers(cell) == [1, 2, 3, 4], cell
    # the third row's target is words: neither reached nor missed (the page's rule)
    assert "บรรลุเป้าหมาย ๑ จาก ๒ ตัวชี้วัด" in cell, cell


def test_a_partly_replaced_bundle_is_listed_once_naming_the_replaced_form() -> None:
    entries, rejected = collect(FILES, CHECKLISTS)
    assert [r.file for r in rejected] == ["a-bundle.json"], rejected
    reason = rejected[0].reason
    assert CHECKLISTS["director-standards"].title in reason
    assert CHECKLISTS["director-indicators"].title not in reason
    assert "ยังใช้อยู่" in reason  # its indicators still count
    assert {e.file for e in entries} == {"a-bundle.json", "b-standards-newer.json"}


@pytest.mark.browser
def test_the_team_page_agrees(site_url: str, page: Any, tmp_path: Path) -> None:
    for name, content in FILES:
        (tmp_path / name).write_bytes(content)
    entries, rejected = collect(FILES, CHECKLISTS)
    expected = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0][DIRECTOR]
    page.set_viewport_size({"width": 360, "height": 900})
    page.goto(site_url + "team/index.html", wait_until="networkidle")
    # ordered lists follow sop_digits (thai by default): the steps are numbered ๑. ๒. ๓.
    marker = page.evaluate("() => getComputedStyle(document.querySelector('article ol li')).listStyleType")
    assert marker == "thai"
    # the support rule quotes the form's choice, not "ไม่ผ่าน"
    article = page.inner_text("article")
    assert "ไม่ผ่าน" not in article and '"ยังไม่ได้ตามมาตรฐาน"' in article
    page.set_input_files("#sop-team-files", [str(tmp_path / FILES[0][0])])
    page.wait_for_selector(".sop-team-matrix")
    # one bundle file of two forms: the details count forms, never "๒ ไฟล์"
    summary = page.text_content(".sop-team-details summary")
    assert summary == "รายละเอียด (๒ แบบ)", summary
    page.set_input_files("#sop-team-files", [str(tmp_path / FILES[1][0])])
    page.wait_for_function("() => document.querySelectorAll('.sop-team-output table').length > 1")
    heads = page.locator(".sop-team-matrix thead th").all_inner_texts()
    shown = page.evaluate(
        """i => [...document.querySelector('.sop-team-matrix tbody tr').cells[i]
             .querySelectorAll(':scope > .sop-team-line')].map(s => s.textContent)""",
        heads.index(DIRECTOR),
    )
    assert shown == [thai_digits(line) for line in expected]
    assert _numbers(shown) == [1, 2, 3, 4]
    listed = page.evaluate(
        """() => [...document.querySelectorAll('.sop-team-output table')]
             .filter(t => t.caption.textContent === 'ไฟล์ที่ใช้ไม่ได้หรือซ้ำ')
             .flatMap(t => [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent)))"""
    )
    assert listed == [[r.file, thai_digits(r.reason)] for r in rejected], listed
    assert not page.watch.console_errors
