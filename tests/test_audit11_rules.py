"""Audit of issue 11, point 2 and "no rule is written in two places": the Python rules the
audit found still written twice, each checked where a second copy would come back.

``tests/test_structure.py`` already fails on the B.E. offset, a digit table, PyThaiNLP's month
tables, the fiscal months and a second ``add_months`` outside their owners. These add:

- a Thai month name (มกราคม / ม.ค. ...) typed into the code instead of asked of ``thai.py``
  (the fiscal-year page wrote "ตุลาคม {year - 1}" and the quarterly timing
  "ต.ค.–ธ.ค., ม.ค.–มี.ค., ..." by hand, beside ``fiscal.py``'s quarters);
- what a quarter's months are, and how readers see them ("ต.ค.–ธ.ค."), from ``fiscal.py``
  only: the step table's "every quarter", the start page's "today" line and the year table;
- the package's public names: listed for type checkers (the ``TYPE_CHECKING`` imports), for the
  lazy loader (``_HOMES``) and for ``import *`` (``__all__``): three lists that must agree;
- the calculators' result: one shape (``calculators.fields.solved`` / ``failed``);
- the package's static folder: made a static path by ``assets.declare``, not by each feature.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from pythainlp.util.date import thai_abbr_months, thai_full_months

import sop_helpers
from sop_helpers.fiscal import QUARTER_END, QUARTERS, quarter_months, quarter_range, quarter_span

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "sop_helpers"
PYTHON = sorted(
    [
        *(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts),
        *(ROOT / "scripts").glob("*.py"),
    ]
)
MONTH_NAMES = (*thai_full_months, *thai_abbr_months)

# Where a month name is text about something else, not a month the code names.
MONTHS_ALLOWED = {
    "src/sop_helpers/thai.py": "the owner",
    # the README's settings table shows what the digit styles look like ("๑๕ ตุลาคม")
    "src/sop_helpers/sphinx_ext/config.py": "an example in a setting's help",
    # a sample staff member's answer text ("...เผยแพร่ภายในเดือนมกราคม")
    "scripts/make_team_samples.py": "sample answers",
}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (of modules, classes, functions and
    attributes): prose for the maintainer, where examples of output belong."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.add(id(node.value))
    return found


def _month_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    docs = _docstrings(tree)
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docs
        and any(name in node.value for name in MONTH_NAMES)
    ]


def test_month_names_are_asked_of_thai_py() -> None:
    found = [
        hit
        for path in PYTHON
        if str(path.relative_to(ROOT)) not in MONTHS_ALLOWED
        for hit in _month_literals(path)
    ]
    assert not found, "use thai.month_name / thai.thai_date instead:\n" + "\n".join(found)


def test_the_quarters_come_from_the_fiscal_months() -> None:
    assert [quarter_months(q) for q in QUARTERS] == [(10, 11, 12), (1, 2, 3), (4, 5, 6), (7, 8, 9)]
    assert QUARTER_END == {12: 1, 3: 2, 6: 3, 9: 4}
    assert [quarter_span(q) for q in QUARTERS] == [
        "ต.ค.–ธ.ค.",
        "ม.ค.–มี.ค.",
        "เม.ย.–มิ.ย.",
        "ก.ค.–ก.ย.",
    ]
    assert quarter_range(2570, 2) == (dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    with pytest.raises(ValueError, match="ไตรมาส"):
        quarter_months(5)


def test_every_view_of_a_quarter_says_the_same_months() -> None:
    from sop_helpers.procedures import QuarterlyTiming
    from sop_helpers.schedule import timing_label
    from sop_helpers.sphinx_ext.pages import fiscal_today_values

    label = timing_label(QuarterlyTiming(kind="quarterly"))
    assert label == f"ทุกไตรมาส ({', '.join(quarter_span(q) for q in QUARTERS)})"
    assert fiscal_today_values(dt.date(2027, 5, 20))["months"] == quarter_span(3)


def test_the_fiscal_year_boxes_name_their_months_by_the_fiscal_year() -> None:
    """The fiscal-year page's box of each year: "ปีงบประมาณ 2570 (ตุลาคม 2569 – กันยายน 2570)"."""
    from types import SimpleNamespace

    from sop_helpers.sphinx_ext.calendar_years import _visit_year_box_html, year_box

    box = year_box(fy=2570, state="future", open=False, count=3)
    translator = SimpleNamespace(body=[], builder=SimpleNamespace(name="html"))
    _visit_year_box_html(translator, box)
    assert "ปีงบประมาณ 2570 (ตุลาคม 2569 – กันยายน 2570) 3 รายการ" in "".join(translator.body)


def _type_checking_names() -> dict[str, str]:
    """name -> module of the imports under ``if TYPE_CHECKING:`` in ``sop_helpers/__init__.py``."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text("utf-8"))
    block = next(
        n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name: str(node.module)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_the_public_names_are_listed_alike_for_every_reader() -> None:
    static = _type_checking_names()
    assert static == sop_helpers._HOMES, "the TYPE_CHECKING imports and _HOMES differ"
    assert sorted(sop_helpers.__all__) == sorted(sop_helpers._HOMES), "__all__ and _HOMES differ"


def test_a_calculation_that_worked_has_one_shape() -> None:
    """Only ``calculators/fields.py`` writes a result dict (``solved`` / ``failed``)."""
    elsewhere = [
        str(p.relative_to(ROOT))
        for p in sorted((PACKAGE / "calculators").glob("*.py"))
        if p.name != "fields.py" and re.search(r"""["']ok["']\s*:""", p.read_text("utf-8"))
    ]
    assert not elsewhere, f"return fields.solved(...) / failed(...) instead: {elsewhere}"
    from sop_helpers.calculators import compute
    from sop_helpers.calculators.data import calculator_data

    result = compute(
        "spending", calculator_data("spending"), {"amount": "๑๐๐", "previous": "50", "pupils": "4"}
    )
    assert list(result) == ["ok", "warning", "values", "lines", "result", "words", "illustrative"]


def test_the_static_folder_is_added_where_features_are_declared() -> None:
    connects = [
        p.name
        for p in sorted((PACKAGE / "sphinx_ext").glob("*.py"))
        if p.name != "assets.py"
        and re.search(r"connect\(\s*[\"']builder-inited[\"'],\s*use_static", p.read_text("utf-8"))
    ]
    assert not connects, f"assets.declare adds the static folder; drop it from {connects}"


def test_a_settings_default_is_written_once() -> None:
    """A feature module that reads a setting falls back on its declared default
    (``sphinx_ext.config.setting``), never on a default of its own: a calculator-only project
    showed Arabic digits while the handbook's default is Thai."""
    from types import SimpleNamespace

    from sop_helpers.sphinx_ext.config import OPTIONS, setting

    pattern = re.compile(r"""getattr\([^()]*config[^()]*,\s*["']sop_\w+["']\s*,""")
    elsewhere = [
        p.name
        for p in sorted((PACKAGE / "sphinx_ext").glob("*.py"))
        if p.name != "config.py" and pattern.search(p.read_text("utf-8"))
    ]
    assert not elsewhere, f"read settings with config.setting(config, name): {elsewhere}"
    bare = SimpleNamespace()  # a project that registered none of the handbook's settings
    assert {o.name: setting(bare, o.name) for o in OPTIONS} == {o.name: o.default for o in OPTIONS}
