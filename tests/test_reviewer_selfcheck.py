"""A fresh reviewer's findings on the self-check pages, checked as a reader meets them.

- A broken file is refused naming the file; a bad field is named by its Thai name only (never a
  JSON pointer such as ``person/name``); the saved answers stay as they were.
- One click on "พิมพ์แบบประเมิน" prints once.
- A quiz shows no score (and no right/wrong) before it is sent.
- The CSV says "ยังไม่ได้ทำ" for a step not ticked, and labels the assessor's name and position.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from sop_helpers.results.messages import message
from sop_helpers.wording import TEXTS

from . import support
from .support import download, fill_person, open_checklist

CHECKLISTS = support.checklists()
KEY = "sop-checklist:director-standards"
QUIZ = 'form[data-checklist-id="director-knowledge"]'

pytestmark = pytest.mark.browser


def test_python_names_a_field_by_its_thai_name_only() -> None:
    text = message("pattern", "/person/name")
    assert text.startswith("ช่อง ชื่อ-สกุล: "), text
    assert "person" not in text
    assert message("missing", "/checklist/id").startswith("ช่อง รหัสแบบตรวจสอบ: ")


@pytest.mark.parametrize(
    ("name", "content", "field"),
    [
        ("ผลของฉัน-ตัดท้าย.json", '{"format": "sop-checklist-results", "format_vers', ""),
        ("รูป.png", "\x89PNG not json at all", ""),
        (
            "ชื่อเสีย.json",
            json.dumps(
                {
                    "format": "sop-checklist-results",
                    "format_version": 2,
                    "checklist": {"id": "director-standards", "version": 1},
                    "person": {"name": "สมชาย\x07", "position": "ครู"},
                    "created": "2026-11-28T09:00:00+07:00",
                    "updated": "2026-11-28T09:30:00+07:00",
                    "answers": {},
                }
            ),
            "ชื่อ-สกุล",
        ),
    ],
    ids=["truncated", "not-json", "bad-name"],
)
def test_a_refused_file_is_named_and_the_saved_answers_stay(
    page: Any, site_url: str, tmp_path: Path, name: str, content: str, field: str
) -> None:
    form = open_checklist(page, site_url, "self-check/director.html", "director-standards")
    form.locator("#cl-director-standards-std3-yes").check()
    page.wait_for_function(f"() => localStorage.getItem('{KEY}') !== null")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    form.locator('input[data-action="import"]').set_input_files(str(path))
    form.locator(".sop-cl-messages p").last.wait_for()
    text = form.locator(".sop-cl-messages").inner_text()
    assert f"'{name}'" in text, text
    assert "ไม่เปลี่ยนแปลง" in text
    if field:
        assert f"ช่อง {field}:" in text, text
    assert not re.search(r"[a-z]+/[a-z]+", text), text  # no JSON pointer
    assert dialogs == []
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert form.locator("#cl-director-standards-std3-yes").is_checked()
    assert not page.watch.console_errors


def test_one_click_prints_once(page: Any, site_url: str) -> None:
    # stubbed before the page's scripts run, as on a fresh page (print-form.js loads on the click)
    page.add_init_script(
        "window.__prints = 0;"
        " window.print = () => { window.__prints++; dispatchEvent(new Event('afterprint')); };"
    )
    form = open_checklist(page, site_url, "self-check/action-plan.html", "action-plan-steps")
    button = form.locator('button[data-action="print"]')
    settled = (
        "() => new Promise(r => requestAnimationFrame(() => setTimeout(() => r(window.__prints))))"
    )
    button.click()
    page.wait_for_function("() => window.SopPrintForm && window.__prints >= 1")
    assert page.evaluate(settled) == 1
    button.click()  # print-form.js loaded now: again exactly one
    page.wait_for_function("() => window.__prints >= 2")
    assert page.evaluate(settled) == 2
    assert not page.watch.console_errors


def test_no_score_before_the_quiz_is_sent(page: Any, site_url: str) -> None:
    quiz = CHECKLISTS["director-knowledge"]
    form = open_checklist(page, site_url, "self-check/director.html", "director-knowledge")
    shown = form.locator("output[data-knowledge]")
    assert shown.inner_text() == TEXTS["quiz.unsubmitted"]
    for q in quiz.items:  # every question answered, nothing sent
        form.locator(f"#cl-director-knowledge-{q.id}-o-{q.options[0].id}").check()
    page.wait_for_function(
        "() => localStorage.getItem('sop-checklist:director-knowledge') !== null"
    )
    assert shown.inner_text() == TEXTS["quiz.unsubmitted"]
    assert not re.search(r"[0-9๐-๙]", shown.inner_text())
    feedback = form.locator("[data-feedback-for]")
    assert all(not t.strip() for t in feedback.all_inner_texts())
    page.on("dialog", lambda d: d.accept())
    form.locator('button[data-action="quiz-submit"]').click()
    page.wait_for_function(
        "s => /^ถูก [0-9๐-๙]+ จาก [0-9๐-๙]+ ข้อ$/.test(document.querySelector(s).textContent)",
        arg=QUIZ + " output[data-knowledge]",
    )
    assert any(t.strip() for t in feedback.all_inner_texts())


def test_csv_says_not_done_and_labels_the_assessor(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    steps = CHECKLISTS["action-plan-steps"]
    form = open_checklist(page, site_url, "self-check/action-plan.html", "action-plan-steps")
    fill_person(form)
    got = download(page, form.locator('button[data-action="export-csv"]'))
    rows = list(csv.reader(io.StringIO(Path(got.path()).read_bytes().decode("utf-8-sig"))))
    assert rows[0] == [TEXTS["csv.id"], TEXTS["csv.item"], TEXTS["csv.result"]]
    assert ["", TEXTS["csv.person"], "นางสาวสมหญิง ใจดี"] in rows
    assert ["", TEXTS["csv.position"], "นักวิเคราะห์นโยบายและแผน"] in rows
    said = {row[0]: row[2] for row in rows if row and row[0]}
    ids = [i.id for i in steps.items]
    assert ids and all(said[i] == "ยังไม่ได้ทำ" for i in ids), said
