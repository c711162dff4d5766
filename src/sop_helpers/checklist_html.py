"""HTML of a checklist: one pure renderer for the website directive and the notebook widget.

The markup is the template ``templates/checklist/form.html`` (rendered with autoescape through
:mod:`sop_helpers.render`); this module only decides what it shows. The form works without
JavaScript (a readable list with the answers in collapsible notes); ``checklist.js`` enhances it
through the ``data-`` hooks: ``data-checklist-id`` and ``data-checklist-version`` on the form,
``data-item-id`` / ``data-item-hash`` on each input, ``data-level`` on each cumulative
standard's level output, ``data-progress`` on the progress.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .checklists import INDICATOR_COLUMNS, Checklist, Section
from .checklists.kinds import ITEM_KINDS, answer_of, rule_of
from .scoring import Score, score
from .wording import TEXTS, say

NOTICE = (
    "คำตอบบันทึกไว้ในเบราว์เซอร์นี้เท่านั้น (ไม่ได้ส่งไปที่ใด) หากล้างข้อมูลเบราว์เซอร์หรือเปลี่ยนเครื่อง"
    " คำตอบจะหายไป ส่งออกเป็นไฟล์เพื่อเก็บไว้"
)


PERSON_NOTICE = "ชื่อ-สกุลและตำแหน่งกรอกครั้งเดียว ใช้กับทุกแบบตรวจสอบในเบราว์เซอร์นี้"

EXPORT_JSON = "ส่งออกไฟล์ผล (JSON)"
"""Label of the export button."""

IMPORT_JSON = "นำเข้าไฟล์ผล (JSON)…"
"""Label of the import control."""

EXPORT_ALL = TEXTS["mine.export"]
"""Label of the "all my results in one file" button of the my-progress page (checklist.js says
the same key of the wording table)."""

SWITCH_PERSON = TEXTS["mine.switch"]
"""Label of the my-progress page's button that clears one person's data (checklist.js)."""

LABELS: Mapping[str, str] = {
    "export-json": EXPORT_JSON,
    "import-json": IMPORT_JSON,
    "export-all": EXPORT_ALL,
    "switch-person": SWITCH_PERSON,
}
"""The buttons the pages' instructions name, by key: a page says ``{sop-label}`export-all```
(sphinx_ext/labels.py) instead of typing the label again."""

_LISTED = ("tick", "yes-no", "choice")
"""Answer types drawn as list items; a section of rows is drawn as a table instead."""


def dom_id(checklist: Checklist, *parts: str) -> str:
    """The element id of a part of a checklist's form: ``cl-<checklist>-<item>-<part>``."""
    return "-".join(["cl", checklist.id, *(p.replace(".", "-") for p in parts)])


def _section_view(section: Section, result: Score) -> dict[str, Any]:
    items = [(item, answer_of(item).name) for item in section.items]
    rule = rule_of(section)
    return {
        "section": section,
        "rule": rule,
        "progress": result.sections[section.id],
        "entries": items,
        "listed": any(answer in _LISTED for _, answer in items),
        "level": result.levels.get(section.id) if rule == "level" else None,
    }


def render_checklist(
    checklist: Checklist,
    answers: Mapping[str, Any] | None = None,
    file_stem: str = "",
    links: Mapping[str, tuple[str, str]] | None = None,
) -> str:
    """The checklist as an HTML form (progressively enhanced by ``checklist.js``).

    ``answers`` only sets the initial scores shown; the browser keeps its own answers.
    ``file_stem`` begins the names of exported files (``<stem>_<person>_<date>``, checklist.js).
    ``links``: item id -> (address, title) of the page the item names (``Item.page``, resolved by
    the site's build); each such item links to it.
    """
    from .render import render

    result = score(checklist, answers or {})
    model = checklist.to_json()
    return render(
        "checklist/form.html",
        cl=checklist,
        result=result,
        sections=[_section_view(s, result) for s in checklist.sections],
        model=model,
        file_stem=file_stem or checklist.id,
        kinds=ITEM_KINDS,
        columns=INDICATOR_COLUMNS,
        dom_id=dom_id,
        links=links or {},
        texts={
            "notice": NOTICE,
            "person_notice": PERSON_NOTICE,
            "export_json": EXPORT_JSON,
            "import_json": IMPORT_JSON,
            "unsubmitted": TEXTS["quiz.unsubmitted"],
            "date": TEXTS["checklist.date"],
            # the page's digit pass writes the site's digits (sphinx_ext/digits.py)
            "progress": say(
                model["progress_words"],
                "arabic",
                done=result.progress.done,
                total=result.progress.total,
            ),
        },
    )
