"""Data never reaches HTML unescaped: every view the package renders shows hostile text as text.

A copy of the director's procedure and its four checklists gets, in every text field, a suffix
of hostile strings (a script, an attribute break-out with an ``onerror``, a comment opener, a
template expression and an entity). Each view is rendered from the copy and from the original:
parsed with an HTML parser, the two must have the same elements and attributes (the hostile
text made none), and the hostile strings must come back as text. The same copy is then built
as a small site (procedure page, checklist page, progress, team view, worklist) and opened in
Chromium, where no alert may run and no element may come from the data.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from sop_helpers.checklist_html import render_checklist
from sop_helpers.checklists import Checklist, load_checklists
from sop_helpers.print_form import render_print_form
from sop_helpers.procedures import load_procedures
from sop_helpers.sphinx_ext.procedure_pages import md_escape

from .fixture_project import build, handbook_pages, make_project
from .support import open_team, serve

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<!--<script>",
    "{{ 7*7 }}",
    "&amp;",
)
SUFFIX = " " + " ".join(HOSTILE)
PROCEDURE = "director"
CHECKLISTS = [f"{PROCEDURE}-{kind}" for kind in ("steps", "standards", "knowledge", "indicators")]
# Fields that name something else (a glossary term) or are numbers written in Thai digits.
NOT_TEXT = {"definitions", "number"}
THAI = re.compile("[\u0e00-\u0e7f]")


def _hostile(value: Any, key: str = "") -> Any:
    """Every Thai text of a data file with the hostile suffix (ids and references untouched)."""
    if isinstance(value, dict):
        return {k: _hostile(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_hostile(v, key) for v in value]
    if isinstance(value, str) and key not in NOT_TEXT and THAI.search(value):
        return value + SUFFIX
    return value


def _write_data(folder: Path, hostile: bool) -> tuple[Path, Path]:
    """The procedure and its checklists under ``folder`` (hostile or as they are)."""
    procedures, checklists = folder / "procedures", folder / "checklists"
    procedures.mkdir(parents=True)
    checklists.mkdir()
    sources = [(ROOT / "book" / "data" / "procedures" / f"{PROCEDURE}.yml", procedures)]
    sources += [(ROOT / "checklists" / f"{cid}.yml", checklists) for cid in CHECKLISTS]
    for path, target in sources:
        data = yaml.safe_load(path.read_text("utf-8"))
        text = yaml.safe_dump(_hostile(data) if hostile else data, allow_unicode=True)
        (target / path.name).write_text(text, encoding="utf-8")
    return procedures, checklists


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The original and the hostile procedure and checklists, loaded by the package."""
    loaded: dict[str, Any] = {}
    for name in ("plain", "hostile"):
        procedures_dir, checklists_dir = _write_data(
            tmp_path_factory.mktemp(name), name == "hostile"
        )
        procedures = load_procedures(procedures_dir)
        loaded[name] = (procedures, load_checklists(checklists_dir, procedures))
        loaded[name + "_dirs"] = (procedures_dir, checklists_dir)
    return loaded


class Page(HTMLParser):
    """What a parser makes of some HTML: its elements (tag and attribute names), comments,
    the text of each element and every attribute value."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, tuple[str, ...]]] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.comments: list[str] = []
        self.texts: list[str] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._script: dict[str, str] | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, tuple(name for name, _ in attrs)))
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag == "script":
            self._script = {name: value or "" for name, value in attrs}

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts.append((self._script, data))
        else:
            self.texts.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)


def assert_shown_as_text(plain_html: str, hostile_html: str, where: str) -> Page:
    """The hostile rendering has exactly the plain one's elements, and shows the data as text."""
    plain, hostile = Page(plain_html), Page(hostile_html)
    assert hostile.elements == plain.elements, f"{where}: the data made or changed elements"
    assert hostile.comments == plain.comments == [], f"{where}: a comment came from the data"
    assert not any(name.startswith("on") for _, name, _ in hostile.attributes), where
    for text in HOSTILE:
        assert text in hostile.text, f"{where}: {text!r} is not shown as text"
    for attributes, body in hostile.scripts:
        # The only scripts are JSON data (escaped by script_json) that parses back.
        assert attributes.get("type") == "application/json", where
        assert "<" not in body, where
        json.loads(body)
    return hostile


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_checklist_form_shows_hostile_text_as_text(data: dict[str, Any], checklist_id: str) -> None:
    plain = data["plain"][1][checklist_id]
    hostile = data["hostile"][1][checklist_id]
    page = assert_shown_as_text(
        render_checklist(plain), render_checklist(hostile), f"form {checklist_id}"
    )
    (model,) = [
        json.loads(body) for attrs, body in page.scripts if "sop-cl-model" in attrs["class"]
    ]
    assert model == hostile.to_json()  # the browser gets the text back exactly
    assert hostile.title in [
        v for tag, name, v in page.attributes if name == "data-checklist-title"
    ]


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_print_form_shows_hostile_text_as_text(data: dict[str, Any], checklist_id: str) -> None:
    forms = []
    for name in ("plain", "hostile"):
        _, checklists = data[name]
        checklist: Checklist = checklists[checklist_id]
        office = "สพป.พะเยา เขต ๒" + (SUFFIX if name == "hostile" else "")
        director = "นายทดสอบ" + (SUFFIX if name == "hostile" else "")
        forms.append(render_print_form(checklist, office, director))
    assert_shown_as_text(*forms, f"print form {checklist_id}")


