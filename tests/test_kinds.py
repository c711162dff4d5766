"""Each checklist kind is declared once (checklists/kinds.py) and every view follows the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from sop_helpers import score
from sop_helpers.checklist_html import render_checklist
from sop_helpers.checklists.kinds import (
    ANSWERS,
    CHECKLIST_KINDS,
    ITEM_KINDS,
    KINDS,
    SECTION_KINDS,
    kinds_json,
)

from . import support

ROOT = Path(__file__).resolve().parents[1]
CHECKLISTS = support.checklists()


def test_every_kind_the_handbook_uses_is_declared() -> None:
    assert {c.kind for c in CHECKLISTS.values()} == set(CHECKLIST_KINDS) == set(KINDS)
    sections = {s.kind for c in CHECKLISTS.values() for s in c.sections}
    items = {i.kind for c in CHECKLISTS.values() for i in c.items}
    assert sections == set(SECTION_KINDS)
    assert items == set(ITEM_KINDS)
    assert {k.answer for k in ITEM_KINDS.values()} == set(ANSWERS)


@pytest.mark.parametrize("checklist_id", sorted(CHECKLISTS))
def test_the_model_json_carries_each_kind_s_behaviour(checklist_id: str) -> None:
    checklist = CHECKLISTS[checklist_id]
    data = checklist.to_json()
    kind = CHECKLIST_KINDS[checklist.kind]
    assert (data["label"], data["quiz"]) == (kind.label, kind.quiz)
    for section in data["sections"]:
        assert section["score"] == SECTION_KINDS[section["kind"]]
        for item in section["items"]:
            assert item["answer_type"] == ITEM_KINDS[item["kind"]].answer
            if item["kind"] == "question":  # the right options, as before
                assert item["answer"] == list(checklist.item(item["id"]).answer)
    assert kinds_json()["checklists"][checklist.kind] == {"label": kind.label, "quiz": kind.quiz}


@pytest.mark.parametrize("checklist_id", sorted(CHECKLISTS))
def test_yes_no_items_show_their_kind_s_words(checklist_id: str) -> None:
    checklist = CHECKLISTS[checklist_id]
    html = render_checklist(checklist)
    for item in checklist.items:
        kind = ITEM_KINDS[item.kind]
        if kind.answer == "yes-no":
            assert f"> {kind.yes}</label>" in html and f"> {kind.no}</label>" in html


def test_only_quiz_kinds_get_a_knowledge_score() -> None:
    for checklist in CHECKLISTS.values():
        has_score = score(checklist, {}).knowledge is not None
        assert has_score is CHECKLIST_KINDS[checklist.kind].quiz, checklist.id


def test_no_view_branches_on_a_kind_name() -> None:
    import re

    names = "|".join(sorted({*ITEM_KINDS, *SECTION_KINDS, *CHECKLIST_KINDS}))
    pattern = re.compile(rf"\.kind (==|!=|in) \(?\"({names})\"")
    views = [
        "scoring.py",
        "results/read.py",
        "checklist_html.py",
        "print_form.py",
        "team.py",
        "views/widgets.py",
        "checklists/parse.py",
    ]
    found = {
        v: m.group(0)
        for v in views
        if (m := pattern.search((ROOT / "src/sop_helpers" / v).read_text("utf-8")))
    }
    assert not found, f"branch on the table in checklists/kinds.py instead: {found}"
