"""Pages generated from the handbook's data: procedures, flowcharts, glossary, errata, year.

A page asks for generated content with a marker block that this module replaces on
``source-read``, before MyST parses the page, so the generated headings are real sections (they
appear in the page's contents and in search)::

    ```{sop-procedure} action-plan
    ```

Markers: ``sop-procedure <id>``, ``sop-procedure-list``, ``sop-group-scope``, ``sop-work-areas``,
``sop-fiscal-year``, ``sop-glossary``, ``sop-errata``. The MyST text comes from the Jinja2 templates
in ``page_templates/``; every data file read is a dependency of the page, so editing the data
rebuilds it. The ``sop-flowchart`` directive (used by the procedure template) emits a neutral node
that the HTML visitor turns into the markup of :mod:`sop_helpers.flowchart`; other builders get
the steps as a text list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from sphinx.application import Sphinx
from sphinx.util import logging

from sop_helpers._errors import DataError
from sop_helpers.errata import READER_NAME, Erratum, erratum_number
from sop_helpers.fiscal import add_months, months_of
from sop_helpers.handbook import reference_errors
from sop_helpers.procedures import Procedure
from sop_helpers.render import myst_environment
from sop_helpers.schedule import (
    timing_label,
    timing_text,
    unscheduled,
)
from sop_helpers.thai import month_name, number_list, parse_be_date, thai_date, thai_number
from sop_helpers.wording import STANDARD, STEP, thai_list
from sop_helpers.worklist import SECTION_NAMES

from . import flowchart_ext, worklist_page
from .assets import declare
from .flowchart_ext import flowchart
from .handbook_data import depend, procedures_folder
from .handbook_data import errata as _errata
from .handbook_data import glossary as _glossary
from .handbook_data import procedures as _procedures

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
TEMPLATES = HERE / "page_templates"

_MARKER = re.compile(r"^```\{(sop-[a-z-]+)\}[ \t]*([^\n`]*?)[ \t]*\n```[ \t]*$", re.MULTILINE)
_FRONT_REVIEWED = re.compile(
    r"\A---\n.*?^last_reviewed:\s*[\"']?([0-9-]+)", re.MULTILINE | re.DOTALL
)
# Markdown that would change how a data text renders: emphasis, roles, links, HTML, tables, and
# bare domains that linkify would turn into links to an unconfirmed site (erratum E28).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}<>|$#])")
_DOMAIN_DOT = re.compile(r"(?<=[A-Za-z0-9])\.(?=[A-Za-z])")

OWNER_ROLE = "ผู้อำนวยการกลุ่มนโยบายและแผน"


# ---- Jinja2 --------------------------------------------------------------------------------


def md_escape(text: str) -> str:
    """Data text made literal for MyST: markup characters escaped, bare domains not linked."""
    return _DOMAIN_DOT.sub(r"\\.", _MD_SPECIAL.sub(r"\\\1", text))


class TermLinker:
    """Escapes data text for MyST and links the first use of each glossary acronym on the page.

    One linker per page: an acronym (สพฐ., กศจ. ...) becomes a ``{term}`` link where it first
    appears, later uses stay plain. The longest acronym wins ("ผอ.สพป." before "สพป.").
    """

    def __init__(self, terms: Iterable[str]) -> None:
        ordered = sorted(set(terms), key=len, reverse=True)
        self._pattern = (
            re.compile("|".join(re.escape(md_escape(t)) for t in ordered)) if ordered else None
        )
        self._seen: set[str] = set()

    def __call__(self, text: str) -> str:
        escaped = md_escape(text)
        if self._pattern is None:
            return escaped

        def link(match: re.Match[str]) -> str:
            term = match.group(0)
            if term in self._seen:
                return term
            self._seen.add(term)
            return f"{{term}}`{term}`"

        return self._pattern.sub(link, escaped)


def ref(title: str, label: str) -> str:
    """A link to ``label`` showing data text ``title``: a ``{ref}`` role, whose title is literal.

    A role's title cannot hold ``<`` (it would start the target) or a backtick (it would end the
    role), so such a title is written as a Markdown link with the text escaped instead.
    """
    if "<" in title or "`" in title:
        return f"[{md_escape(title)}](#{label})"
    return f"{{ref}}`{title} <{label}>`"


def doc(title: str, page: str) -> str:
    """A link to the page ``page`` (docname) showing data text ``title`` (see :func:`ref`)."""
    if "<" in title or "`" in title:
        return f"[{md_escape(title)}](/{page}.md)"
    return f"{{doc}}`{title} </{page}>`"


def _step_numbers(ids: Iterable[str], procedure: Procedure) -> str:
    return number_list(procedure.step(i).number for i in ids)


def _environment() -> jinja2.Environment:
    filters: dict[str, Callable[..., Any]] = {
        "thai": thai_number,
        "md": md_escape,
        "timing": timing_label,
        "month": month_name,
        "thai_list": thai_list,
        "numbers": number_list,
        "step_numbers": _step_numbers,
        "timing_text": timing_text,
        "erratum_number": erratum_number,
    }
    # Data passes through md_escape (the ``md`` filter, ref(), doc()): the output is MyST.
    return myst_environment(
        TEMPLATES,
        filters,
        {
            "ref": ref,
            "doc": doc,
            "erratum_name": READER_NAME,
            "step_name": STEP,
            "standard_name": STANDARD,
        },
    )


_JINJA = _environment()


def _render(template: str, **context: Any) -> str:
    return _JINJA.get_template(template).render(**context)


# ---- dates ---------------------------------------------------------------------------------


# ---- generated blocks ----------------------------------------------------------------------


def _duration(procedure: Procedure) -> str:
    months = {m for s in procedure.steps for m in months_of(s.timing)}
    pending = [s for s in procedure.steps if not months_of(s.timing)]
    if not months:
        return "เอกสารมาตรฐานการปฏิบัติงานไม่ได้ระบุ (รอสำนักงานกำหนด)"
    text = "ตามระยะเวลาของแต่ละขั้นตอนในตารางด้านล่าง"
    if pending:
        text += f" ({STEP} {number_list(s.number for s in pending)} รอสำนักงานกำหนด)"
    return text


def _related_docs(app: Sphinx, procedure_id: str) -> tuple[str | None, list[str]]:
    found = app.env.found_docs
    self_check = f"self-check/{procedure_id}"
    examples = sorted(d for d in found if d.startswith("examples/") and procedure_id in d)
    return (self_check if self_check in found else None), examples


def _procedure_block(app: Sphinx, source: str, procedure_id: str) -> str:
    procedures = _procedures(app)
    if procedure_id not in procedures:
        raise DataError(f"ไม่มีงาน '{procedure_id}' ใน book/data/procedures")
    procedure = procedures[procedure_id]
    glossary = _glossary(app)
    # Cross-file references are checked by the pure core, which names the file and line.
    problems = reference_errors(
        {procedure_id: procedure}, glossary, _errata(app), procedures_folder(app)
    )
    if problems:
        raise problems[0]
    match = _FRONT_REVIEWED.search(source)
    reviewed = parse_be_date(match.group(1)) if match else None
    months = int(app.config.sop_review_months)
    director = str(app.config.sop_director_name or "")
    # Every procedure of the group is owned by the group's director (a role; the name only when
    # the office sets it in the configuration).
    owner = f"{OWNER_ROLE} ({director})" if director else OWNER_ROLE
    self_check, examples = _related_docs(app, procedure_id)
    acronyms = [t.term for t in glossary.values() if t.full]
    return _render(
        "procedure.md",
        p=procedure,
        linked=TermLinker(acronyms),
        total=len(procedures),
        owner=owner,
        duration=_duration(procedure),
        reviewed=thai_date(reviewed, "official") if reviewed else "ยังไม่ระบุ",
        review_due=thai_date(add_months(reviewed, months), "official") if reviewed else "ยังไม่ระบุ",
        definitions=[glossary[t] for t in procedure.definitions],
        docs={d.id: d for d in procedure.documents},
        cumulative=any(s.kind == "cumulative" for s in procedure.standards),
        self_check=self_check,
        examples=examples,
        drafted_names=" ".join(
            SECTION_NAMES[d] for d in procedure.drafted_sections if d != "timing"
        ),
        pending=number_list(s.number for s in procedure.steps if s.timing.kind == "pending"),
        unconfirmed_laws=sum(not r.confirmed for r in procedure.references),
    )


def erratum_places(erratum: Erratum, procedures: dict[str, Procedure]) -> list[tuple[str, str]]:
    """Where the handbook shows an erratum's text: (link text, label) of each step and standard
    that cites it; a place in another procedure than the erratum's names that procedure."""
    places = []
    for procedure in procedures.values():
        prefix = "" if procedure.id == erratum.procedure else f"{procedure.short_title} "
        for step in procedure.steps:
            if erratum.id in step.errata:
                places.append(
                    (
                        f"{prefix}{step.numbered}",
                        f"proc-{procedure.id}-{step.id}",
                    )
                )
        for standard in procedure.standards:
            if erratum.id in standard.errata:
                places.append(
                    (
                        f"{prefix}{standard.numbered}",
                        f"proc-{procedure.id}-{standard.id}",
                    )
                )
    return places


