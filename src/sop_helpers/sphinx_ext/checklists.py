"""Directives ``{checklist} <id>`` and ``{checklist-progress}``: self-checks on the website.

The checklist directive emits a neutral node holding the resolved checklist plus a plain list of
its items (what other builders show); the HTML visitor replaces it with the form from
:mod:`sop_helpers.checklist_html`. ``checklist.js`` and ``checklist.css`` are added only to pages
that hold a checklist or the progress list.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sop_helpers._errors import DataError
from sop_helpers._yaml import load_yaml
from sop_helpers.checklist_html import render_checklist
from sop_helpers.checklists import Checklist, load_checklist
from sop_helpers.checklists.kinds import kind_order
from sop_helpers.names import file_part
from sop_helpers.print_form import render_print_form
from sop_helpers.procedures import Procedure
from sop_helpers.progress import progress_meta
from sop_helpers.rates import load_office
from sop_helpers.render import render
from sop_helpers.team import KIND_LABELS
from sop_helpers.wording import TEXTS, wording_script

from .assets import declare
from .config import setting
from .handbook_data import checklists_folder, data_dir, depend, procedure_files
from .handbook_data import procedures as handbook_procedures
from .html_nodes import add_html_node

logger = logging.getLogger(__name__)


class checklist_node(nodes.General, nodes.Element):  # type: ignore[misc]
    """A checklist; ``node["checklist"]`` is the resolved :class:`Checklist`."""


class checklist_progress_node(nodes.General, nodes.Element):  # type: ignore[misc]
    """The "my progress" list of every checklist in the handbook."""


class ChecklistDirective(SphinxDirective):
    """``{checklist} <id>``: a checklist of ``checklists/``."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        checklist_id = self.arguments[0].strip()
        app = self.env.app
        try:
            path = checklists_folder(app) / f"{checklist_id}.yml"
            self.env.note_dependency(str(path))
            procedures = handbook_procedures(app, note=False)
            checklist = load_checklist(path, procedures)
        except DataError as error:
            # A plain "file:line" string: a (docname, line) tuple would get a source suffix added.
            location = f"{error.source}:{error.line or 1}" if error.source else self.get_location()
            message = f"{error.pointer}: {error.message}" if error.pointer else error.message
            logger.warning(message, location=location, type="sop", subtype="checklist")
            return [nodes.problematic(text=f"[แบบตรวจสอบ {checklist_id} ผิดรูปแบบ]")]
        missing = _missing_page(self.env, path, checklist)
        if missing:
            logger.warning(missing[1], location=missing[0], type="sop", subtype="checklist")
        # a list over the whole handbook (the first week) reads every procedure
        used = [checklist.procedure] if checklist.procedure else list(procedures)
        depend(app, procedure_files(app, used))
        registry = _registry(self.env)
        registry[checklist.id] = {
            "docname": self.env.docname,
            "title": checklist.title,
            "procedure_title": checklist.procedure_title,
            "version": checklist.version,
            # what "my progress" says of it (sop_helpers.progress): its kind's wording key, whether
            # it is a quiz, and the number of each level-scored standard
            **progress_meta(checklist),
            # "my progress" lists checklists in the handbook's order: procedure, then kind
            "order": (
                procedures[checklist.procedure].order if checklist.procedure else 0,
                kind_order(checklist.kind),
            ),
        }
        node = checklist_node(
            checklist=checklist,
            print_form=_print_form(self),
            file_stem=_file_stem(checklist, procedures.get(checklist.procedure)),
        )
        node += _plain_list(checklist)
        return [node]


def _print_form(directive: SphinxDirective) -> tuple[str, str]:
    """Who the office form printed for a checklist names: the office (book/data/office.yml) and
    the director; the form is drawn when the page is written, with the items' page links."""
    office_file = data_dir(directive.env.app) / "office.yml"
    office = ""
    if office_file.is_file():
        directive.env.note_dependency(str(office_file))
        office = load_office(office_file).name
    director = str(setting(directive.config, "sop_director_name") or "")
    return office, director


def _missing_page(
    env: BuildEnvironment, path: Path, checklist: Checklist
) -> tuple[str, str] | None:
    """(file:line, message) of the first item whose ``page`` is no page of the book, or None."""
    for item in checklist.items:
        if not item.page or item.page in env.found_docs:
            continue
        located = load_yaml(path, DataError)
        entries = located.data.get("items", []) if isinstance(located.data, dict) else []
        index = next(
            (
                i
                for i, entry in enumerate(entries)
                if isinstance(entry, dict)
                and "page" in entry
                and item.page.startswith(str(entry["page"]).split("{procedure}")[0])
            ),
            0,
        )
        line = located.line_of(("items", index, "page")) or 1
        return f"{path}:{line}", f"/items/{index}/page: ไม่มีหน้า '{item.page}' ในคู่มือ"
    return None


