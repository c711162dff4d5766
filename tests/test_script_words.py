"""Thai words live in Python, not in the shipped scripts (issue 11: one home for each wording).

Every Thai text the shipped scripts show comes from Python: the one wording table,
``sop_helpers.wording.TEXTS``, which a page carries as ``<script class="sop-wording">`` (all of it,
or the keys of its script; ``SopCore.say`` reads them) or in the footer's data (sop.js), and the
calculators' table ``sop_helpers.calculators.texts`` (with the form). So a wording is changed in
one Python file. This test lists the
string, template and regular-expression literals of every shipped script that hold a Thai letter
(comments are not literals: tests/js_literals.cjs parses the scripts with TypeScript) and fails on
any that is not allowed below with its reason.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "sop_helpers" / "sphinx_ext" / "static"
SCANNER = ROOT / "tests" / "js_literals.cjs"

# (script, literal or "BEGIN..END" block) -> why it may stay. Short on purpose.
ALLOWED: dict[tuple[str, str], str] = {
    ("sop-core.js", "CONTRACT"): "generated from sop_helpers.results (MESSAGES, FIELD_LABELS) by "
    "scripts/make_checklist_schemas.py; test_results_contract fails when it is stale",
    ("sop-core.js", "HONORIFICS"): "data of the same-person rule (names.py), never shown; "
    "tests/vectors/person_key.json holds the JS to the Python list",
}

# Scripts outside this work whose Thai texts are not moved yet (owner in brackets). Strict: a
# script leaves this list the day it holds no Thai literal.
NOT_YET: dict[str, str] = {}


def literals(*paths: Path) -> list[dict[str, object]]:
    result = subprocess.run(
        ["node", str(SCANNER), *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def _blocks(path: Path) -> dict[str, range]:
    """Lines of the allowed blocks: the generated contract, the honorifics' list."""
    lines = path.read_text("utf-8").splitlines()
    out: dict[str, range] = {}
    for n, line in enumerate(lines, 1):
        if "BEGIN CONTRACT" in line:
            end = next(i for i in range(n, len(lines) + 1) if "END CONTRACT" in lines[i - 1])
            out["CONTRACT"] = range(n, end + 1)
        if re.match(r"\s*const HONORIFICS = \[", line):
            end = next(i for i in range(n, len(lines) + 1) if "]" in lines[i - 1])
            out["HONORIFICS"] = range(n, end + 1)
    return out


def not_allowed(path: Path) -> list[str]:
    blocks = _blocks(path)
    bad = []
    for hit in literals(path):
        line = int(str(hit["line"]))
        allowed = any(
            name == path.name and (block in blocks and line in blocks[block])
            for name, block in ALLOWED
        )
        if not allowed:
            bad.append(f"{path.name}:{line}: {hit['text']}")
    return bad


SCRIPTS = sorted(p.name for p in STATIC.glob("*.js"))


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[n]))
        if n in NOT_YET
        else n
        for n in SCRIPTS
    ],
)
def test_no_thai_literal_in_a_shipped_script(name: str) -> None:
    bad = not_allowed(STATIC / name)
    assert not bad, (
        "Thai text in a script: put it in sop_helpers.wording.TEXTS and show it with "
        "SopCore.say(key, values)\n" + "\n".join(bad)
    )


def test_the_scan_finds_thai_in_literals_and_not_in_comments(tmp_path: Path) -> None:
    script = tmp_path / "x.js"
    script.write_text(
        "// ส่งคำตอบ in a comment\n/* ทำใหม่ */\n"
        'const a = "ส่งคำตอบ";\nconst b = `ถูก ${1} ข้อ`;\nconst c = /ร้อยละ/;\n'
        "const d = 'plain';\n",
        encoding="utf-8",
    )
    # a template's head and tail are two literals
    assert [h["line"] for h in literals(script)] == [3, 4, 4, 5]
    assert len(not_allowed(script)) == 4


def test_the_allowed_blocks_exist() -> None:
    # an allowance that no longer matches anything must go (the list stays short and true)
    blocks = _blocks(STATIC / "sop-core.js")
    assert set(blocks) == {"CONTRACT", "HONORIFICS"}


# The keys a script asks for are the keys its page carries (a missing one would show the key).
PAGE_WORDS = {"search-th.js": "search.", "calendar-now.js": "now."}


@pytest.mark.parametrize("name", sorted(PAGE_WORDS))
def test_each_key_a_script_says_is_in_its_pages_words_and_back(name: str) -> None:
    from sop_helpers.wording import wording_subset

    prefix = PAGE_WORDS[name]
    source = (STATIC / name).read_text("utf-8")
    asked = set(re.findall(rf'"({re.escape(prefix)}[\w.]+)"', source))
    carried = set(wording_subset(prefix))
    assert asked == carried, (sorted(asked - carried), sorted(carried - asked))
    assert not set(wording_subset()) & carried  # the checklist pages do not carry them


def test_each_calculator_line_the_script_fills_is_in_the_python_table() -> None:
    from sop_helpers.calculators import LINES, WARNINGS

    source = (STATIC / "calculator.js").read_text("utf-8")
    lines = set(re.findall(r'line\(\s*"([\w.-]+)"', source))
    for a, b in re.findall(r'line\([^()"]*\? "([\w.-]+)" : "([\w.-]+)"', source):
        lines |= {a, b}
    warnings = set(re.findall(r'warnings\["([\w.-]+)"\]', source))
    assert lines and warnings
    assert lines <= set(LINES), sorted(lines - set(LINES))
    assert warnings == set(WARNINGS)
