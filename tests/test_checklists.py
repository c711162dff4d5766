"""Checklist files: resolution of text from the procedures, ids, hashes, lookup, the schema."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from sop_helpers import content_hash, load_checklist, load_checklists, load_procedures
from sop_helpers.checklist_html import render_checklist
from sop_helpers.checklists import KINDS, THAI_LETTERS, schema_text
from sop_helpers.results import schema_text as results_schema_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "data" / "checklists"
PROCEDURES = load_procedures(ROOT / "tests" / "data" / "procedures")


def test_hash_is_sha256_of_nfc_text() -> None:
    # Tone mark typed before the vowel below: NFC reorders the two marks.
    decomposed = "ก\u0e48\u0e38"
    composed = unicodedata.normalize("NFC", decomposed)
    assert composed != decomposed
    expected = hashlib.sha256(composed.encode("utf-8")).hexdigest()[:16]
    assert content_hash(decomposed) == content_hash(composed) == expected


def test_step_items_take_text_from_the_procedure() -> None:
    checklist = load_checklist(FIXTURES / "director-steps.yml", PROCEDURES)
    procedure = PROCEDURES["director"]
    assert [item.id for item in checklist.items] == [s.id for s in procedure.steps]
    for item in checklist.items:
        assert item.text == procedure.step(item.ref).text
        assert item.hash == content_hash(item.text)


def test_cumulative_standard_becomes_level_statements() -> None:
    checklist = load_checklist(FIXTURES / "director-standards.yml", PROCEDURES)
    section = checklist.sections[0]
    levels = PROCEDURES["director"].standard("std1").levels
    assert section.kind == "cumulative"
    assert [(i.id, i.level, i.text) for i in section.items] == [
        (f"std1.{lv.level}", lv.level, lv.text) for lv in levels
    ]
    assert [s.kind for s in checklist.sections] == ["cumulative", "cumulative", "single", "single"]


def test_checklist_is_immutable() -> None:
    checklist = load_checklist(FIXTURES / "director-steps.yml", PROCEDURES)
    with pytest.raises(AttributeError):
        checklist.version = 2  # type: ignore[misc]


def test_id_resolves_in_env_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOP_CHECKLISTS_DIR", str(FIXTURES))
    assert load_checklist("director-knowledge", PROCEDURES).kind == "knowledge"


def test_id_resolves_walking_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SOP_CHECKLISTS_DIR", raising=False)
    (tmp_path / "checklists").mkdir()
    text = (FIXTURES / "director-steps.yml").read_text("utf-8")
    (tmp_path / "checklists" / "director-steps.yml").write_text(text, encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert load_checklist("director-steps", PROCEDURES).id == "director-steps"


def test_model_json_carries_ids_and_hashes() -> None:
    checklist = load_checklist(FIXTURES / "director-knowledge.yml", PROCEDURES)
    data = checklist.to_json()
    items = data["sections"][0]["items"]
    assert [(i["id"], i["hash"]) for i in items] == [(i.id, i.hash) for i in checklist.items]
    assert items[1]["multiple"] is True


@pytest.mark.parametrize(
    ("committed", "generate"),
    [("schema.json", schema_text), ("results.schema.json", results_schema_text)],
)
def test_committed_schema_is_generated(committed: str, generate: Callable[[], str]) -> None:
    path = ROOT / "checklists" / committed
    assert path.read_text("utf-8") == generate(), (
        "run: .venv/bin/python scripts/make_checklist_schemas.py"
    )
    schema = json.loads(path.read_text("utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


BOOK_PROCEDURES = ROOT / "book" / "data" / "procedures"


def test_handbook_checklists_cover_every_procedure() -> None:
    procedures = load_procedures(BOOK_PROCEDURES)
    checklists = load_checklists(ROOT / "checklists", procedures)
    for pid in procedures:
        kinds = {c.kind for c in checklists.values() if c.procedure == pid}
        assert set(KINDS[:3]) <= kinds, pid
    assert any(c.kind == "indicators" and c.procedure == "director" for c in checklists.values())
    for checklist in checklists.values():
        if checklist.kind == "steps":
            steps = procedures[checklist.procedure].steps
            assert sorted(i.ref for i in checklist.items) == sorted(s.id for s in steps)
        if checklist.kind == "standards":
            standards = procedures[checklist.procedure].standards
            assert [s.id for s in checklist.sections] == [s.id for s in standards]


def test_handbook_titles_take_the_procedure_name_from_the_data() -> None:
    procedures = load_procedures(BOOK_PROCEDURES)
    checklists = load_checklists(ROOT / "checklists", procedures)
    names: dict[str, set[str]] = {}
    for checklist in checklists.values():
        if not checklist.procedure:  # a list over the whole handbook (the first week)
            assert checklist.title == checklist.name
            continue
        procedure = procedures[checklist.procedure]
        assert checklist.title == f"{checklist.name} {procedure.title}"
        assert checklist.procedure_title == procedure.title
        names.setdefault(checklist.kind, set()).add(checklist.name)
        # A file's own title names the form only; a procedure name typed into it would drift.
        for other in procedures.values():
            assert other.title not in checklist.name
            assert other.short_title not in checklist.name
    # One name per kind across the four procedures: no file retypes its procedure's name.
    assert all(len(kind_names) == 1 for kind_names in names.values()), names


def test_questions_show_thai_letters_and_the_hint_once() -> None:
    checklist = load_checklist(FIXTURES / "director-knowledge.yml", PROCEDURES)
    html = render_checklist(checklist)
    for item in checklist.items:
        assert html.count(f"{item.text} ({item.hint})") == 1
        assert html.count(item.hint) == 1 + (item.hint in (checklist.intro or ""))
        for index, option in enumerate(item.options):
            assert f"> {THAI_LETTERS[index]}. {option.text}</label>" in html
            assert f'value="{option.id}"' in html  # the data keeps its ids
        key = ", ".join(THAI_LETTERS[[o.id for o in item.options].index(a)] for a in item.answer)
        assert f"<p>คำตอบ: {key}</p>" in html
    assert "> a. " not in html
    assert "คำตอบ: a" not in html
    # Closed without JavaScript.
    assert html.count("<details") == len(checklist.items)
    assert "<details open" not in html
