"""Make the sample exported self-check files the director's team view is shown with.

Ten files as staff would export them from the website: eight good ones and two bad ones (a file
cut off in the middle, and a file from another group's handbook). Names are invented
(ข้อมูลสมมุติ). Deterministic: running it again writes the same files.

Usage: .venv/bin/python scripts/make_team_samples.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sop_helpers import load_checklists, make_results
from sop_helpers.results import results_json

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "book" / "data" / "sample" / "team"
TZ = dt.timezone(dt.timedelta(hours=7))

PEOPLE = {
    "a": ("นางสาวสมใจ ตั้งใจงาน (สมมุติ)", "ผู้อำนวยการกลุ่มนโยบายและแผน"),
    "b": ("นายวิชัย วางแผนดี (สมมุติ)", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
    "c": ("นางมาลี งบประมาณ (สมมุติ)", "นักวิเคราะห์นโยบายและแผนปฏิบัติการ"),
    "d": ("นายก้องเกียรติ ติดตามผล (สมมุติ)", "นักวิเคราะห์นโยบายและแผน"),
}


def levels(prefix: str, reached: int, total: int = 5) -> dict[str, bool]:
    """Statements 1..reached hold, the next one does not."""
    return {f"{prefix}.{n}": n <= reached for n in range(1, min(reached + 1, total) + 1)}


GOOD: list[tuple[str, str, str, dict[str, Any], int]] = [
    # file, person, checklist, answers, day of November 2569 (2026 C.E.)
    (
        "01-somjai-director-standards.json",
        "a",
        "director-standards",
        {**levels("std1", 5), **levels("std2", 4), "std3": True, **levels("std4", 3)},
        20,
    ),
    (
        "02-somjai-indicators.json",
        "a",
        "director-indicators",
        {
            "rows": [
                {
                    "indicator": "ร้อยละของงานที่กลั่นกรองทันเวลา",
                    "target": "90",
                    "result": "95",
                    "evidence": "ทะเบียนคุมงาน",
                },
                {
                    "indicator": "จำนวนครั้งที่ประชุมติดตามงานในกลุ่ม",
                    "target": "12",
                    "result": "10",
                    "evidence": "รายงานการประชุม",
                },
            ]
        },
        21,
    ),
    (
        "03-wichai-action-plan-standards.json",
        "b",
        "action-plan-standards",
        {
            "std1": True,
            "std2": True,
            "std3": True,
            "std4": True,
            "std5": True,
            "std6": False,
            "std7": True,
        },
        18,
    ),
    (
        "04-wichai-indicators.json",
        "b",
        "director-indicators",
        {
            "rows": [
                {
                    "indicator": "แผนปฏิบัติการประจำปีเผยแพร่ภายในเดือนมกราคม",
                    "target": "1",
                    "result": "1",
                    "evidence": "หนังสือแจ้งเวียนและเว็บไซต์",
                },
                {
                    "indicator": "ร้อยละของโครงการที่รายงานผลรายไตรมาสครบ",
                    "target": "100%",
                    "result": "85%",
                    "evidence": "รายงานไตรมาส ๔",
                },
            ]
        },
        19,
    ),
    (
        "05-malee-budget-standards.json",
        "c",
        "budget-analysis-standards",
        {"std1": True, "std2": True, "std3": False, "std4": True, "std5": True, "std6": True},
        22,
    ),
    ("06-malee-budget-knowledge.json", "c", "budget-analysis-knowledge", {}, 22),
    (
        "07-kongkiat-development-plan-standards.json",
        "d",
        "development-plan-standards",
        {"std1": True, "std2": False, "std3": False},
        15,
    ),
    (
        "08-kongkiat-director-standards.json",
        "d",
        "director-standards",
        {**levels("std1", 2), **levels("std2", 1), "std3": False, **levels("std4", 0)},
        16,
    ),
]


def knowledge_answers(checklist: Any, right: int) -> dict[str, Any]:
    """Answer the first ``right`` questions correctly and the rest with a wrong option."""
    answers: dict[str, Any] = {}
    for index, item in enumerate(checklist.items):
        if index < right:
            answers[item.id] = list(item.answer) if item.multiple else item.answer[0]
        else:
            wrong = next(o.id for o in item.options if o.id not in item.answer)
            answers[item.id] = [wrong] if item.multiple else wrong
    return answers


def main() -> None:
    checklists = load_checklists()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    for name, who, checklist_id, answers, day in GOOD:
        checklist = checklists[checklist_id]
        if checklist.kind == "knowledge":
            answers = knowledge_answers(checklist, right=len(checklist.items) - 1)
        known = {item.id for item in checklist.items}
        answers = {k: v for k, v in answers.items() if k in known}
        moment = dt.datetime(2026, 11, day, 15, 30, tzinfo=TZ)
        person, position = PEOPLE[who]
        results = make_results(
            checklist, answers, name=person, position=position, now=moment, created=moment
        )
        (OUT / name).write_text(results_json(results), encoding="utf-8")
    # Bad file 1: cut off in the middle (a broken download or copy).
    text = (OUT / GOOD[2][0]).read_text(encoding="utf-8")
    (OUT / "09-broken-file.json").write_text(text[: len(text) // 2], encoding="utf-8")
    # Bad file 2: a self-check from another group's handbook.
    foreign = json.loads((OUT / GOOD[0][0]).read_text(encoding="utf-8"))
    foreign["checklist"] = {"id": "hr-leave-standards", "version": 1}
    (OUT / "10-other-group.json").write_text(
        json.dumps(foreign, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (OUT / "README.md").write_text(
        "# ไฟล์ตัวอย่างสำหรับหน้าภาพรวมของทีม (ข้อมูลสมมุติ)\n\n"
        "สร้างด้วย `scripts/make_team_samples.py`: ไฟล์ผลการตรวจสอบตนเอง ๑๐ ไฟล์ที่บุคลากรส่งออกจากเว็บไซต์\n"
        "ใช้ได้ ๘ ไฟล์ และใช้ไม่ได้ ๒ ไฟล์ (ไฟล์ขาดครึ่ง และไฟล์ของแบบตรวจสอบจากคู่มืออื่น)\n"
        "ชื่อบุคคลเป็นชื่อสมมุติทั้งหมด\n",
        encoding="utf-8",
    )
    print(f"wrote {len(list(OUT.glob('*.json')))} files to {OUT}")


if __name__ == "__main__":
    main()
