"""The director's team view: ten exported files, two of them bad, become the right team table."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sop_helpers.team import (
    collect,
    indicator_status,
    matrix_table,
    read_folder,
    team_matrix,
    team_rows,
)
from sop_helpers.thai import thai_digits

from .support import ROOT, open_team, results_file, team_tables

SAMPLES = ROOT / "book" / "data" / "sample" / "team"


def test_sample_folder_gives_eight_entries_and_two_reasons(checklists: dict[str, Any]) -> None:
    entries, rejected = read_folder(SAMPLES, checklists)
    assert len(entries) == 8
    assert [(r.file, r.reason) for r in rejected] == [
        ("09-broken-file.json", "ไฟล์เสียหรือไม่ใช่ JSON"),
        (
            "10-other-group.json",
            "ช่อง รหัสแบบตรวจสอบ: ไม่รู้จักแบบตรวจสอบ 'hr-leave-standards' ในคู่มือนี้",
        ),
    ]
    rows = {(r["ชื่อ"], r["แบบตรวจสอบ"]): r for r in team_rows(entries)}
    director = checklists["director-standards"]
    somjai = rows[("นางสาวสมใจ ตั้งใจงาน (สมมุติ)", director.title)]
    # levels written in the sample script: std1 5, std2 4, std3 met, std4 3
    assert "ระดับ ๕ จาก ๕" in somjai["มาตรฐาน"] and "ระดับ ๓ จาก ๕" in somjai["มาตรฐาน"]
    assert "ได้ตามมาตรฐาน" in somjai["มาตรฐาน"]
    assert somjai["ควรได้รับการสนับสนุน"] == ""
    kongkiat = rows[("นายก้องเกียรติ ติดตามผล (สมมุติ)", director.title)]
    assert kongkiat["ควรได้รับการสนับสนุน"].count(",") == 3  # std1 (2), std2 (1), std3 no, std4 (0)
    indicators = rows[("นายวิชัย วางแผนดี (สมมุติ)", checklists["director-indicators"].title)]
    assert indicators["ตัวชี้วัด (บรรลุ/ทั้งหมด)"] == "๑ จาก ๒"


@pytest.mark.parametrize(
    ("target", "result", "expected"),
    [
        ("90", "95", True),
        ("100%", "85%", False),
        ("๑๒", "๑๒", True),
        ("1,000", "999", False),
        ("ครบทุกโครงการ", "ครบ", None),
        ("NaN", "1", None),
        ("", "3", None),
        # the office's own wording (the site's example target, the reviewer's row)
        ("ไม่น้อยกว่าร้อยละ ๙๐", "ร้อยละ ๙๕", True),
        ("ไม่น้อยกว่าร้อยละ ๘๐", "ร้อยละ ๘๕", True),
        ("ไม่น้อยกว่าร้อยละ ๘๐", "ร้อยละ ๗๕", False),
        ("ร้อยละ 80 ขึ้นไป", "82%", True),
        ("ไม่เกิน ๕ วัน", "๓ วัน", True),
        ("ไม่เกิน ๕ วัน", "๗ วัน", False),
        ("๑๒ โรงเรียน", "๑๐ โรงเรียน", False),
        ("ร้อยละ ๘๐ ของโรงเรียน", "๘๕", None),
        ("๘๐-๙๐", "๘๕", None),
    ],
)
def test_indicator_status(target: str, result: str, expected: bool | None) -> None:
    assert indicator_status({"target": target, "result": result}) is expected


def test_newest_file_of_a_person_counts(checklists: dict[str, Any]) -> None:
    import datetime as dt

    checklist = checklists["action-plan-standards"]
    tz = dt.timezone(dt.timedelta(hours=7))
    older = results_file(
        checklist.id, {"std1": True}, name="ก", position="", when=dt.datetime(2026, 1, 1, tzinfo=tz)
    )
    newer = results_file(
        checklist.id,
        {"std1": False},
        name="ก",
        position="",
        when=dt.datetime(2026, 2, 1, tzinfo=tz),
    )
    entries, rejected = collect([("a.json", newer), ("b.json", older)], checklists)
    assert [e.file for e in entries] == ["a.json"]
    assert [r.file for r in rejected] == ["b.json"]


def test_wrong_answer_kind_is_rejected_with_its_place(checklists: dict[str, Any]) -> None:
    data = json.loads(
        (SAMPLES / "03-wichai-action-plan-standards.json").read_text(encoding="utf-8")
    )
    data["answers"]["std1"]["value"] = ["x"]
    _, rejected = collect([("bad.json", json.dumps(data).encode())], checklists)
    assert "std1" in rejected[0].reason


@pytest.mark.browser
def test_web_page_shows_the_same_table(
    site_url: str, page: Any, checklists: dict[str, Any], procedures: Any
) -> None:
    """Cell by cell: the web page's person x procedure table is team.matrix_table's."""
    entries, rejected = read_folder(SAMPLES, checklists)
    expected = matrix_table(team_matrix(entries, procedures), procedures)
    open_team(page, site_url, sorted(SAMPLES.glob("*.json")))
    tables = page.evaluate(
        """() => [...document.querySelectorAll('.sop-team-output table')].map(t => ({
             caption: t.caption.textContent,
             heads: [...t.tHead.rows[0].cells].map(c => c.textContent),
             text: [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent)),
             rows: [...t.tBodies[0].rows].map(r => [...r.cells].map(c =>
               [...c.querySelectorAll(':scope > .sop-team-line')].map(s => s.textContent)))}))"""
    )
    by_caption = {t["caption"]: t for t in tables}
    shown_rejected = by_caption["ไฟล์ที่ใช้ไม่ได้หรือซ้ำ"]["text"]
    assert [row[0] for row in shown_rejected] == [r.file for r in rejected]
    team = by_caption["ภาพรวมของทีม (หนึ่งแถวต่อหนึ่งคน)"]
    assert team["heads"] == list(expected[0])
    # the page shows numbers in the site's digit style (Thai by default); the text is the same
    assert team["rows"] == [
        [[thai_digits(line) for line in cell] for cell in row.values()] for row in expected
    ]
    shown = " ".join(" ".join(r) for r in team["text"])
    assert not re.search(r"[0-9]", re.sub(r"\S+\.json", "", shown)), shown  # file names excepted
    status = page.text_content(".sop-team-status")
    assert "อ่าน ๑๐ ไฟล์" in status
    assert "ผลที่ใช้ได้ ๘ รายการ" in status and "ใช้ไม่ได้หรือซ้ำ ๒ รายการ" in status
    assert not page.watch.console_errors


def _unattributable(tmp: Path) -> list[Path]:
    """Two copies of a good sample: one with the name taken out, one with the answers taken out
    (the reviewer's broken files: the team page showed them as a real 0-of-7 result)."""
    good = json.loads(sorted(SAMPLES.glob("0*.json"))[0].read_text("utf-8"))
    nameless = {k: v for k, v in good.items() if k != "person"}
    empty = {k: v for k, v in good.items() if k != "answers"}
    empty["person"] = {"name": "นายทดสอบ ไฟล์เสีย", "position": "ครู"}
    out = []
    for name, data in (("zz-no-name.json", nameless), ("zz-no-answers.json", empty)):
        (tmp / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        out.append(tmp / name)
    return out


REFUSED = {"zz-no-name.json": "ไม่มีชื่อผู้ประเมิน", "zz-no-answers.json": "ไม่มีช่องคำตอบ"}


def test_files_without_a_name_or_answers_are_refused(
    checklists: dict[str, Any], tmp_path: Path
) -> None:
    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.glob("*.json"))]
    files += [(p.name, p.read_bytes()) for p in _unattributable(tmp_path)]
    entries, rejected = collect(files, checklists)
    reasons = {r.file: r.reason for r in rejected}
    for name, words in REFUSED.items():
        assert words in reasons[name], reasons
    assert len(entries) == 8  # the good files' entries all stay
    assert not any(e.name == "นายทดสอบ ไฟล์เสีย" for e in entries)


