"""The browser scripts follow the kinds' metadata in the model JSON, never a kind's name.

Each checklist kind, section kind and item kind is declared once (``checklists/kinds.py``); the
model each page embeds carries what a script needs (``answer_type``, ``yes``/``no``, ``score``,
``quiz``, ``progress_words``, ``order``). A shipped script that compares or looks up a kind's
name would silently mishandle a kind added in Python, so none may hold one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sop_helpers.checklists.kinds import ANSWERS, CHECKLIST_KINDS, ITEM_KINDS, SECTION_KINDS

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "sop_helpers" / "sphinx_ext" / "static"
SCRIPTS = sorted(STATIC.glob("*.js"))
# search-th.js has search results of its own "kind" (page, term...), nothing of checklists.
MODEL_READERS = [p for p in SCRIPTS if p.name != "search-th.js"]

KIND_NAMES = {*CHECKLIST_KINDS, *SECTION_KINDS, *ITEM_KINDS}
# Names that are also an answer type or a scoring rule ("rows" is all three) are metadata values.
METADATA = {*ANSWERS, *SECTION_KINDS.values()}
FORBIDDEN = KIND_NAMES - METADATA

_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\\\"'])//[^\n]*", re.S)
_STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`")
# A wording key given to say(...) (e.g. "indicators" = "บรรลุเป้าหมาย ...") is not a kind.
_WORDING_KEY = re.compile(r"\bsay\(\s*(?:\w+\s*,\s*)?(\"[^\"]*\"|'[^']*')")
_KEY = re.compile(r"[{,]\s*(\w+)\s*:")
_OBJECT = re.compile(r"\{[^{}]*\}")
_KIND_READ = re.compile(r"\.kind\b|\[\s*[\"']kind[\"']\s*\]")


def kind_name_uses(source: str) -> list[str]:
    """Kind names a script holds as a string literal or an object key (comments left out)."""
    code = _WORDING_KEY.sub("say(KEY", _COMMENT.sub("", source))
    found = [
        next(g for g in m.groups() if g is not None)
        for m in _STRING.finditer(code)
        if next((g for g in m.groups() if g is not None), "") in FORBIDDEN
    ]
    # A table keyed by kinds ({ step: ..., statement: ... }); one key alone may be a data field.
    for table in _OBJECT.findall(_STRING.sub('""', code)):
        keys = [k for k in _KEY.findall(table) if k in FORBIDDEN]
        if len(keys) >= 2:
            found += keys
    return found


def kind_reads(source: str) -> list[str]:
    """Places where a script reads a model's, section's or item's ``kind``."""
    return _KIND_READ.findall(_COMMENT.sub("", source))


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_no_script_holds_a_kind_name(path: Path) -> None:
    found = kind_name_uses(path.read_text("utf-8"))
    assert not found, f"{path.name} names kinds {found}: read the model's metadata instead"


@pytest.mark.parametrize("path", MODEL_READERS, ids=lambda p: p.name)
def test_no_script_reads_a_kind(path: Path) -> None:
    found = kind_reads(path.read_text("utf-8"))
    assert not found, f"{path.name} reads .kind: dispatch on answer_type / score / quiz instead"


# What the checks must catch: the dispatch the scripts held before the metadata came.
BEFORE = [
    'const BINARY = ["step", "statement", "standard"];',
    'if (s.kind === "indicators") {',
    'const knowledge = model.kind !== "knowledge" ? null : {',
    'const WORDS = { step: ["ทำแล้ว", "ยังไม่ได้ทำ"], statement: ["เป็นจริง", "ยังไม่เป็นจริง"] };',
    "const KIND_ORDER = ['steps', 'standards'];",
    "if (it.kind === `question`) return 1;",
    'if (it.kind === "rows") continue;',
]


@pytest.mark.parametrize("snippet", BEFORE)
def test_the_checks_catch_name_dispatch(snippet: str) -> None:
    assert kind_name_uses(snippet) or kind_reads(snippet), snippet


def test_the_checks_let_metadata_dispatch_pass() -> None:
    ok = """
      // a comment may say "steps" or it.kind
      if (s.score === "rows") d = 1; else if (it.answer_type === "yes-no") d = 2;
      out.push(say(w, "indicators", { reached }));  out.push(say("steps"));
      const q = model.quiz ? 1 : 0;  const due = { date, step: s, what };
    """
    assert kind_name_uses(ok) == [] and kind_reads(ok) == []


def test_the_model_carries_everything_the_scripts_read() -> None:
    """Each metadata key a script reads is one the model JSON holds for every kind."""
    from sop_helpers import load_checklists, load_procedures

    checklists = load_checklists(
        ROOT / "checklists", load_procedures(ROOT / "book/data/procedures")
    )
    for checklist in checklists.values():
        data = checklist.to_json()
        assert {"quiz", "label", "progress_words", "order"} <= set(data)
        for section in data["sections"]:
            assert section["score"] in set(SECTION_KINDS.values())
            for item in section["items"]:
                assert item["answer_type"] in ANSWERS
                if item["answer_type"] in ("tick", "yes-no"):
                    assert item["yes"] and item["no"], (checklist.id, item["id"])


def test_the_readme_says_what_to_touch_and_it_exists() -> None:
    """checklists/README.md "add a kind": the files it names exist, the tables and the call it
    shows are the registry's, and it says the scripts stay as they are."""
    from sop_helpers.checklists import kinds

    text = (ROOT / "checklists" / "README.md").read_text("utf-8")
    part = text.split("## การเพิ่มชนิดแบบตรวจสอบ (add a kind)", 1)[1].split("\n## ", 1)[0]
    package = ROOT / "src" / "sop_helpers"
    named = set(re.findall(r"`((?:checklists|views)/\w+\.py|\w+\.py)`", part))
    assert {"checklists/files.py", "checklists/build.py", "checklists/kinds.py"} <= named
    for name in named - {"conf.py"}:  # a project's conf.py may register a kind
        assert (package / name).is_file() or (package / "checklists" / name).is_file(), name
    for table in ("ITEM_KINDS", "SECTION_KINDS", "CHECKLIST_KINDS", "ANSWERS"):
        assert f"`{table}`" in part and hasattr(kinds, table)
    for script in ("checklist.js", "team.js", "team-matrix.js", "print-form.js"):
        assert script in part and (STATIC / script).is_file()
    assert "kinds.register(" in part and callable(kinds.register)
    assert "แก้เฉพาะ Python" in part and "ไม่ต้องแก้" in part
