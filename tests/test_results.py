"""Results files: round trip, migration between versions, and refusal of wrong files."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from sop_helpers import (
    ResultsError,
    load_checklist,
    load_procedures,
    load_results,
    make_results,
    save_results,
    score,
)
from sop_helpers.checklists import content_hash

ROOT = Path(__file__).resolve().parents[1]
PROCEDURES = load_procedures(ROOT / "tests" / "data" / "procedures")
STANDARDS = load_checklist(ROOT / "tests/data/checklists/director-standards.yml", PROCEDURES)
KNOWLEDGE = load_checklist(ROOT / "tests/data/checklists/director-knowledge.yml", PROCEDURES)
INDICATORS = load_checklist(ROOT / "tests/data/checklists/director-indicators.yml", PROCEDURES)
NOW = dt.datetime(2026, 11, 28, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))

ANSWERS = {
    STANDARDS.id: {"std1.1": True, "std1.2": True, "std1.3": False, "std3": True, "std4": False},
    KNOWLEDGE.id: {"q1": "b", "q2": ["a", "b"]},
    INDICATORS.id: {
        "rows": [{"indicator": "ก", "target": "ข", "evidence": "ค", "result": "ง"}],
    },
}


@pytest.mark.parametrize("checklist", [STANDARDS, KNOWLEDGE, INDICATORS], ids=lambda c: c.id)
def test_round_trip_keeps_the_score(checklist: object, tmp_path: Path) -> None:
    from sop_helpers import Checklist

    assert isinstance(checklist, Checklist)
    answers = ANSWERS[checklist.id]
    results = make_results(checklist, answers, name="สมหญิง ใจดี", position="นักวิเคราะห์", now=NOW)
    path = save_results(results, tmp_path / "r.json")
    text = path.read_text("utf-8")
    assert "สมหญิง ใจดี" in text  # Thai written as text, not \u escapes
    loaded = load_results(path, checklist)
    assert loaded.dropped == ()
    assert loaded.results.person.name == "สมหญิง ใจดี"
    assert score(checklist, loaded.results.values()) == score(checklist, answers)


def _changed_statement(level: int) -> object:
    """The standards checklist as version 2, with one statement reworded."""
    section = STANDARDS.sections[0]
    items = tuple(
        dataclasses.replace(i, text=i.text + " (แก้)", hash=content_hash(i.text + " (แก้)"))
        if i.level == level
        else i
        for i in section.items
    )
    sections = (dataclasses.replace(section, items=items), *STANDARDS.sections[1:])
    return dataclasses.replace(STANDARDS, version=2, sections=sections)


def test_migration_keeps_unchanged_and_drops_changed(tmp_path: Path) -> None:
    from sop_helpers import Checklist

    old = make_results(STANDARDS, ANSWERS[STANDARDS.id], now=NOW)
    path = save_results(old, tmp_path / "old.json")
    newer = _changed_statement(2)
    assert isinstance(newer, Checklist)
    loaded = load_results(path, newer)
    assert loaded.dropped == ("std1.2",)
    assert loaded.migrated
    assert loaded.results.checklist.version == 2
    assert set(loaded.results.answers) == {"std1.1", "std1.3", "std3", "std4"}
    assert score(newer, loaded.results.values()).levels["std1"].level == 1


def test_answer_to_removed_item_is_dropped(tmp_path: Path) -> None:
    data = json.loads(make_results(STANDARDS, {"std3": True}, now=NOW).model_dump_json())
    data["answers"]["std99"] = {"value": True, "hash": "0123456789abcdef"}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert load_results(path, STANDARDS).dropped == ("std99",)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "ไม่ใช่ JSON"),
        ('{"format": "sop-checklist-results"}', "ขาดช่องที่ต้องมี"),
        ("[]", "ต้องเป็นกลุ่มช่อง"),
    ],
    ids=["corrupt", "missing-fields", "not-an-object"],
)
def test_bad_results_file(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResultsError, match=words) as info:
        load_results(path, STANDARDS)
    assert info.value.source == str(path)


def test_results_for_another_checklist_are_refused(tmp_path: Path) -> None:
    path = save_results(make_results(KNOWLEDGE, {"q1": "a"}, now=NOW), tmp_path / "k.json")
    with pytest.raises(ResultsError, match="director-knowledge"):
        load_results(path, STANDARDS)


def test_answer_of_wrong_type_is_refused(tmp_path: Path) -> None:
    data = json.loads(make_results(KNOWLEDGE, {}, now=NOW).model_dump_json())
    item = KNOWLEDGE.item("q1")
    data["answers"]["q1"] = {"value": "z", "hash": item.hash}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ResultsError, match="q1"):
        load_results(path, KNOWLEDGE)


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    text = make_results(STANDARDS, {"std3": True}, now=NOW).model_dump_json()
    path.write_text("\ufeff" + text, encoding="utf-8")
    assert load_results(path, STANDARDS).results.values() == {"std3": True}


MIGRATION = json.loads((ROOT / "tests" / "vectors" / "migration.json").read_text("utf-8"))


def resolve_hashes(data: object, checklist: object, stale: str) -> object:
    """Replace the '@current' / '@stale' placeholders of a migration vector with real hashes."""
    from sop_helpers import Checklist

    assert isinstance(checklist, Checklist)
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        return data
    known = {item.id: item.hash for item in checklist.items}
    answers = {
        key: {**a, "hash": known.get(key, stale) if a["hash"] == "@current" else stale}
        if a["hash"].startswith("@")
        else a
        for key, a in data["answers"].items()
    }
    return {**data, "answers": answers}


@pytest.mark.parametrize("case", MIGRATION["cases"], ids=[c["name"] for c in MIGRATION["cases"]])
def test_migration_vector(case: dict[str, object]) -> None:
    from sop_helpers import parse_results

    checklist = load_checklist(ROOT / str(case["checklist"]), PROCEDURES)
    data = resolve_hashes(case["results"], checklist, MIGRATION["stale_hash"])
    expected = case["expected"]
    assert isinstance(expected, dict)
    if expected.get("error"):
        with pytest.raises(ResultsError):
            parse_results(data, checklist)
        return
    loaded = parse_results(data, checklist)
    assert sorted(loaded.results.answers) == expected["kept"]
    assert list(loaded.dropped) == expected["dropped"]
