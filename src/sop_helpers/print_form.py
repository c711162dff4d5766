"""The printed form of a checklist: an A4 office form, separate from the interactive page.

Pure renderer (no Sphinx). The page carries the form hidden; ``print-form.js`` fills in the
person, the date, each answer and the result summary in the handbook's wording
(:mod:`sop_helpers.wording`) and prints only this form. Hooks: ``data-pf`` on the person's
fields and the summary, ``data-pf-answer`` on each item's answer cell.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape

from .checklists import INDICATOR_COLUMNS, Checklist, Item, Section
from .checklists.kinds import ITEM_KINDS, rule_of
from .thai import thai_number

GROUP = "กลุ่มนโยบายและแผน"
DIRECTOR = "ผู้อำนวยการกลุ่มนโยบายและแผน"
DOTS = "." * 48


def _blank(item: Item) -> str:
    # Unanswered on paper: both choices with a box, to tick by pen.
    choices: tuple[str, ...]
    kind = ITEM_KINDS[item.kind]
    if kind.answer == "yes-no":
        choices = (kind.yes, kind.no)
    elif kind.answer == "tick":
        choices = (kind.yes,)
    else:
        choices = tuple(f"{item.letter(o.id)}." for o in item.options)
    return " ".join(f"☐ {escape(c)}" for c in choices)


def _row(number: str, text: str, item: Item, extra: str = "") -> str:
    return (
        f'<tr><td class="sop-pf-no">{escape(number)}</td><td>{escape(text)}{extra}</td>'
        f'<td class="sop-pf-answer" data-pf-answer="{escape(item.id)}">{_blank(item)}</td></tr>'
    )


def _section_rows(section: Section) -> str:
    rule = rule_of(section)
    if rule == "level":
        head = (
            '<tr class="sop-pf-group"><th colspan="3" scope="rowgroup">'
            f"{escape(section.title)}</th></tr>"
        )
        return head + "".join(
            _row(f"ระดับ {item.number}", item.text, item) for item in section.items
        )
    if rule == "met":
        item = section.items[0]
        return _row(item.number, f"{section.title}: {item.text}", item)
    if rule == "progress":
        return "".join(
            _row(
                item.number,
                item.text,
                item,
                "".join(f'<span class="sop-pf-detail">{escape(d)}</span>' for d in item.details),
            )
            for item in section.items
        )
    if rule == "quiz":
        return "".join(
            _row(
                item.number,
                item.text,
                item,
                '<span class="sop-pf-detail">'
                + " ".join(f"{item.letter(o.id)}. {escape(o.text)}" for o in item.options)
                + "</span>",
            )
            for item in section.items
        )
    return ""


def _signer(name: str, position: str, role: str, hooks: bool) -> str:
    """A signature block: signature line, (name in block letters), position, date, role."""

    def fill(key: str) -> str:
        return f' data-pf="{key}"' if hooks else ""

    date = f"วันที่ {'.' * 8} เดือน {'.' * 18} พ.ศ. {'.' * 8}"
    return (
        '<div class="sop-pf-signer">'
        f"<p>ลงชื่อ {DOTS}</p>"
        f"<p>(<span{fill('name-sign')}>{escape(name) or DOTS}</span>)</p>"
        '<p class="sop-pf-hint">(ชื่อตัวบรรจง)</p>'
        f"<p>ตำแหน่ง <span{fill('position-sign')}>{escape(position) or DOTS}</span></p>"
        f"<p>{date}</p>"
        f'<p class="sop-pf-role">{escape(role)}</p>'
        "</div>"
    )


def render_print_form(
    checklist: Checklist,
    office: str,
    director_name: str = "",
    numbers: Mapping[str, str] | None = None,
) -> str:
    """The hidden A4 form of ``checklist`` for ``office`` (its full name) with two signatures.

    ``numbers`` maps a standard's id to its number as written (๑, ๒ ...), for the summary.
    """
    by_section = {
        s.id: (numbers or {}).get(s.items[0].ref, "")
        for s in checklist.sections
        if rule_of(s) == "level"
    }
    numbers_json = json.dumps(by_section, ensure_ascii=False)
    if any(rule_of(s) == "rows" for s in checklist.sections):
        head = "".join(f'<th scope="col">{escape(label)}</th>' for _, label in INDICATOR_COLUMNS)
        body = (
            f'<table class="sop-pf-rows"><thead><tr><th scope="col">ที่</th>{head}</tr></thead>'
            '<tbody data-pf="rows"></tbody></table>'
        )
    else:
        rows = "".join(_section_rows(s) for s in checklist.sections)
        body = (
            '<table class="sop-pf-items"><thead><tr><th scope="col">ที่</th>'
            '<th scope="col">รายการ</th><th scope="col">ผล</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    return (
        f'<div class="sop-print-form" data-print-for="{escape(checklist.id)}" hidden>'
        '<header class="sop-pf-head">'
        + (f'<p class="sop-pf-office">{escape(office)}</p>' if office else "")
        + f'<p class="sop-pf-group">{GROUP}</p>'
        f'<p class="sop-pf-title">{escape(checklist.title)}</p>'
        f'<p class="sop-pf-version">ฉบับที่ {thai_number(checklist.version)}</p>'
        "</header>"
        '<table class="sop-pf-person"><tr>'
        '<th scope="row">ชื่อ-สกุล</th><td data-pf="name"></td>'
        '<th scope="row">ตำแหน่ง</th><td data-pf="position"></td>'
        '<th scope="row">วันที่</th><td data-pf="date"></td>'
        "</tr></table>"
        f"{body}"
        '<section class="sop-pf-summary"><p class="sop-pf-summary-title">สรุปผล</p>'
        f"<ul data-pf=\"summary\" data-numbers='{escape(numbers_json)}'>"
        "</ul></section>"
        '<div class="sop-pf-sign">'
        + _signer("", "", "ผู้ประเมิน", hooks=True)
        + _signer(director_name, DIRECTOR, "ผู้อำนวยการกลุ่มนโยบายและแผน", hooks=False)
        + "</div>"
        "</div>"
    )
