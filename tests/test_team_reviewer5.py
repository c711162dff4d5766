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

from sop_helpers.team import collect, matrix_table, team_matrix
from sop_helpers.thai import arabic_digits, thai_digits

from . import support
from .support import open_team, results_file, team_lines, team_tables, write_files

CHECKLISTS = support.checklists()
PROCEDURES = support.procedures()
TZ = dt.timezone(dt.timedelta(hours=7))
PERSON = "นางสาวทดลอง เรียงข้อ"
DIRECTOR = PROCEDURES["director"].short_title


def _results(cid: str, answers: dict[str, Any], day: int) -> dict[str, Any]:
    file = results_file(cid, answers, name=PERSON, when=dt.datetime(2026, 11, day, 9, tzinfo=TZ))
    result: dict[str, Any] = json.loads(file)
    return result


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
    paths = write_files(tmp_path, FILES)
    entries, rejected = collect(FILES, CHECKLISTS)
    expected = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0][DIRECTOR]
    open_team(page, site_url, width=360)
    # ordered lists follow sop_digits (thai by default): the steps are numbered ๑. ๒. ๓.
    marker = page.evaluate(
        "() => getComputedStyle(document.querySelector('article ol li')).listStyleType"
    )
    assert marker == "thai"
    # the support rule quotes the form's choice, not "ไม่ผ่าน"
    article = page.inner_text("article")
    assert "ไม่ผ่าน" not in article and '"ยังไม่ได้ตามมาตรฐาน"' in article
    page.set_input_files("#sop-team-files", paths[:1])
    page.wait_for_selector(".sop-team-matrix")
    # one bundle file of two forms: the details count forms, never "๒ ไฟล์"
    summary = page.text_content(".sop-team-details summary")
    assert summary == "รายละเอียด (๒ แบบ)", summary
    page.set_input_files("#sop-team-files", paths[1:])
    page.wait_for_function("() => document.querySelectorAll('.sop-team-output table').length > 1")
    shown = team_lines(page, [DIRECTOR])[0][DIRECTOR]
    assert shown == [thai_digits(line) for line in expected]
    assert _numbers(shown) == [1, 2, 3, 4]
    listed = team_tables(page)["ไฟล์ที่ใช้ไม่ได้หรือซ้ำ"]
    assert listed == [[r.file, thai_digits(r.reason)] for r in rejected], listed
    assert not page.watch.console_errors
