"""HTML of a checklist: one pure renderer for the website directive and the notebook widget.

The markup works without JavaScript (a readable list with the answers in collapsible notes);
``checklist.js`` enhances it through the ``data-`` hooks: ``data-checklist-id`` and
``data-checklist-version`` on the form, ``data-item-id`` / ``data-item-hash`` on each input,
``data-level`` on each cumulative standard's level output, ``data-progress`` on the progress.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from ._html import attrs as _attrs
from .checklists import INDICATOR_COLUMNS, Checklist, Item, Section
from .checklists.kinds import ITEM_KINDS, answer_of, rule_of
from .output import script_json
from .scoring import Score, score
from .thai import thai_number

NOTICE = (
    "คำตอบบันทึกไว้ในเบราว์เซอร์นี้เท่านั้น (ไม่ได้ส่งไปที่ใด) หากล้างข้อมูลเบราว์เซอร์หรือเปลี่ยนเครื่อง"
    " คำตอบจะหายไป ส่งออกเป็นไฟล์เพื่อเก็บไว้"
)


PERSON_NOTICE = "ชื่อ-สกุลและตำแหน่งกรอกครั้งเดียว ใช้กับทุกแบบตรวจสอบในเบราว์เซอร์นี้"

EXPORT_JSON = "ส่งออกไฟล์ผล (JSON)"
"""Label of the export button (book/team/index.md quotes it)."""

IMPORT_JSON = "นำเข้าไฟล์ผล (JSON)…"
"""Label of the import control."""


def _evidence(item: Item) -> str:
    parts = []
    if item.details:
        tick = answer_of(item).name == "tick"
        lines = "".join(f"<li>{escape(d)}</li>" for d in item.details if tick)
        if lines:
            parts.append(f'<ul class="sop-cl-details">{lines}</ul>')
    if item.evidence:
        lines = "".join(f"<li>{escape(e)}</li>" for e in item.evidence)
        parts.append(f'<div class="sop-cl-evidence">หลักฐาน:<ul>{lines}</ul></div>')
    if item.when:
        parts.append(f'<p class="sop-cl-when">ช่วงเวลา: {escape(item.when)}</p>')
    if item.note:
        parts.append(f'<p class="sop-cl-note">{escape(item.note)}</p>')
    return "".join(parts)


def _hooks(checklist: Checklist, item: Item) -> dict[str, str]:
    return {"data_item_id": item.id, "data_item_hash": item.hash}


def _dom_id(checklist: Checklist, *parts: str) -> str:
    return "-".join(["cl", checklist.id, *(p.replace(".", "-") for p in parts)])


def _choice(
    checklist: Checklist, item: Item, kind: str, value: str, label: str, suffix: str
) -> str:
    dom = _dom_id(checklist, item.id, suffix)
    attrs = _attrs(
        type=kind,
        id=dom,
        name=f"{checklist.id}:{item.id}",
        value=value,
        **_hooks(checklist, item),
    )
    return f'<label for="{dom}"><input {attrs}> {escape(label)}</label>'


def _step(checklist: Checklist, item: Item) -> str:
    box = _choice(checklist, item, "checkbox", "true", f"ขั้นตอนที่ {item.number} {item.text}", "done")
    return f'<li class="sop-cl-item sop-cl-step">{box}{_evidence(item)}</li>'


def _met(checklist: Checklist, item: Item, legend: str) -> str:
    kind = ITEM_KINDS[item.kind]
    yes, no = kind.yes, kind.no
    return (
        f'<li class="sop-cl-item"><fieldset class="sop-cl-choice">'
        f"<legend>{escape(legend)}</legend>"
        f"{_choice(checklist, item, 'radio', 'true', yes, 'yes')}"
        f"{_choice(checklist, item, 'radio', 'false', no, 'no')}"
        f"{_evidence(item)}</fieldset></li>"
    )


def _question(checklist: Checklist, item: Item) -> str:
    kind = "checkbox" if item.multiple else "radio"
    options = "".join(
        _choice(checklist, item, kind, o.id, f"{item.letter(o.id)}. {o.text}", f"o-{o.id}")
        for o in item.options
    )
    right = ", ".join(item.letter(a) for a in item.answer)
    feedback_id = _dom_id(checklist, item.id, "feedback")
    # Closed without JavaScript; checklist.js hides it until the question is answered.
    return (
        f'<li class="sop-cl-item sop-cl-question"><fieldset class="sop-cl-choice">'
        f"<legend>{escape(item.number)}. {escape(item.text)} ({item.hint})</legend>{options}"
        f'<details class="sop-cl-answer" {_attrs(data_answer_for=item.id)}>'
        f"<summary>เฉลยและคำอธิบาย</summary>"
        f"<p>คำตอบ: {escape(right)}</p><p>{escape(item.explanation)}</p></details>"
        f'<p class="sop-cl-feedback" id="{feedback_id}" data-feedback-for="{escape(item.id)}"'
        f' role="status"></p>'
        f"</fieldset></li>"
    )


def _rows(checklist: Checklist, item: Item) -> str:
    head = "".join(f'<th scope="col">{escape(label)}</th>' for _, label in INDICATOR_COLUMNS)
    examples = "".join(
        "<tr>"
        + "".join(f"<td>{escape(row.get(k, ''))}</td>" for k, _ in INDICATOR_COLUMNS)
        + "</tr>"
        for row in checklist.examples
    )
    example_table = (
        f'<table class="sop-cl-examples"><caption>ตัวอย่าง</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{examples}</tbody></table>"
        if examples
        else ""
    )
    template_cells = "".join(
        "<td><input "
        + _attrs(type="text", data_column=key, aria_label=label, **_hooks(checklist, item))
        + "></td>"
        for key, label in INDICATOR_COLUMNS
    )
    return (
        f"{example_table}"
        f'<table class="sop-cl-rows" {_attrs(**_hooks(checklist, item))}>'
        f"<caption>{escape(checklist.title)}</caption>"
        f'<thead><tr>{head}<th scope="col"><span class="sop-cl-sr">ลบแถว</span></th></tr></thead>'
        f"<tbody></tbody></table>"
        f'<template class="sop-cl-row-template"><tr>{template_cells}'
        f'<td><button type="button" class="sop-cl-remove-row">ลบแถว</button></td></tr></template>'
        f'<p class="sop-cl-js"><button type="button" class="sop-cl-add-row">เพิ่มแถว</button></p>'
        f'<p class="sop-cl-nojs">เปิด JavaScript เพื่อกรอกตาราง หรือพิมพ์หน้านี้แล้วกรอกด้วยมือ</p>'
    )


def _item(checklist: Checklist, section: Section, item: Item) -> str:
    """One item's control, by its answer type (rows are drawn as a table by the section)."""
    answer = answer_of(item).name
    if answer == "tick":
        return _step(checklist, item)
    if answer == "yes-no":
        level = rule_of(section) == "level"
        return _met(checklist, item, f"ระดับ {item.number}: {item.text}" if level else item.text)
    if answer == "choice":
        return _question(checklist, item)
    return ""


