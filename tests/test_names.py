"""The same-person rule and Thai normalisation (decision 5), from the shared vectors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sop_helpers.names import normalize_text, person_key

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = json.loads((ROOT / "tests" / "vectors" / "person_key.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", PEOPLE, ids=[c["why"] for c in PEOPLE])
def test_person_key(case: dict[str, Any]) -> None:
    assert person_key(case["name"]) == case["key"]


def test_sara_am_composed_however_typed() -> None:
    assert normalize_text("ข\u0e4d\u0e32") == "ขำ"
    assert normalize_text("น\u0e4d\u0e49\u0e32") == "น\u0e49\u0e33"
