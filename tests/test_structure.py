"""The package's layout holds: small modules, a light ``import sop_helpers``, one home per rule.

These read the source as the next maintainer would; each failure names the file to fix.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sop_helpers"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
MAX_LINES = 400


def _fresh(code: str) -> str:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout.strip()


def test_every_module_is_under_400_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in MODULES
        if (n := len(p.read_text("utf-8").splitlines())) >= MAX_LINES
    }
    assert not long, f"split these modules by subject: {long}"


def test_import_sop_helpers_loads_no_heavy_library() -> None:
    heavy = ("pandas", "numpy", "pydantic", "sphinx", "docutils", "ipywidgets", "IPython")
    loaded = _fresh(
        f"import sys, sop_helpers; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    )
    assert loaded == "", f"import sop_helpers pulled in {loaded}"


def test_every_public_name_resolves_to_its_home() -> None:
    import sop_helpers

    for name in sop_helpers.__all__:
        value = getattr(sop_helpers, name)
        home = sop_helpers._HOMES[name]
        module = __import__(f"sop_helpers.{home}", fromlist=[name])
        assert getattr(module, name) is value, name


def test_an_unknown_name_is_an_attribute_error() -> None:
    import sop_helpers

    with pytest.raises(AttributeError, match="no_such_name"):
        _ = sop_helpers.no_such_name


def _imports(path: Path) -> set[str]:
    """Absolute names of the modules a file imports (relative imports resolved)."""
    tree = ast.parse(path.read_text("utf-8"))
    inside = path.is_relative_to(ROOT / "src")
    parts = path.relative_to(ROOT / "src" if inside else ROOT).parts
    package = ".".join(parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                found.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.add(node.module)
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_modules_import_no_view(path: Path) -> None:
    relative = path.relative_to(PACKAGE)
    if relative.parts[0] in ("views", "sphinx_ext") or relative.name == "__main__.py":
        pytest.skip("a view")
    bad = {
        name
        for name in _imports(path)
        if name.split(".")[0] in ("sphinx", "docutils", "ipywidgets", "IPython")
        or name.startswith(("sop_helpers.views", "sop_helpers.sphinx_ext"))
    }
    assert not bad, f"{relative} is core but imports {bad}"


# One home for each rule: the owner file and a pattern that only the owner may hold.
RULES = [
    ("thai.py", re.compile(r"\b543\b"), "the B.E. offset"),
    ("thai.py", re.compile(r"arabic_digit_to_thai_digit|thai_digit_to_arabic_digit"), "digits"),
    ("thai.py", re.compile(r"[๐๑๒๓๔๕๖๗๘๙]{10}"), "a Thai digit table"),
    ("thai.py", re.compile(r"thai_(full|abbr)_months|thai_strftime\([^)]*%[bB]"), "month names"),
    ("thai.py", re.compile(r"^def (month_name|thai_number|number_list)\b", re.M), "Thai numbers"),
    ("fiscal.py", re.compile(r"\(10, 11, 12, 1, 2, 3"), "the fiscal months"),
    ("fiscal.py", re.compile(r"^def (quarter_of|_?add_months|months_of)\b", re.M), "months"),
    ("fiscal.py", re.compile(r"^def _span\(first", re.M), "a month range"),
    ("fiscal.py", re.compile(r"monthrange\(.*\n.*min\(|index // 12"), "month arithmetic"),
    ("wording.py", re.compile(r'" และ" \+'), "a Thai run-on list (thai_list)"),
    ("sphinx_ext/html_nodes.py", re.compile(r"\b(latex|texinfo)="), "a node's other builders"),
    ("wording.py", re.compile(r"(ขั้นตอนที่|มาตรฐานข้อ) ?\{"), "a step's or standard's name (STEP)"),
]
# search_th.py belongs to the search feature and keeps its own normaliser for now.
EXEMPT = {"sphinx_ext/search_th.py"}


@pytest.mark.parametrize(("owner", "pattern", "what"), RULES, ids=[r[2] for r in RULES])
def test_each_rule_has_one_home(owner: str, pattern: re.Pattern[str], what: str) -> None:
    elsewhere = [
        str(p.relative_to(PACKAGE))
        for p in MODULES
        if str(p.relative_to(PACKAGE)) not in {owner, *EXEMPT}
        and pattern.search(p.read_text("utf-8"))
    ]
    assert not elsewhere, f"{what} is written outside {owner}: {elsewhere}"


# Files the package writes go through _files.write_*_atomic (a temporary file and a rename): a
# reader (the served site, a second build, the office PC's sync) never sees half a file.
_WRITES = re.compile(r"""\.write_(text|bytes)\(|\bopen\([^)]*['"][wax]b?\+?['"]""")
WRITE_EXEMPT: dict[str, str] = {
    "_files.py": "the one home of atomic writes",
}
"""Modules allowed to write files directly, each with its reason (none other so far)."""


def test_files_are_written_atomically_in_one_place() -> None:
    direct = [
        f"{p.relative_to(PACKAGE)}:{n}"
        for p in MODULES
        if str(p.relative_to(PACKAGE)) not in WRITE_EXEMPT
        for n, line in enumerate(p.read_text("utf-8").splitlines(), 1)
        if _WRITES.search(line)
    ]
    assert not direct, f"write through sop_helpers._files.write_*_atomic instead: {direct}"


def test_views_live_in_their_own_package() -> None:
    assert not (PACKAGE / "widgets.py").exists()
    assert not (PACKAGE / "interactive.py").exists()
    names = {p.name for p in (PACKAGE / "views").glob("*.py")}
    assert {"widgets.py", "interactive.py"} <= names


# Decision 15: one library for each job, the one the code relies on.
KEPT = {"ics": "icalendar", "ruamel": "yaml (PyYAML)", "jsonschema": "pydantic"}


def test_one_library_for_each_job() -> None:
    files = [*MODULES, *(ROOT / "tests").glob("*.py"), *(ROOT / "scripts").glob("*.py")]
    found = {
        str(path.relative_to(ROOT)): name
        for path in files
        for name in _imports(path)
        if name.split(".")[0] in KEPT
    }
    assert not found, f"use the kept library instead ({KEPT}): {found}"
    pins = (ROOT / "requirements.txt").read_text("utf-8").lower().splitlines()
    assert not any(line.startswith("ics==") for line in pins)


# The build reads its own project's data through sphinx_ext/handbook_data.py; notebook_data.py
# checks what the notebooks will read, so it follows the package's way ($SOP_DATA_DIR ...).
PACKAGE_WAY = re.compile(r"\b(procedures_dir|load_procedures|find_folder|checklists_dir)\b")


def test_the_build_finds_its_procedures_one_way() -> None:
    elsewhere = [
        p.name
        for p in sorted((PACKAGE / "sphinx_ext").glob("*.py"))
        if p.name not in {"handbook_data.py", "notebook_data.py"}
        and PACKAGE_WAY.search(p.read_text("utf-8"))
    ]
    assert not elsewhere, f"read the project's data through handbook_data: {elsewhere}"
