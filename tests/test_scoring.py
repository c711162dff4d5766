"""Scoring: the shared JSON vectors, and properties of the cumulative rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sop_helpers import load_checklist, load_procedures, score
from sop_helpers.scoring import cumulative_level

ROOT = Path(__file__).resolve().parents[1]
VECTORS = json.loads((ROOT / "tests" / "vectors" / "scoring.json").read_text("utf-8"))
PROCEDURES = load_procedures(ROOT / VECTORS["procedures"])
STANDARDS = load_checklist(ROOT / "tests/data/checklists/director-standards.yml", PROCEDURES)


@pytest.mark.parametrize("case", VECTORS["cases"], ids=[c["name"] for c in VECTORS["cases"]])
def test_vector(case: dict[str, Any]) -> None:
    checklist = load_checklist(ROOT / case["checklist"], PROCEDURES)
    assert score(checklist, case["answers"]).to_json() == case["expected"]


def test_vectors_cover_every_kind() -> None:
    kinds = {load_checklist(ROOT / c["checklist"], PROCEDURES).kind for c in VECTORS["cases"]}
    assert kinds == {"steps", "standards", "knowledge", "indicators"}


def test_next_missing_names_the_statement() -> None:
    result = score(STANDARDS, {"std1.1": True, "std1.2": True})
    following = result.levels["std1"].next_missing
    assert following is not None
    assert following.level == 3
    assert following.text == PROCEDURES["director"].standard("std1").levels[2].text


answer = st.sampled_from([True, False, None])


@given(st.lists(answer, min_size=1, max_size=8))
def test_level_never_passes_first_unmet(statements: list[bool | None]) -> None:
    level = cumulative_level(statements)
    assert all(s is True for s in statements[:level])
    if level < len(statements):
        assert statements[level] is not True


@given(st.lists(answer, min_size=1, max_size=8), st.data())
def test_meeting_one_more_never_lowers(statements: list[bool | None], data: Any) -> None:
    index = data.draw(st.integers(0, len(statements) - 1))
    more = [*statements]
    more[index] = True
    assert cumulative_level(more) >= cumulative_level(statements)


@given(st.fixed_dictionaries({f"std1.{k}": answer for k in range(1, 6)}))
def test_score_level_matches_rule(answers: dict[str, bool | None]) -> None:
    result = score(STANDARDS, answers)
    expected = 0
    while expected < 5 and answers[f"std1.{expected + 1}"] is True:
        expected += 1
    assert result.levels["std1"].level == expected
    assert result.sections["std1"].done == sum(v is not None for v in answers.values())