def test_flowchart_shows_hostile_text_as_text(data: dict[str, Any]) -> None:
    from sop_helpers import parse_procedure
    from sop_helpers.flowchart import build_flow
    from sop_helpers.sphinx_ext.flowchart_ext import render_html

    from .test_flowchart import _sample

    charts = [render_html(build_flow(data[name][0][PROCEDURE])) for name in ("plain", "hostile")]
    assert_shown_as_text(*charts, "flowchart")
    # every kind of node (decision, document, parallel lanes) in a small procedure
    sample = _sample()
    sample["steps"][2]["parallel"] = {"steps": ["s2"], "source": "ทดสอบ"}  # type: ignore[index]
    charts = [render_html(build_flow(parse_procedure(d))) for d in (sample, _hostile(sample))]
    page = assert_shown_as_text(*charts, "flowchart of every node kind")
    classes = " ".join(v for _, name, v in page.attributes if name == "class").split()
    assert {"sop-flow-decision", "sop-flow-document", "sop-flow-lanes"} <= set(classes)


def test_team_view_payload_carries_hostile_text_as_data(data: dict[str, Any]) -> None:
    from docutils import nodes

    from sop_helpers.sphinx_ext.team_view import team_models, team_view, visit_team_view_html

    pages = []
    for name in ("plain", "hostile"):
        procedures, checklists = data[name]
        node = team_view()
        node["models"] = team_models(checklists, procedures)
        shown = procedures.values()
        node["procedures"] = [{"id": p.id, "short_title": p.short_title} for p in shown]
        translator = type("Translator", (), {"body": []})()
        with pytest.raises(nodes.SkipNode):
            visit_team_view_html(translator, node)
        pages.append((node, "".join(translator.body)))
    (_, plain_html), (node, html) = pages
    plain, hostile = Page(plain_html), Page(html)
    assert hostile.elements == plain.elements
    (payload,) = [
        json.loads(body) for attrs, body in hostile.scripts if "sop-team-data" in attrs["class"]
    ]
    assert payload["models"] == node["models"]
    titles = json.dumps(payload["models"], ensure_ascii=False)
    assert all(json.dumps(text)[1:-1] in titles for text in HOSTILE)


@pytest.mark.parametrize("kind", ["subsidy", "disbursement", "allocation", "school-size"])
def test_calculator_form_shows_hostile_rate_text_as_text(kind: str) -> None:
    from sop_helpers.calculators import calculator_data
    from sop_helpers.sphinx_ext.calculators import render_calculator

    plain = calculator_data(kind, None)
    hostile = _hostile(plain)  # level labels, sources, notes of the rates files
    if kind == "disbursement":  # option texts are made from numbers: no data text in them
        hostile = {**hostile, "note": "ข้อมูล" + SUFFIX}
    forms = [render_calculator(kind, d, 1, "arabic") for d in (plain, hostile)]
    page = Page(forms[1])
    assert page.elements == Page(forms[0]).elements
    assert not page.comments
    (body,) = [body for attrs, body in page.scripts if "sop-calc-data" in attrs["class"]]
    assert json.loads(body) == json.loads(json.dumps(hostile, default=str))
    if kind == "subsidy":
        assert all(text in page.text for text in HOSTILE)  # the labels, shown


def _html_values(widget: Any) -> Iterator[str]:
    """The value of every HTML widget inside ``widget``."""
    import ipywidgets as w

    if isinstance(widget, w.HTML):
        yield widget.value
    for child in getattr(widget, "children", ()):
        yield from _html_values(child)


