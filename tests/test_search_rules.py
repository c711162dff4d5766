"""The search's query rules as data (book/data/search.yml, the glossary's aliases), the Thai edit
distance, and what the index ships of them (Python side; search-th.js is tested in the browser
by test_search_browser.py with the same vectors)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sop_helpers.glossary import GlossaryError, load_glossary
from sop_helpers.search_text import (
    SearchRulesError,
    accepted,
    form,
    index_data,
    load_search_rules,
    squeeze,
    synonyms,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "book" / "data"
VECTORS = Path(__file__).parent / "data" / "search_edit_vectors.json"


@pytest.fixture(scope="module")
def rules() -> Any:
    return load_search_rules(DATA / "search.yml")


@pytest.fixture(scope="module")
def glossary() -> Any:
    return load_glossary(DATA / "glossary.yml")


def vectors() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(VECTORS.read_text(encoding="utf-8"))
    return data


# ---- the data ----


def test_every_glossary_term_lists_the_words_people_use(glossary: Any) -> None:
    bare = [t.term for t in glossary.values() if not t.aliases]
    assert not bare, f"glossary.yml: terms without aliases: {bare}"


@pytest.mark.parametrize(
    "verb",
    ["เห็นชอบ", "กลั่นกรอง", "มอบหมายงาน", "ติดตาม", "วิเคราะห์", "นำเสนอ", "เผยแพร่",
     "แต่งตั้งคณะกรรมการ", "สำรวจ", "รายงาน", "จัดสรรงบประมาณ", "เบิกจ่าย"],
)  # fmt: skip
def test_the_procedures_key_verbs_have_aliases(rules: Any, verb: str) -> None:
    assert verb in {a.term for a in rules.aliases}


def test_question_words_particles_and_polite_endings_are_listed(rules: Any) -> None:
    drop = set(rules.drop.words())
    for word in ("ทำอย่างไร", "เมื่อไหร่", "ที่ไหน", "ใคร", "ไหม", "คืออะไร", "ยังไง", "ครับ", "ค่ะ"):
        assert word in drop, word


@pytest.mark.parametrize(
    ("alias", "term"),
    [
        ("อนุมัติ", "เห็นชอบ"),
        ("ผอ.เขต", "ผอ สพป"),
        ("เงินรายหัว", "เงินอุดหนุนรายหัว"),
        ("งบ", "งบประมาณ"),
        ("ร.ร.", "โรงเรียน"),
        ("รร.", "โรงเรียน"),  # dotted and undotted: one key
    ],
)
def test_index_maps_aliases_to_terms(rules: Any, glossary: Any, alias: str, term: str) -> None:
    data = index_data(rules, [(t.term, t.aliases) for t in glossary.values()])
    assert term in data["syn"][squeeze(alias)]


def test_alias_keys_and_forms_are_normalised() -> None:
    table = synonyms([("ผอ.สพป.", ["ผอ.เขต", "ผู้อำนวยการเขต"]), ("โรงเรียน", ["ร.ร."])])
    assert table == {"ผอเขต": ["ผอ สพป"], "ผู้อำนวยการเขต": ["ผอ สพป"], "รร": ["โรงเรียน"]}
    # ผอ.เขต is keyed as a whole: it is not the word เขต (nor ขอบเขต).
    assert "เขต" not in table
    assert form("แผนงาน/งาน/โครงการ") == "แผนงาน งาน โครงการ"


def test_an_alias_for_two_terms_stands_for_both() -> None:
    table = synonyms([("โรงเรียน", ["ร.ร."]), ("สถานศึกษา", ["ร.ร."])])
    assert table["รร"] == ["โรงเรียน", "สถานศึกษา"]


# ---- clear errors for bad data ----


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  aliases: [กศจ]\n", "คำเรียกอื่น 'กศจ' คือคำ 'กศจ.' เอง"),
        ("  aliases: [บอร์ดจังหวัด, บอร์ดจังหวัด]\n", "คำเรียกอื่น 'บอร์ดจังหวัด' ซ้ำ"),
        ("  aliases: ...\n", "ต้องเป็นรายการ"),
    ],
)
def test_bad_glossary_aliases_name_file_and_line(tmp_path: Path, entry: str, message: str) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text("- term: กศจ.\n  meaning: คณะกรรมการศึกษาธิการจังหวัด\n" + entry, encoding="utf-8")
    with pytest.raises(GlossaryError) as err:
        load_glossary(path)
    assert message in str(err.value) and "glossary.yml:" in str(err.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("aliases: []\nedit: {}\n", "drop"),
        (
            "drop: {}\naliases: [{term: เห็นชอบ, aliases: []}]\n"
            "edit: {cheap: 0.5, marks: [], groups: [], max_cost: 1, min_length: 4}\n",
            "ต้องมีอย่างน้อย 1 รายการ",
        ),
        (
            "drop: {}\naliases: []\n"
            "edit: {cheap: 2, marks: [], groups: [], max_cost: 1, min_length: 4}\n",
            "ต้องไม่มากกว่า 1",
        ),
        (
            "drop: {}\naliases: []\n"
            "edit: {cheap: 0.5, marks: [่่], groups: [], max_cost: 1, min_length: 4}\n",
            "/edit/marks/0",
        ),
    ],
)
def test_bad_rules_name_file_and_place(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "search.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SearchRulesError) as err:
        load_search_rules(path)
    assert message in str(err.value) and "search.yml" in str(err.value)


# ---- the edit distance (the browser runs the same vectors) ----


@pytest.mark.parametrize("vector", vectors(), ids=lambda v: f"{v['query']}-{v['term']}")
def test_edit_distance_vectors(rules: Any, vector: dict[str, Any]) -> None:
    from sop_helpers.search_text import edit_distance

    assert edit_distance(vector["query"], vector["term"], rules.edit) == vector["cost"]
    assert accepted(vector["query"], vector["term"], rules.edit) is vector["accepted"]


def test_vectors_cover_each_rule() -> None:
    """Every cheap edit of decision 7, a full edit, the limit and the short-word rule."""
    whys = " ".join(v["why"] for v in vectors())
    for rule in ("น/ณ", "ฎ/ฏ", "ศ/ษ", "ศ/ส", "ใ/ไ", "tone mark", "missing ์", "too short"):
        assert rule in whys, rule
    costs = {v["cost"] for v in vectors()}
    assert {0.5, 1.0, 1.5} <= costs
    assert any(v["cost"] <= 1 and not v["accepted"] for v in vectors())
