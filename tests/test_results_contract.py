"""The results-file contract (format version 2) in Python: the shared vectors, a fuzz test, v1
migration, bundles, and the browser's generated copy being current."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sop_helpers import ResultsError, load_checklist, load_procedures
from sop_helpers.results import (
    Bundle,
    check_file,
    contract_js,
    parse_results,
    with_contract,
)
from sop_helpers.results.messages import field_text

ROOT = Path(__file__).resolve().parents[1]
VECTORS = json.loads((ROOT / "tests" / "vectors" / "results.json").read_text("utf-8"))
PROCEDURES = load_procedures(ROOT / VECTORS["procedures"])
CORE_JS = ROOT / "src" / "sop_helpers" / "sphinx_ext" / "static" / "sop-core.js"
CASES = VECTORS["cases"]


def resolve(data: Any, checklist: Any) -> Any:
    """Replace '@current' / '@stale' hashes with the checklist's real ones / an older one."""
    data = copy.deepcopy(data)
    known = {item.id: item.hash for item in checklist.items}
    for key, answer in (data.get("answers") or {}).items():
        if answer.get("hash") == "@current":
            answer["hash"] = known[key]
        elif answer.get("hash") == "@stale":
            answer["hash"] = VECTORS["stale_hash"]
    return data


def verdict(
    data: Any, checklist_path: str | None = None, titles: dict[str, str] | None = None
) -> dict[str, Any]:
    """What Python says about one file, in the vectors' terms (``titles``: the checklists'
    titles another checklist's file is named by, as the site's pages carry them)."""
    try:
        if checklist_path:
            checklist = load_checklist(ROOT / checklist_path, PROCEDURES)
            loaded = parse_results(resolve(data, checklist), checklist, titles=titles)
            return {
                "verdict": "accept",
                "migrated": loaded.migrated,
                "kept": sorted(loaded.results.answers),
                "dropped": list(loaded.dropped),
            }
        checked = check_file(data)
    except ResultsError as exc:
        return {"verdict": "reject", "key": exc.key, "place": exc.pointer, "message": exc.message}
    files = checked.results if isinstance(checked, Bundle) else (checked,)
    migrated = any(
        f.get("format_version", 1) != 2
        for f in (data["results"] if isinstance(checked, Bundle) else [data])
    )
    return {"verdict": "accept", "migrated": migrated, "files": len(files)}


def test_enough_vectors() -> None:
    assert len(CASES) >= 40
    assert {c["verdict"] for c in CASES} == {"accept", "reject"}
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_vector(case: dict[str, Any]) -> None:
    got = verdict(case["file"], case.get("checklist"))
    assert got["verdict"] == case["verdict"], got
    if case["verdict"] == "reject":
        assert (got["key"], got["place"]) == (case["key"], case["place"])
        # Thai, and naming the field when there is one
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in got["message"])
        if case["place"]:
            assert got["message"].startswith(field_text(case["place"]) + ": ")
            assert not re.search(r"ช่อง [a-z]+/", got["message"])  # the Thai name, no pointer
    else:
        assert got["migrated"] == case["migrated"]
        for key in ("files", "kept", "dropped"):
            if key in case:
                assert got[key] == case[key]


def test_browser_copy_of_the_contract_is_current() -> None:
    script = CORE_JS.read_text("utf-8")
    assert with_contract(script, contract_js()) == script, (
        "sop-core.js is out of date: run .venv/bin/python scripts/make_checklist_schemas.py"
    )


# ------------------------------------------------------------------------------ fuzz

_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 100_005),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=70),
    st.sampled_from(
        ["2026-11-28T09:30:00+07:00", "2026-02-30T00:00:00Z", "0123456789abcdef", "std1.1", ""]
    ),
)
_JSON = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_GOOD = [c["file"] for c in CASES if c["verdict"] == "accept" and "checklist" not in c]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            found += _paths(v, (*prefix, i))
    return found


@st.composite
def mutated_files(draw: Any) -> Any:
    """A good file of the vectors with one to three places replaced, removed or added to."""
    data = copy.deepcopy(draw(st.sampled_from(_GOOD)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        if not path:
            if draw(st.booleans()):
                return draw(_JSON)
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(_JSON)
        elif action == "remove" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(_JSON)
    return data


def fuzz_verdict(data: Any) -> tuple[str, str]:
    """(verdict, key) of Python's parser; anything but ResultsError is a bug."""
    got = verdict(data)
    return got["verdict"], got.get("key", "")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_files())
def test_fuzz_python_parser_never_crashes(data: Any) -> None:
    verdict_, key = fuzz_verdict(json.loads(json.dumps(data)))
    assert verdict_ in ("accept", "reject")
    assert verdict_ == "accept" or key