WIDGET_TAGS = {"div", "b", "br", "code"}


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
def test_widgets_show_hostile_text_as_text(
    data: dict[str, Any], checklist_id: str, tmp_path: Path
) -> None:
    pytest.importorskip("ipywidgets")
    from sop_helpers.views.widgets import ChecklistWidget

    views = [ChecklistWidget(data[name][1][checklist_id]) for name in ("plain", "hostile")]
    for view in views:
        # A path with markup in it, and a file that cannot be opened: the message quotes both.
        view._path.value = str(tmp_path / ("ผล" + SUFFIX.replace("/", "_") + ".json"))
        view._load_clicked()
    plain, hostile = ([Page(v) for v in _html_values(view.box)] for view in views)
    assert [p.elements for p in hostile] == [p.elements for p in plain]
    assert {tag for page in hostile for tag, _ in page.elements} <= WIDGET_TAGS
    shown = "".join(page.text for page in hostile)
    for text in HOSTILE:
        assert text in shown, f"{text!r} is not shown as text in the widgets"
    assert "<img" in views[1]._message.value.replace("&lt;img", "<img")  # the path, quoted
    assert not Page(views[1]._message.value).elements  # ... as text


def test_widget_summary_escapes_standard_names(data: dict[str, Any]) -> None:
    pytest.importorskip("ipywidgets")
    from sop_helpers.scoring import score
    from sop_helpers.views.widgets import summary_html

    # Section titles are the handbook's own words ("มาตรฐานข้อ ๑ (...)"): made hostile here.
    checklist = data["hostile"][1][f"{PROCEDURE}-standards"]
    sections = tuple(replace(s, title=s.title + SUFFIX) for s in checklist.sections)
    checklist = replace(checklist, sections=sections)
    page = Page(summary_html(checklist, score(checklist, {})))
    assert {tag for tag, _ in page.elements} == {"div", "br"}
    assert all(text in page.text for text in HOSTILE)


# ----------------------------------------------------------------------------- the built site

PAGES = {
    "index": "# หน้าแรก\n",
    "self-check/director": "# แบบตรวจสอบ\n\n"
    + "".join(f"```{{checklist}} {cid}\n```\n\n" for cid in CHECKLISTS),
    "self-check/progress": "# ความคืบหน้าของฉัน\n\n```{checklist-progress}\n```\n",
    "team/index": "# มุมมองทีม\n\n```{team-view}\n```\n",
}


