"""The director's team view on files answered only in part (reviewer findings, second round).

- Pass/fail standards left blank are counted apart, never as "not met": 3 of 6 answered (2 met)
  reads "ตอบแล้ว ๓ จาก ๖ ข้อ · ได้ตามมาตรฐาน ๒ ข้อ"; a single standard left blank reads
  "มาตรฐานข้อ ๓: ยังไม่ได้ประเมิน", not "ได้ตามมาตรฐาน ๐ จาก ๑ ข้อ".
- A level whose next statement is blank may still rise: "ระดับ ๑ จาก ๕ (ยังตอบไม่ครบ)", and it is
  not flagged as needing support; once a statement is answered "not true" the level is decided
  (the higher ones cannot count) and a low level is flagged as before.
Python (team.py, the notebook) and the page (team.js / team-matrix.js) say the same.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from sop_helpers.team import collect, matrix_table, needs_support, standard_cells, team_matrix

from . import support
from .support import open_team, results_file, team_lines, write_files

TZ = dt.timezone(dt.timedelta(hours=7))
CHECKLISTS = support.checklists()
PROCEDURES = support.procedures()
BUDGET = PROCEDURES["budget-analysis"].short_title
DIRECTOR = PROCEDURES["director"].short_title


def _file(cid: str, answers: dict[str, Any], name: str) -> bytes:
    return results_file(cid, answers, name=name, when=dt.datetime(2026, 11, 20, 9, tzinfo=TZ))


FILES = [
    # 3 of 6 budget-analysis standards answered: 2 met, 1 not
    (
        "a.json",
        _file(
            "budget-analysis-standards",
            {"std1": True, "std2": True, "std3": False},
            "นายกิตติ อ่อนน้อม",
        ),
    ),
    # the director list: only level 1 of standard 1 answered (true); standard 3 left blank
    ("b.json", _file("director-standards", {"std1.1": True}, "นายกิตติ อ่อนน้อม")),
    # standard 2: level 1 true, level 2 answered "not true": level 1, decided; standard 3 met
    (
        "c.json",
        _file("director-standards", {"std2.1": True, "std2.2": False, "std3": True}, "นางมาลี ใจดี"),
    ),
]
EXPECTED = [
    {
        BUDGET: [
            "ตอบแล้ว ๓ จาก ๖ ข้อ · ได้ตามมาตรฐาน ๒ ข้อ",
            "ควรได้รับการสนับสนุน: มาตรฐานข้อ ๓",
        ],
        DIRECTOR: [
            "มาตรฐานข้อ ๑: ระดับ ๑ จาก ๕ (ยังตอบไม่ครบ)",
            "มาตรฐานข้อ ๒: ยังไม่ได้ประเมิน",
            "มาตรฐานข้อ ๓: ยังไม่ได้ประเมิน",  # in its number's place (the 5th review)
            "มาตรฐานข้อ ๔: ยังไม่ได้ประเมิน",
        ],
    },
    {
        BUDGET: ["ยังไม่ได้ส่งไฟล์"],
        DIRECTOR: [
            "มาตรฐานข้อ ๑: ยังไม่ได้ประเมิน",
            "มาตรฐานข้อ ๒: ระดับ ๑ จาก ๕",
            "มาตรฐานข้อ ๓: ได้ตามมาตรฐาน",
            "มาตรฐานข้อ ๔: ยังไม่ได้ประเมิน",
            "ควรได้รับการสนับสนุน: มาตรฐานข้อ ๒",
        ],
    },
]


def test_blank_standards_are_counted_apart_and_a_partial_level_is_not_flagged() -> None:
    entries, rejected = collect(FILES, CHECKLISTS)
    assert rejected == []
    table = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)
    assert [{k: row[k] for k in (BUDGET, DIRECTOR)} for row in table] == EXPECTED
    director = next(e for e in entries if e.file == "b.json")
    titles = {s.id: s.title for s in CHECKLISTS["director-standards"].sections}
    assert needs_support(director) == []  # level 2 left blank: not judged below level 3
    cells = standard_cells(director)
    assert cells[titles["std1"]] == "ระดับ ๑ จาก ๕ (ยังตอบไม่ครบ)"
    assert cells[titles["std3"]] == "ยังไม่ได้ประเมิน"


def test_a_fully_answered_standard_list_reads_as_before() -> None:
    answers = {f"std{i}": i != 4 for i in range(1, 7)}
    entries, _ = collect([("a.json", _file("budget-analysis-standards", answers, "ก"))], CHECKLISTS)
    cell = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)[0][BUDGET]
    assert cell == ["ได้ตามมาตรฐาน ๕ จาก ๖ ข้อ", "ควรได้รับการสนับสนุน: มาตรฐานข้อ ๔"]


@pytest.mark.browser
def test_the_team_page_says_the_same_as_python(site_url: str, page: Any, tmp_path: Path) -> None:
    open_team(page, site_url, write_files(tmp_path, FILES))
    assert team_lines(page, [BUDGET, DIRECTOR]) == EXPECTED
    flagged = page.locator(".sop-team-matrix td.sop-team-support").count()
    assert flagged == 2  # Kitti's budget cell and Malee's director cell; not Kitti's director