def page_links(translator: Any, checklist: Checklist) -> dict[str, tuple[str, str]]:
    """Item id -> (address, title) of the page the item names, as the page being written reaches
    it: Sphinx resolves the docname (one home for each page's address and title)."""
    builder = translator.builder
    links = {}
    for item in checklist.items:
        if item.page and item.page in builder.env.titles:
            uri = builder.get_relative_uri(builder.current_docname, item.page)
            links[item.id] = (uri, builder.env.titles[item.page].astext())
    return links


def _file_stem(checklist: Checklist, procedure: Procedure | None) -> str:
    """How exported files begin: the procedure's short title and the kind (Thai, no spaces;
    sop_helpers.names.file_part, the one naming rule; checklist.js adds the person and date)."""
    if procedure is None:  # a list over the whole handbook: its own title
        return file_part(checklist.name)
    short = procedure.short_title
    return file_part(f"{short} {KIND_LABELS.get(checklist.kind, checklist.kind)}")


def _plain_list(checklist: Checklist) -> nodes.Element:
    container = nodes.container(classes=["sop-checklist-plain"])
    container += nodes.paragraph(text=checklist.title)
    listing = nodes.enumerated_list()
    for item in checklist.items:
        listing += nodes.list_item("", nodes.paragraph(text=item.text))
    container += listing
    return container


class ChecklistProgressDirective(SphinxDirective):
    """``{checklist-progress}``: every checklist of the handbook with its saved state."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        return [checklist_progress_node()]


def _registry(env: BuildEnvironment) -> dict[str, dict[str, Any]]:
    if not hasattr(env, "sop_checklists"):
        env.sop_checklists = {}  # type: ignore[attr-defined]
    registry: dict[str, dict[str, Any]] = env.sop_checklists  # type: ignore[attr-defined]
    return registry


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    registry = _registry(env)
    for key in [k for k, v in registry.items() if v["docname"] == docname]:
        del registry[key]


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    _registry(env).update(_registry(other))


def visit_checklist_html(translator: Any, node: checklist_node) -> None:
    checklist = node["checklist"]
    links = page_links(translator, checklist)
    translator.body.append(
        render_checklist(checklist, file_stem=node.get("file_stem", ""), links=links)
    )
    office, director = node.get("print_form", ("", ""))
    translator.body.append(render_print_form(checklist, office, director, links=links))
    if not getattr(translator, "_sop_wording", False):
        # One result wording for the page's scripts (sop_helpers.wording), once per page, and
        # every checklist's Thai title (an import of another checklist's file names it so).
        translator._sop_wording = True
        translator.body.append(wording_script())
        titles = {k: v["title"] for k, v in sorted(_registry(translator.builder.env).items())}
        translator.body.append(render("checklist/titles.html", titles=titles))
    raise nodes.SkipNode


def visit_progress_html(translator: Any, node: checklist_progress_node) -> None:
    builder = translator.builder
    registry = _registry(builder.env)
    rows = [
        {
            **info,
            "id": checklist_id,
            "uri": builder.get_relative_uri(builder.current_docname, info["docname"]),
            # how checklist.js says the saved state (kinds: words, levels, quiz, met count)
            "words": info.get("words", "answered"),
            "levels": json.dumps(info["levels"]) if info.get("levels") else None,
            "quiz": "true" if info.get("quiz") else None,
            # its single standards' numbers (section id -> number): said as the team view says them
            "met": json.dumps(info["met"]) if info.get("met") else None,
        }
        for checklist_id, info in sorted(
            registry.items(), key=lambda kv: (tuple(kv[1].get("order", (99, 99))), kv[0])
        )
    ]
    translator.body.append(
        render("checklist/progress.html", rows=rows, not_started=TEXTS["mine.none"])
    )
    if not getattr(translator, "_sop_wording", False):
        translator._sop_wording = True  # the page's scripts say results in the one wording
        translator.body.append(wording_script())
    raise nodes.SkipNode


PRINT_LOADER = (
    'document.addEventListener("click",function(e){'
    "var b=e.target.closest&&e.target.closest('form.sop-checklist [data-action=\"print\"]');"
    "if(!b||window.SopPrintForm)return;e.stopImmediatePropagation();"
    'var s=document.createElement("script");'
    's.src=document.documentElement.dataset.content_root+"_static/print-form.js";'
    "s.onload=function(){b.click()};document.head.append(s)},true);"
)
"""Loads ``print-form.js`` on the first click of a form's print button, then clicks again."""


def setup(app: Sphinx) -> None:
    """Register the directives, nodes and per-page assets."""
    add_html_node(app, checklist_node, visit_checklist_html)  # other builders: the item list
    add_html_node(app, checklist_progress_node, visit_progress_html, elsewhere="skip")
    app.add_directive("checklist", ChecklistDirective)
    app.add_directive("checklist-progress", ChecklistProgressDirective)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    # checklist.js and its stylesheet on the pages with a checklist or "my progress" (and the
    # notebook page whose cell output is a checklist: cell metadata sop_assets: [checklist])
    declare(
        app,
        "checklist",
        scripts=("sop-core.js", "checklist.js"),
        inline=(PRINT_LOADER,),  # the office form's code is fetched on the first print click
        styles=("checklist.css",),
        nodes=(checklist_node, checklist_progress_node),
    )