@pytest.fixture(scope="module")
def hostile_site(data: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile procedure and checklists built as a small site (strict: no warning)."""
    procedures_dir, checklists_dir = data["hostile_dirs"]
    procedure = yaml.safe_load((procedures_dir / f"{PROCEDURE}.yml").read_text("utf-8"))
    root = tmp_path_factory.mktemp("site")
    pages = {**PAGES, **handbook_pages({PROCEDURE: procedure})}
    # The page's heading is the author's Markdown (README: "a # <title> heading"), escaped here.
    heading = f"# {procedure['title']}\n"
    pages[f"procedures/{PROCEDURE}"] = pages[f"procedures/{PROCEDURE}"].replace(
        heading, f"# {md_escape(procedure['title'])}\n"
    )
    # Arabic digits: the site's digit pass would show alert(1) as alert(๑) (decision 1).
    src = make_project(root, pages, 'sop_digits = "arabic"\n', procedures={PROCEDURE: procedure})
    shutil.copytree(checklists_dir, src / "checklists")
    done = build(src, root / "html", checklists=src / "checklists")
    assert done.returncode == 0, done.stderr[-3000:]
    return root / "html"


SITE_PAGES = [
    "self-check/director",
    "self-check/progress",
    "team/index",
    "worklist",
    f"procedures/{PROCEDURE}",
]


@pytest.mark.parametrize("name", SITE_PAGES)
def test_built_pages_show_hostile_text_as_text(hostile_site: Path, name: str) -> None:
    page = Page((hostile_site / f"{name}.html").read_text("utf-8"))
    assert not [a for a in page.attributes if a[1].startswith("on")]
    assert ("img", ("src", "onerror")) not in page.elements
    assert not [c for c in page.comments if "script" in c]
    for attributes, body in page.scripts:
        if attributes.get("type") == "application/json":
            json.loads(body)
        else:
            assert "alert(1)" not in body, f"{name}: a script holds the data"
    if name != "team/index":  # the team page shows its data only once files are read
        assert "<script>alert(1)</script>" in page.text, f"{name}: the text is not shown"


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    """The hostile site served on loopback."""
    with serve(hostile_site) as url:
        yield url


def test_hostile_text_runs_nothing_in_the_browser(
    browser: Any, hostile_url: str, data: dict[str, Any], tmp_path: Path
) -> None:
    """The scripts enhance the hostile forms and the team view shows a hostile name as text."""
    from playwright.sync_api import expect

    from sop_helpers.results import make_results, results_json

    context = browser.new_context(locale="th-TH")
    page = context.new_page()
    ran: list[str] = []
    page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: ran.append(str(error)))
    page.goto(hostile_url + "self-check/director.html")
    form = page.locator(f"form#cl-{PROCEDURE}-steps")
    expect(form.locator(".sop-cl-title")).to_contain_text(HOSTILE[0])
    form.locator("input[type=checkbox]").first.check()
    # the steps kind's progress words (decision 3)
    expect(form.locator("output[data-progress]")).to_have_text(re.compile(r"^ทำแล้ว [1๑] จาก "))
    quiz = page.locator(f"form#cl-{PROCEDURE}-knowledge")
    expect(quiz.locator("legend").nth(2)).to_contain_text(HOSTILE[1])
    assert page.locator("img[src=x]").count() == 0

    checklist = data["hostile"][1][f"{PROCEDURE}-steps"]
    first = checklist.items[0].id
    results = make_results(checklist, {first: True}, name="สมชาย" + SUFFIX, position="ครู" + SUFFIX)
    upload = tmp_path / "ผล.json"
    upload.write_text(results_json(results), encoding="utf-8")
    open_team(page, hostile_url, [upload], wait_for=None)
    output = page.locator(".sop-team-output")
    expect(output).to_contain_text("สมชาย " + HOSTILE[0])
    expect(output).to_contain_text(HOSTILE[1])
    assert page.locator("img[src=x]").count() == 0
    assert ran == [], f"a script ran or failed: {ran}"
    context.close()


# --------------------------------------------------------------------------- where HTML is written

PACKAGE = ROOT / "src" / "sop_helpers"
TEMPLATED = [
    "checklist_html.py",
    "print_form.py",
    "team.py",
    "sphinx_ext/checklists.py",
    "sphinx_ext/team_view.py",
    "views/widgets.py",
    "views/self_check.py",
    "sphinx_ext/calculators.py",
    "sphinx_ext/config.py",
    "sphinx_ext/flowchart_ext.py",
]
"""Views whose HTML is all in templates/ (rendered by sop_helpers.render with autoescape)."""
MARKUP = re.compile(r"<(/?[a-z][a-z0-9]*[\s>/]|!--)")


def _string_constants(path: Path) -> list[str]:
    import ast

    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", TEMPLATED)
def test_templated_views_write_no_markup_in_python(module: str) -> None:
    found = [s for s in _string_constants(PACKAGE / module) if MARKUP.search(s)]
    assert not found, f"{module} writes HTML in Python; move it to a template: {found}"


def test_only_the_render_module_marks_text_safe() -> None:
    unsafe = re.compile(r"\bMarkup\(|\|\s*safe\b|autoescape\s*=\s*False")
    found = [
        str(path.relative_to(PACKAGE))
        for path in [*PACKAGE.rglob("*.py"), *(PACKAGE / "templates").rglob("*.html")]
        if path.name != "render.py" and unsafe.search(path.read_text("utf-8"))
    ]
    assert found == [], found


MAKERS = {"Environment", "SandboxedEnvironment", "ImmutableSandboxedEnvironment", "Template"}


def _environments_made(path: Path) -> list[int]:
    """Lines of ``path`` that make a Jinja2 environment or template (which makes its own)."""
    import ast

    made = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in MAKERS:
                made.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("jinja2"):
            # ``from jinja2 import Environment as E`` would hide the call from the check above
            made += [node.lineno for alias in node.names if alias.name in MAKERS]
    return made


def test_only_the_render_module_makes_a_jinja2_environment() -> None:
    found = {
        str(path.relative_to(PACKAGE)): lines
        for path in PACKAGE.rglob("*.py")
        if path.name != "render.py" and (lines := _environments_made(path))
    }
    assert found == {}, f"a second Jinja2 environment (use sop_helpers.render): {found}"
    # ... and the check sees one where there is one
    assert _environments_made(PACKAGE / "render.py")


def test_templates_join_lines_and_errors_name_their_line() -> None:
    import jinja2

    from sop_helpers import render

    env = render._environment()
    env.loader = jinja2.DictLoader(
        {"t.html": "<p>\n  {{ a }}{{ ' ' }}\n  <b>x</b>\n</p>\n", "bad.html": "<p>\n\n{% if %}\n"}
    )
    assert env.get_template("t.html").render(a="<i>&") == "<p>&lt;i&gt;&amp; <b>x</b></p>"
    with pytest.raises(jinja2.TemplateSyntaxError) as error:
        env.get_template("bad.html")
    assert error.value.lineno == 3