def _section(checklist: Checklist, section: Section, result: Score) -> str:
    progress = result.sections[section.id]
    body = "".join(_item(checklist, section, item) for item in section.items)
    listing = (
        f'<ol class="sop-cl-items">{body}</ol>' if body else _rows(checklist, section.items[0])
    )
    summary = _section_summary(checklist, section, result)
    return (
        "<fieldset "
        + _attrs(
            class_="sop-cl-section", data_section_id=section.id, data_section_kind=section.kind
        )
        + ">"
        f"<legend>{escape(section.title)}"
        f' <span class="sop-cl-count">(<output {_attrs(data_section_progress=section.id)}>'
        f"{progress}</output>)</span></legend>"
        f"{listing}{summary}</fieldset>"
    )


def _section_summary(checklist: Checklist, section: Section, result: Score) -> str:
    rule = rule_of(section)
    if rule == "level":
        level = result.levels[section.id]
        following = level.next_missing
        missing = (
            f"สิ่งที่ขาดสำหรับระดับ {thai_number(level.level + 1)}: {following.text}"
            if following
            else "ได้ระดับสูงสุดแล้ว"
        )
        return (
            '<p class="sop-cl-level">ระดับที่ได้: <output '
            + _attrs(data_level=level.level, data_level_for=section.id)
            + ">"
            f"{thai_number(level.level)}</output> จาก {thai_number(level.max_level)}"
            f' <span class="sop-cl-next" {_attrs(data_next_for=section.id)}>'
            f"{escape(missing)}</span></p>"
        )
    if rule == "met":
        return (
            f'<p class="sop-cl-met">ผล: <output {_attrs(data_met_for=section.id, data_met="")}>'
            f"ยังไม่ได้ประเมิน</output></p>"
        )
    return ""


