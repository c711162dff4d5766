"""A procedure's own references (a step's documents, a standard's steps) must resolve; the error
names the place and the missing id (written before and after the check moved into one helper)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from sop_helpers._errors import ProcedureError
from sop_helpers.procedures import parse_procedure

DIRECTOR = Path(__file__).resolve().parents[1] / "book" / "data" / "procedures" / "director.yml"


@pytest.fixture
def data() -> dict[str, Any]:
    return copy.deepcopy(yaml.safe_load(DIRECTOR.read_text(encoding="utf-8")))


def test_the_book_procedure_parses(data: dict[str, Any]) -> None:
    assert parse_procedure(data).id == "director"


def test_a_step_citing_a_missing_document(data: dict[str, Any]) -> None:
    step = data["steps"][0]
    step["documents"] = [*step.get("documents", []), "no-such-doc"]
    with pytest.raises(ProcedureError) as caught:
        parse_procedure(data)
    where = f"/steps/0/documents/{len(step['documents']) - 1}"
    assert where in str(caught.value)
    assert f"ขั้นตอน {step['id']} อ้างเอกสาร 'no-such-doc' ที่ไม่มีใน documents" in str(caught.value)


def test_a_standard_citing_a_missing_step(data: dict[str, Any]) -> None:
    standard = data["standards"][1]
    standard["steps"] = ["s1", "s99"]
    with pytest.raises(ProcedureError) as caught:
        parse_procedure(data)
    assert "/standards/1/steps/1" in str(caught.value)
    assert f"มาตรฐาน {standard['id']} อ้างขั้นตอน 's99' ที่ไม่มีใน steps" in str(caught.value)
