"""The director's person x procedure table: one row per person, whatever honorific or spacing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sop_helpers.team import collect, matrix_table, team_matrix
from sop_helpers.wording import say

from .support import results_file

TZ = dt.timezone(dt.timedelta(hours=7))


def _file(
    cid: str,
    answers: dict[str, Any],
    name: str,
    day: int,
    position: str = "นักวิเคราะห์นโยบายและแผน",
) -> bytes:
    when = dt.datetime(2026, 11, day, 9, tzinfo=TZ)
    return results_file(cid, answers, name=name, position=position, when=when)


def test_two_files_of_one_person_make_one_row(checklists: dict[str, Any], procedures: Any) -> None:
    files = [
        (
            "a.json",
            _file("action-plan-steps", {"s1": True, "s2": True}, "นางสาวสมหญิง ใจดี", 3),
        ),
        # the same person typed without the honorific and with a double space
        (
            "b.json",
            _file(
                "budget-analysis-standards",
                {"std1": True, "std2": False},
                "สมหญิง  ใจดี",
                4,
            ),
        ),
        ("c.json", _file("director-standards", {"std1.1": True}, "นายกิตติ อ่อนน้อม", 2)),
    ]
    entries, rejected = collect(files, checklists)
    assert rejected == []
    people = team_matrix(entries, procedures)
    assert [p.name for p in people] == ["นายกิตติ อ่อนน้อม", "สมหญิง  ใจดี"]  # ก before ส: no honorific
    table = matrix_table(people, procedures)
    somying = table[1]
    assert somying["ชื่อ"][0] == "สมหญิง  ใจดี"  # shown as typed in the newest file
    assert somying[procedures["action-plan"].short_title] == [say("steps", done=2, total=8)]
    assert somying[procedures["budget-analysis"].short_title] == [
        "ตอบแล้ว ๒ จาก ๖ ข้อ · ได้ตามมาตรฐาน ๑ ข้อ",  # 4 blank: not counted as not met
        "ควรได้รับการสนับสนุน: มาตรฐานข้อ ๒",
    ]
    assert somying[procedures["director"].short_title] == ["ยังไม่ได้ส่งไฟล์"]
    kitti = table[0][procedures["director"].short_title]
    assert kitti[0] == "มาตรฐานข้อ ๑: ระดับ ๑ จาก ๕ (ยังตอบไม่ครบ)"  # level 2 left blank


def test_the_newest_duplicate_counts_and_the_reason_says_so(checklists: dict[str, Any]) -> None:
    files = [
        ("old.json", _file("action-plan-steps", {"s1": True}, "นายกิตติ อ่อนน้อม", 1)),
        (
            "new.json",
            _file("action-plan-steps", {"s1": True, "s2": True}, "กิตติ อ่อนน้อม", 5),
        ),
    ]
    entries, rejected = collect(files, checklists)
    assert [e.file for e in entries] == ["new.json"]
    assert rejected[0].file == "old.json"
    assert "new.json" in rejected[0].reason and "ใช้ไฟล์ที่ใหม่กว่า" in rejected[0].reason


def test_quiz_score_in_the_procedure_cell(checklists: dict[str, Any], procedures: Any) -> None:
    quiz = checklists["budget-analysis-knowledge"]
    right = {q.id: (list(q.answer) if q.multiple else q.answer[0]) for q in quiz.items[:6]}
    files = [("q.json", _file(quiz.id, right, "นางมาลี งบประมาณ", 7))]
    entries, _ = collect(files, checklists)
    table = matrix_table(team_matrix(entries, procedures), procedures)
    cell = table[0][procedures["budget-analysis"].short_title]
    assert cell == [say("quiz", correct=6, total=len(quiz.items))]
    assert cell == ["ถูก ๖ จาก ๑๐ ข้อ"]