@pytest.mark.browser
def test_web_page_refuses_them_with_the_same_reason(
    site_url: str, page: Any, checklists: dict[str, Any], tmp_path: Path
) -> None:
    bad = _unattributable(tmp_path)
    open_team(page, site_url, [*sorted(SAMPLES.glob("*.json")), *bad])
    shown = dict(team_tables(page)["ไฟล์ที่ใช้ไม่ได้หรือซ้ำ"])
    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.glob("*.json"))]
    _, rejected = collect(files + [(p.name, p.read_bytes()) for p in bad], checklists)
    assert shown == {r.file: r.reason for r in rejected}
    for name, words in REFUSED.items():
        assert words in shown[name]
    assert "ไฟล์เสีย" not in page.inner_text(".sop-team-matrix")
    assert not page.watch.console_errors


@pytest.mark.browser
def test_the_page_reads_targets_as_python_does(site_url: str, page: Any) -> None:
    open_team(page, site_url)
    cases = [
        ("ไม่น้อยกว่าร้อยละ ๙๐", "ร้อยละ ๙๕"),
        ("ไม่น้อยกว่าร้อยละ ๘๐", "ร้อยละ ๗๕"),
        ("ร้อยละ 80 ขึ้นไป", "82%"),
        ("ไม่เกิน ๕ วัน", "๗ วัน"),
        ("ร้อยละ ๘๐ ของโรงเรียน", "๘๕"),
        ("ครบทุกโครงการ", "ครบ"),
        ("1,000", "999"),
    ]
    got = page.evaluate(
        "cs => cs.map(([t, r]) => window.SopTeam.indicatorStatus({target: t, result: r}))", cases
    )
    assert got == [indicator_status({"target": t, "result": r}) for t, r in cases]
