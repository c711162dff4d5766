"""Audit of issue 12 (session 5): the team view under inputs the earlier tests did not try.

Written from the director's side. Each case is run by Python's ``team.collect`` and by the team
page in Chromium, and both must say the same:

- two files of one person whose ``updated`` times are written in different offsets (``+07:00``
  and ``Z``): the NEWER instant counts, although its text sorts first (issue 12, part 1: "time
  comparisons by instant");
- a name typed with a decomposed SARA AM (U+0E4D U+0E32) or in NFD, and with a double space, is
  the same person as the name typed plainly (part 1: "names compared after NFC and whitespace
  folding");
- a staff member's name or position that looks like a spreadsheet formula comes out of the team
  page's CSV download neutralised (part 3: "every CSV/Excel text cell ... in every export
  (checklist, team, ...)");
- an item whose text is typed with a decomposed SARA AM has the same content hash as the composed
  text, so a saved answer is not dropped for identical-looking text (part 7).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from sop_helpers.checklists.model import content_hash
from sop_helpers.names import person_key
from sop_helpers.output import sheet_cell
from sop_helpers.team import collect, matrix_table, team_matrix
from sop_helpers.thai import thai_digits

from . import support
from .support import TEAM_MATRIX as MATRIX
from .support import open_team, results_file, save_download, team_tables, write_files

CHECKLISTS = support.checklists()
PROCEDURES = support.procedures()
BANGKOK = dt.timezone(dt.timedelta(hours=7))
REJECTED_CAPTION = "ไฟล์ที่ใช้ไม่ได้หรือซ้ำ"


def _file(cid: str, answers: dict[str, Any], name: str, when: dt.datetime, **person: str) -> bytes:
    return results_file(cid, answers, name=name, when=when, **person)


# The older file is written in Bangkok time, the newer in UTC: as text the older one sorts LAST
# ("2026-11-20T10:00:00+07:00" > "2026-11-20T05:00:00Z"), as instants it is 03:00 UTC < 05:00 UTC.
OLD = dt.datetime(2026, 11, 20, 10, 0, tzinfo=BANGKOK)  # 03:00 UTC
NEW = dt.datetime(2026, 11, 20, 5, 0, tzinfo=dt.UTC)  # 12:00 in Bangkok
OFFSET_FILES = [
    ("a-bangkok-older.json", _file("action-plan-steps", {"s1": True}, "นางสาวสมหญิง ใจดี", OLD)),
    (
        "b-utc-newer.json",
        _file("action-plan-steps", {"s1": True, "s2": True, "s3": True}, "นางสาวสมหญิง ใจดี", NEW),
    ),
]


def test_the_files_really_sort_the_wrong_way_as_text() -> None:
    """Guard of the case itself: a string comparison would keep the older file."""
    old, new = (json.loads(content)["updated"] for _, content in OFFSET_FILES)
    assert old.endswith("+07:00") and new.endswith("Z")
    assert old > new  # as text
    assert dt.datetime.fromisoformat(old) < dt.datetime.fromisoformat(new)  # as instants


def test_python_keeps_the_newer_instant_across_offsets() -> None:
    entries, rejected = collect(OFFSET_FILES, CHECKLISTS)
    assert [e.file for e in entries] == ["b-utc-newer.json"]
    assert [r.file for r in rejected] == ["a-bangkok-older.json"]
    assert "b-utc-newer.json" in rejected[0].reason


# One person typed four ways: plain; with each SARA AM decomposed (U+0E4D U+0E32, the tone mark
# before the NIKHAHIT); with the tone mark typed after the NIKHAHIT (another keyboard's order);
# without the honorific and with a double space. The name holds น้ำ and ทำ so that the SARA AM
# spelling matters (NFD alone leaves Thai unchanged).
PLAIN = "นางน้ำฝน ทำดี"
SPELLINGS = {
    "plain": PLAIN,
    "sara-am-decomposed": PLAIN.replace("ำ", "\u0e4d\u0e32"),
    "tone-after-nikhahit": "นางน\u0e4d\u0e49\u0e32ฝน ท\u0e4d\u0e32ดี",
    "double-space-no-honorific": "น้ำฝน  ทำดี",
}
SPELLING_FILES = [
    (
        f"{n}-{key}.json",
        _file(cid, {"s1": True}, SPELLINGS[key], dt.datetime(2026, 11, 10 + n, 9, tzinfo=BANGKOK)),
    )
    for n, (key, cid) in enumerate(
        [
            ("plain", "action-plan-steps"),
            ("sara-am-decomposed", "director-steps"),
            ("tone-after-nikhahit", "budget-analysis-steps"),
            ("double-space-no-honorific", "development-plan-steps"),
        ]
    )
]


def test_python_counts_every_spelling_as_one_person() -> None:
    assert len(set(SPELLINGS.values())) == len(SPELLINGS)  # four different strings
    assert len({person_key(n) for n in SPELLINGS.values()}) == 1
    entries, rejected = collect(SPELLING_FILES, CHECKLISTS)
    assert rejected == []
    people = team_matrix(entries, PROCEDURES)
    assert len(people) == 1


def test_a_decomposed_sara_am_hashes_as_the_composed_text() -> None:
    composed = "จัดทำแผนปฏิบัติการประจำปี"
    decomposed = composed.replace("ำ", "\u0e4d\u0e32")
    assert decomposed != composed
    assert content_hash(decomposed) == content_hash(composed)
    # the tone mark after the NIKHAHIT (น ํ ้ า) is the same text as น้ำ
    assert content_hash("น\u0e4d\u0e49\u0e32ท่วม") == content_hash("น้ำท่วม")


# ----------------------------------------------------------------------------- in the browser


def _team_page(page: Any, site_url: str, width: int, tmp_path: Path, files: list) -> Any:
    open_team(page, site_url, write_files(tmp_path, files), width=width)
    return team_tables(page)


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_team_page_keeps_the_newer_instant_across_offsets(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    tables = _team_page(page, site_url, width, tmp_path, OFFSET_FILES)
    _, rejected = collect(OFFSET_FILES, CHECKLISTS)
    shown = {row[0]: row[1] for row in tables[REJECTED_CAPTION]}
    # the older instant is the one set aside, with Python's reason word for word (the page shows
    # it in the site's digit style, Thai by default, as test_team's cell-by-cell test reads it)
    assert shown == {r.file: thai_digits(r.reason) for r in rejected}, shown
    cell = page.locator(f"{MATRIX} tbody td").nth(2).inner_text()  # แผนปฏิบัติการ
    assert "ทำแล้ว ๓ จาก ๘ ขั้นตอน" in cell, cell  # the newer file's three steps
    assert not page.watch.console_errors


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_team_page_counts_every_spelling_as_one_person(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    tables = _team_page(page, site_url, width, tmp_path, SPELLING_FILES)
    assert REJECTED_CAPTION not in tables, tables.get(REJECTED_CAPTION)
    assert page.locator(f"{MATRIX} tbody tr").count() == 1
    entries, _ = collect(SPELLING_FILES, CHECKLISTS)
    expected = matrix_table(team_matrix(entries, PROCEDURES), PROCEDURES)
    assert len(expected) == 1
    assert not page.watch.console_errors


FORMULA_NAME = '=HYPERLINK("http://x","y")'
FORMULA_POSITION = "+1+cmd|' /C calc'!A0"


@pytest.mark.browser
def test_team_csv_download_neutralises_formulas(page: Any, site_url: str, tmp_path: Path) -> None:
    files = [
        (
            "formula.json",
            _file(
                "director-standards",
                {"std1.1": True},
                FORMULA_NAME,
                dt.datetime(2026, 11, 20, 9, tzinfo=BANGKOK),
                position=FORMULA_POSITION,
            ),
        ),
        (
            "formula-2.json",
            _file(
                "action-plan-steps",
                {"s1": True},
                "@SUM(A1:A9)",
                dt.datetime(2026, 11, 20, 9, tzinfo=BANGKOK),
                position="-2+3",
            ),
        ),
    ]
    _team_page(page, site_url, 1280, tmp_path, files)
    path = save_download(page, page.locator(".sop-team-csv"), tmp_path / "team.csv")
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))
    assert len(rows) >= 3, rows
    cells = [cell for row in rows[1:] for cell in row]
    # no cell Excel would run: each text cell starting =, +, -, @, tab or CR is neutralised
    risky = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert risky == [], risky
    # and the names are there, as sheet_cell (Python's one rule) writes them
    assert any(c.startswith(str(sheet_cell(FORMULA_NAME))) for c in cells), cells
    assert any(c.startswith(str(sheet_cell("@SUM(A1:A9)"))) for c in cells), cells
    assert not page.watch.console_errors