def _errata_block(app: Sphinx) -> str:
    errata = _errata(app)
    procedures = _procedures(app)
    groups = [
        {"title": p.title, "errata": [e for e in errata if e.procedure == p.id]}
        for p in procedures.values()
    ]
    places = {e.id: erratum_places(e, procedures) for e in errata}
    return _render("errata.md", groups=[g for g in groups if g["errata"]], places=places)


def _director_items(app: Sphinx, substep: str) -> str:
    step = _procedures(app)["director"].step("s1")
    for sub in step.substeps:
        if sub.number == substep:
            return _render("items.md", items=sub.items)
    raise DataError(f"director.yml: ขั้นตอนที่ 1 ไม่มีขั้นตอนย่อย {substep}")


def _blocks(app: Sphinx, source: str) -> dict[str, Callable[[str], str]]:
    procedures = partial(_procedures, app)
    # The templates are part of the page's source: editing one rebuilds the pages that use it.
    depend(app, sorted(TEMPLATES.glob("*.md")))
    return {
        "sop-procedure": lambda arg: _procedure_block(app, source, arg),
        "sop-procedure-list": lambda _arg: _render(
            "procedure-list.md", procedures=procedures().values()
        ),
        "sop-group-scope": lambda _arg: _director_items(app, "๑."),
        "sop-work-areas": lambda _arg: _director_items(app, "๓."),
        # the month-by-month table is ``{fiscal-months}`` (calendar_ext); this is what has no time
        "sop-fiscal-year": lambda _arg: _render(
            "fiscal-year.md", pending=unscheduled(procedures().values())
        ),
        "sop-glossary": lambda _arg: _render("glossary.md", terms=_glossary(app).values()),
        "sop-errata": lambda _arg: _errata_block(app),
        "sop-worklist": lambda _arg: _render("worklist.md", **worklist_page.render_context(app)),
    }


def expand_markers(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: replace each marker block with its generated MyST text."""
    text = source[0]
    if "```{sop-" not in text:
        return
    blocks = _blocks(app, text)

    def replace(match: re.Match[str]) -> str:
        name, arg = match.group(1), match.group(2).strip()
        if name not in blocks:
            return match.group(0)  # a directive of another module (e.g. sop-flowchart)
        try:
            return blocks[name](arg)
        except (DataError, KeyError) as exc:
            logger.warning(
                f"สร้างเนื้อหา {name} ไม่ได้: {exc}",
                location=docname,
                type="sop",
                subtype="data",
            )
            return ""

    source[0] = _MARKER.sub(replace, text)


def setup(app: Sphinx) -> None:
    """Register the marker expansion, the flowchart (``flowchart_ext``) and the CSS."""
    app.connect("source-read", expand_markers)
    # Only pages that show procedure content load its stylesheet (fewer requests elsewhere):
    # the templates that make such content declare it with ``{sop-assets} procedure``.
    declare(app, "procedure", styles=("procedure.css",), nodes=(flowchart,), priority=910)
    flowchart_ext.setup(app)