def render_checklist(checklist: Checklist, answers: Mapping[str, Any] | None = None) -> str:
    """The checklist as an HTML form (progressively enhanced by ``checklist.js``).

    ``answers`` only sets the initial scores shown; the browser keeps its own answers.
    """
    result = score(checklist, answers or {})
    model = script_json(checklist.to_json())
    sections = "".join(_section(checklist, s, result) for s in checklist.sections)
    knowledge = ""
    if result.knowledge is not None:
        knowledge = (
            f' คะแนน <output data-knowledge="0/{result.knowledge.total}">'
            f"0/{result.knowledge.total}</output>"
        )
    form_attrs = _attrs(
        class_="sop-checklist",
        id=f"cl-{checklist.id}",
        data_checklist_id=checklist.id,
        data_checklist_version=checklist.version,
        data_checklist_kind=checklist.kind,
        data_checklist_title=checklist.title,
        data_procedure_title=checklist.procedure_title,
        aria_labelledby=f"cl-{checklist.id}-title",
    )
    person = "".join(
        f"<label>{label} <input "
        + _attrs(type="text", name=key, data_person=key, autocomplete=auto)
        + "></label> "
        for key, label, auto in (
            ("name", "ชื่อ-สกุล", "name"),
            ("position", "ตำแหน่ง", "organization-title"),
        )
    )
    return (
        f"<form {form_attrs}>"
        f'<p class="sop-cl-title" id="cl-{checklist.id}-title">'
        f"<strong>{escape(checklist.title)}</strong>"
        f" (ฉบับที่ {checklist.version})</p>"
        + (f'<p class="sop-cl-intro">{escape(checklist.intro)}</p>' if checklist.intro else "")
        + f'<p class="sop-cl-notice sop-cl-js">{escape(NOTICE)}</p>'
        f'<fieldset class="sop-cl-person"><legend>ผู้ประเมิน</legend>{person}'
        f'<span class="sop-cl-date">วันที่ <output data-date=""></output></span>'
        f'<p class="sop-cl-notice sop-cl-js">{escape(PERSON_NOTICE)}</p></fieldset>'
        f"{sections}"
        f'<p class="sop-cl-progress" aria-live="polite">ความคืบหน้า'
        f' <output data-progress="{result.progress}">{result.progress}</output>{knowledge}</p>'
        f'<div class="sop-cl-tools sop-cl-js"><p class="sop-cl-buttons">'
        f'<button type="button" data-action="export-json">{EXPORT_JSON}</button> '
        f'<button type="button" data-action="export-csv">ส่งออก CSV (Excel)</button> '
        # The native picker's "Choose File / No file chosen" follows the browser's language:
        # the input is visually hidden (still focusable) and named by this Thai label.
        f'<label class="sop-cl-import">{IMPORT_JSON}<input type="file" class="sop-cl-file"'
        ' accept=".json,application/json" data-action="import"></label> '
        f'<button type="button" data-action="print">พิมพ์แบบประเมิน</button> '
        f'<button type="button" data-action="reset">ล้างคำตอบ</button></p>'
        # One message at a time, next to the buttons that caused it.
        f'<div class="sop-cl-messages" role="alert"></div></div>'
        f'<div class="sop-cl-sign"><p>ลงชื่อ ........................................ ผู้ประเมิน</p>'
        f"<p>ลงชื่อ ........................................ ผู้อำนวยการกลุ่มนโยบายและแผน</p></div>"
        f'<script type="application/json" class="sop-cl-model">{model}</script>'
        f"</form>"
    )
