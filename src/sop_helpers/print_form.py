"""The printed form of a checklist: an A4 office form, separate from the interactive page.

Pure renderer (no Sphinx); the markup is the template ``templates/print/form.html`` (autoescape,
:mod:`sop_helpers.render`). The page carries the form hidden; ``print-form.js`` fills in the
person, the date, each answer and the result summary in the handbook's wording
(:mod:`sop_helpers.wording`) and prints only this form. Hooks: ``data-pf`` on the person's
fields and the summary, ``data-pf-answer`` on each item's answer cell.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from .checklists import INDICATOR_COLUMNS, Checklist, Item
from .checklists.kinds import ITEM_KINDS, rule_of
from .thai import thai_number

GROUP = "กลุ่มนโยบายและแผน"
DIRECTOR = "ผู้อำนวยการกลุ่มนโยบายและแผน"
DOTS = "." * 48


def blanks(item: Item) -> tuple[str, ...]:
    """The choices printed (each with a box) for an item answered by pen."""
    kind = ITEM_KINDS[item.kind]
    if kind.answer == "yes-no":
        return (kind.yes, kind.no)
    if kind.answer == "tick":
        return (kind.yes,)
    return tuple(f"{item.letter(o.id)}." for o in item.options)


def render_print_form(
    checklist: Checklist,
    office: str,
    director_name: str = "",
    links: Mapping[str, tuple[str, str]] | None = None,
) -> str:
    """The hidden A4 form of ``checklist`` for ``office`` (its full name) with two signatures;
    its summary names each level-scored standard by its number (``Section.number``: ๑, ๒ ...).
    ``links`` (item id -> page address and title, as :func:`render_checklist` takes them) names
    the page after each item that has one, linked (a PDF of the form keeps the link).
    """
    from .render import render

    by_section = {
        s.id: thai_number(s.number) if s.number is not None else ""
        for s in checklist.sections
        if rule_of(s) == "level"
    }
    sections = [(s, rule_of(s)) for s in checklist.sections]
    # Ticks only ("☐ ทำแล้ว"): a narrow answer column leaves the steps' text more room.
    short = all(ITEM_KINDS[item.kind].answer == "tick" for item in checklist.items)
    return render(
        "print/form.html",
        cl=checklist,
        office=office,
        group=GROUP,
        director=DIRECTOR,
        director_name=director_name,
        dots=DOTS,
        numbers_json=json.dumps(by_section, ensure_ascii=False),
        rows=any(rule == "rows" for _, rule in sections),
        short=short,
        sections=sections,
        columns=INDICATOR_COLUMNS,
        blanks=blanks,
        links=links or {},
    )
