"""A page gets a feature's scripts because it declares the feature, never because its HTML
happens to hold a class name (issue 11.5).

Features are declared once (``sphinx_ext.assets.declare``: files and the directive nodes that
mean a page uses them), or by ``{sop-assets} <feature>``, or by a notebook cell's metadata
``sop_assets: [checklist]``. Read from each page's doctree, so a parallel build and an
incremental build after a checklist is removed both get it right.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .fixture_project import ROOT, build, make_project

pytestmark = pytest.mark.build

PROSE = (
    "# เกี่ยวกับหน้าแบบตรวจสอบ\n\n"
    'ฟอร์มของ<span class="sop-checklist">แบบตรวจสอบ</span>คือ '
    '<code>&lt;form class="sop-checklist"&gt;</code> ตาราง '
    '<span class="sop-cl-progress-table">ความคืบหน้า</span> และ <span class="sop-calc">เครื่องคิด</span>'
    " ใช้ checklist.js, team.js และ calculator.js\n"
)
PAGES = {
    "index": "# หน้าแรก\n",
    "form": "# แบบตรวจสอบ\n\n```{checklist} director-steps\n```\n",
    "prose": PROSE,
    "declared": "# ประกาศเอง\n\n```{sop-assets} checklist\n```\n\nผลของเซลล์เป็นแบบตรวจสอบ\n",
    "calc": "# เครื่องคิด\n\n```{calculator} indicator\n```\n",
    "team": "# ทีม\n\n```{team-view}\n```\n",
}


def _scripts(out: Path, page: str) -> set[str]:
    html = (out / f"{page}.html").read_text("utf-8")
    return set(re.findall(r'<script[^>]*\ssrc="[^"]*?_static/([\w.-]+\.js)', html))


# The stylesheets a page is given, recorded before they go into the page's bundle.
CONF = """
def setup(app):
    def record(app, pagename, templatename, context, doctree):
        names = " ".join(str(getattr(a, "filename", a)) for a in context.get("css_files", []))
        tag = f'<meta name="test-css" content="{names}">'
        context["metatags"] = str(context.get("metatags", "")) + tag
    app.connect("html-page-context", record, priority=800)
"""


def _styles(out: Path, page: str) -> str:
    html = (out / f"{page}.html").read_text("utf-8")
    found = re.search(r'<meta name="test-css" content="([^"]*)"', html)
    assert found, page
    return found.group(1)


def test_assets_follow_declarations_on_parallel_and_incremental_builds(tmp_path: Path) -> None:
    src = make_project(tmp_path, PAGES, CONF)
    out = tmp_path / "out"
    done = build(src, out, checklists=ROOT / "checklists", jobs=2)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    assert {"sop-core.js", "checklist.js"} <= _scripts(out, "form")
    assert "checklist.css" in _styles(out, "form")
    assert {"sop-core.js", "checklist.js"} <= _scripts(out, "declared")
    assert "calculator.js" in _scripts(out, "calc") and "calculator.css" in _styles(out, "calc")
    team = _scripts(out, "team")
    assert {"sop-core.js", "checklist.js", "team-matrix.js", "team.js"} <= team
    # each file once, in the order the feature needs them
    html = (out / "team.html").read_text("utf-8")
    order = [html.index(f"_static/{n}") for n in ("sop-core.js", "checklist.js", "team.js")]
    assert order == sorted(order) and html.count("_static/checklist.js") == 1

    # prose that names the classes and scripts gets none of them
    prose = (out / "prose.html").read_text("utf-8")
    assert 'class="sop-checklist"' in prose  # the old body search would have matched
    assert not {"sop-core.js", "checklist.js", "team.js", "calculator.js"} & _scripts(out, "prose")
    assert "checklist.css" not in _styles(out, "prose")
    assert "print-form.js" not in prose  # nor the print loader

    # the checklist leaves the page: the next (incremental) build drops its scripts
    (src / "form.md").write_text(
        "---\nlast_reviewed: 2569-11-28\n---\n# แบบตรวจสอบ\n\nย้ายไปหน้าอื่นแล้ว\n", encoding="utf-8"
    )
    again = build(src, out, checklists=ROOT / "checklists", jobs=2)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
    assert "0 changed" not in again.stdout and "form" in again.stdout
    assert not {"sop-core.js", "checklist.js"} & _scripts(out, "form")
    assert "checklist.css" not in _styles(out, "form")
    assert "print-form.js" not in (out / "form.html").read_text("utf-8")
    assert {"sop-core.js", "checklist.js"} <= _scripts(out, "declared")  # the others keep theirs


def test_the_notebook_page_declares_its_checklist_output() -> None:
    """The one page whose checklist is a cell's output says so in the cell's metadata."""
    import jupytext

    notebook = jupytext.read(ROOT / "book" / "self-check" / "jupyter.md")
    declared = [c for c in notebook.cells if "checklist" in c.metadata.get("sop_assets", ())]
    assert declared and declared[0].cell_type == "code"


def test_no_view_searches_the_rendered_body() -> None:
    """No Sphinx module looks for a class name in the rendered page to decide its assets."""
    folder = ROOT / "src" / "sop_helpers" / "sphinx_ext"
    pattern = re.compile(r"""context\.get\(\s*["']body["']|context\[\s*["']body["']\s*\]""")
    found = [
        p.name
        for p in folder.glob("*.py")
        if p.name != "digits.py" and pattern.search(p.read_text("utf-8"))
    ]
    # digits.py rewrites the body's digits (decision 1); it decides no assets.
    assert not found, f"decide assets by declaration (assets.declare / needs), not body: {found}"


def test_only_the_assets_module_adds_a_page_files() -> None:
    """Every stylesheet and script a page gets goes through ``assets.declare`` (one way): no
    other module calls Sphinx's ``add_js_file`` / ``add_css_file``, from a page-context handler
    or anywhere else."""
    import ast

    package = ROOT / "src" / "sop_helpers"
    found = [
        f"{path.relative_to(package)}:{node.lineno}"
        for path in sorted(package.rglob("*.py"))
        if path.relative_to(package).as_posix() != "sphinx_ext/assets.py"
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("add_js_file", "add_css_file")
    ]
    assert not found, f"declare the files with sphinx_ext.assets.declare instead: {found}"
