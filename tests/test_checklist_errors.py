"""Malformed checklist files: each gets a message naming file, line, place and what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from sop_helpers import ChecklistError, load_checklist, load_procedures, parse_checklist

ROOT = Path(__file__).resolve().parents[1]
BAD = ROOT / "tests" / "data" / "bad_checklists"
PROCEDURES = load_procedures(ROOT / "tests" / "data" / "procedures")

# file, line, pointer, words the message must contain
CASES = [
    ("missing-field", 1, "/version", "ขาดช่องที่ต้องมี"),
    ("duplicate-id", 9, "/items/1/id", "รหัสรายการ 's1' ซ้ำ"),
    ("missing-step", 10, "/items/1/step", "ไม่มีขั้นตอน 's9'"),
    ("missing-standard", 10, "/items/1/standard", "ไม่มีมาตรฐาน 'std7'"),
    ("level-gap", 12, "/items/0/levels/2/level", "levels ต้องเรียงเลข 1..n"),
    ("empty-statement", 9, "/items/0/question", "ต้องไม่เป็นข้อความว่าง"),
    ("unknown-kind", 3, "/kind", "ไม่รู้จักชนิด (kind) 'quiz'"),
    ("yaml-syntax", 6, "", "YAML ผิดรูปแบบ"),
    ("number-as-text", 5, "/title", "ต้องเป็นข้อความ"),
    ("bool-as-text", 9, "/items/0/note", "ต้องเป็นข้อความ"),
    # the timing is the step's own (procedure data): a checklist may not retype it
    ("timing-retyped", 9, "/items/0/when", "ไม่รู้จักช่องนี้"),
    ("choice-hint", 9, "/items/0/question", "ลบ (เลือกได้หลายข้อ) ออกจากคำถาม"),
    ("step-twice", 10, "/items/1/step", "ขั้นตอน 's1' ซ้ำกับรายการที่ ๑"),
    ("steps-incomplete", 6, "/items", "ยังไม่มี s3, s4"),
]


def test_every_bad_file_has_a_case() -> None:
    assert sorted(p.stem for p in BAD.glob("*.yml")) == sorted(case[0] for case in CASES)


@pytest.mark.parametrize(("name", "line", "where", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_checklist(name: str, line: int, where: str, words: str) -> None:
    path = BAD / f"{name}.yml"
    with pytest.raises(ChecklistError) as info:
        load_checklist(path, PROCEDURES)
    error = info.value
    assert error.source == str(path)
    assert error.line == line
    assert error.pointer == where
    assert words in error.message
    assert str(error).startswith(f"{path}:{line}: ")


# a standard's levels in the checklist against the standard's own: what the message must say
LEVEL_CASES = [
    ("std2", [{"level": 1}, {"level": 2}], "มี 3 ระดับ"),  # cumulative: as many as the standard
    ("std3", [{"level": 1}], "single"),  # a single standard has no levels
]


@pytest.mark.parametrize(
    ("standard", "levels", "words"), LEVEL_CASES, ids=["cumulative-count", "single-standard"]
)
def test_levels_must_match_the_standard(standard: str, levels: list[dict], words: str) -> None:
    data = {
        "id": "x",
        "version": 1,
        "kind": "standards",
        "procedure": "director",
        "title": "ท",
        "items": [{"id": standard, "standard": standard, "levels": levels}],
    }
    with pytest.raises(ChecklistError, match=words):
        parse_checklist(data, PROCEDURES)


def test_id_must_match_file_name(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "data" / "checklists" / "director-steps.yml").read_text("utf-8")
    path = tmp_path / "other-name.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError, match="ต้องตรงกับชื่อไฟล์") as info:
        load_checklist(path, PROCEDURES)
    assert info.value.line == 1
