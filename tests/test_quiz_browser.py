"""Quizzes that test, exports a director can receive, a shared office PC (issue 16, parts 1, 2, 5)
in Chromium at 360 and 1,280 px."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from . import support
from .support import answer_quiz, checklist_form, download, fill_person, open_checklist, open_team

QUIZ = support.checklists()["director-knowledge"]
DIRECTOR = "self-check/director.html"
WIDTHS = [360, 1280]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", WIDTHS)
def test_key_hidden_until_submitted_then_answers_locked(
    page: Any, site_url: str, width: int
) -> None:
    form = open_checklist(page, site_url, DIRECTOR, QUIZ.id, width=width)
    multiple = next(q for q in QUIZ.items if q.multiple)
    # One tick in a multi-answer question gives nothing away.
    form.locator(f"#cl-director-knowledge-{multiple.id}-o-{multiple.answer[0]}").check()
    assert not form.locator(f'details[data-answer-for="{multiple.id}"]').is_visible()
    assert form.locator(f'[data-feedback-for="{multiple.id}"]').inner_text() == ""
    right = 6
    answer_quiz(form, QUIZ, right)  # the first six right, the rest wrong
    assert form.locator("details[data-answer-for]:visible").count() == 0
    form.locator('[data-action="quiz-submit"]').click()
    assert form.locator("details[data-answer-for]:visible").count() == len(QUIZ.items)
    assert form.locator(f"#cl-director-knowledge-{QUIZ.items[0].id}-o-a").is_disabled()
    assert f"ถูก {'๐๑๒๓๔๕๖๗๘๙'[right]} จาก ๑๐ ข้อ" in form.inner_text()
    saved = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-knowledge')"))
    assert saved["quiz"] == {"submitted": True, "attempts": 1, "score": {"correct": 6, "total": 10}}
    # Locked after a reload too; "ทำใหม่" starts a new attempt with the key hidden again.
    page.reload()
    checklist_form(page, QUIZ.id)
    assert form.locator(f"#cl-director-knowledge-{QUIZ.items[0].id}-o-a").is_disabled()
    # "ทำใหม่" asks first (the score of this attempt goes): saying no keeps everything.
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    form.locator('[data-action="quiz-retry"]').click()
    assert "ถูก ๖ จาก ๑๐ ข้อ" in asked[0]
    assert form.locator(f"#cl-director-knowledge-{QUIZ.items[0].id}-o-a").is_disabled()
    kept = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-knowledge')"))
    assert kept["quiz"]["score"] == {"correct": 6, "total": 10}
    page.once("dialog", lambda d: d.accept())
    form.locator('[data-action="quiz-retry"]').click()
    assert not form.locator(f"#cl-director-knowledge-{QUIZ.items[0].id}-o-a").is_disabled()
    assert form.locator("details[data-answer-for]:visible").count() == 0
    assert form.locator("input[data-item-id]:checked").count() == 0
    saved = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-knowledge')"))
    assert saved["quiz"]["submitted"] is False and saved["quiz"]["attempts"] == 1
    assert not page.watch.console_errors and not page.watch.blocked


@pytest.mark.parametrize("width", WIDTHS)
def test_export_names_the_checklist_person_and_date(page: Any, site_url: str, width: int) -> None:
    form = open_checklist(
        page, site_url, "self-check/action-plan.html", "action-plan-standards", width=width
    )
    form.locator('[data-action="export-csv"]').click()  # no name yet: refused, as for JSON
    assert "กรุณากรอกชื่อ" in form.locator(".sop-cl-messages").inner_text()
    fill_person(form)
    form.locator("#cl-action-plan-standards-std1-yes").check()
    form.locator("#cl-action-plan-standards-std2-no").check()
    name = download(page, form.locator('[data-action="export-json"]')).suggested_filename
    assert re.fullmatch(
        r"แผนปฏิบัติการประจำปีงบประมาณ-มาตรฐาน_นางสาวสมหญิง-ใจดี_25\d\d-\d\d-\d\d\.json", name
    )
    got = download(page, form.locator('[data-action="export-csv"]'))
    assert got.suggested_filename.endswith(".csv")
    text = Path(got.path()).read_text("utf-8-sig")
    assert "ได้ตามมาตรฐาน" in text and "ยังไม่ได้ตามมาตรฐาน" in text
    assert "ใช่" not in text and "/" not in text.split("ความคืบหน้า")[1]


@pytest.mark.parametrize("width", WIDTHS)
def test_bundle_round_trips_through_the_team_view(
    page: Any, site_url: str, width: int, tmp_path: Path
) -> None:
    form = open_checklist(page, site_url, DIRECTOR, QUIZ.id, width=width)
    fill_person(form)
    page.locator("#cl-director-standards-std1-1-yes").check()
    page.locator('form[data-checklist-id="director-steps"] input[data-item-id]').first.check()
    page.goto(site_url + "self-check/index.html")
    got = download(page, page.locator('[data-action="export-all"]'))
    assert got.suggested_filename.startswith("ผลทั้งหมด_นางสาวสมหญิง-ใจดี_")
    bundle = tmp_path / got.suggested_filename
    got.save_as(bundle)
    data = json.loads(bundle.read_text("utf-8"))
    assert data["format"] == "sop-checklist-bundle" and len(data["results"]) == 2
    open_team(page, site_url, [bundle])
    rows = page.locator(".sop-team-matrix tbody tr")
    assert rows.count() == 1
    cell = rows.first.locator("td").first.inner_text()
    assert "ทำแล้ว ๑ จาก ๔ ขั้นตอน" in cell and "มาตรฐานข้อ ๑: ระดับ ๑ จาก ๕" in cell


@pytest.mark.parametrize("width", WIDTHS)
def test_switch_user_exports_first_then_clears(page: Any, site_url: str, width: int) -> None:
    form = open_checklist(page, site_url, DIRECTOR, QUIZ.id, width=width)
    fill_person(form)
    page.locator("#cl-director-standards-std1-1-yes").check()
    page.goto(site_url + "self-check/index.html")
    titles = page.locator(".sop-cl-progress-table tbody tr td:first-child").all_inner_texts()
    # handbook order: the first week (all procedures) first, then the director's work
    assert titles[0].startswith("สัปดาห์แรกของบุคลากรใหม่")
    assert titles[1].startswith("แบบตรวจสอบขั้นตอนการปฏิบัติงาน การบริหารงานของผู้อำนวยการ")
    page.on("dialog", lambda d: d.accept())
    got = download(page, page.locator('[data-action="switch-user"]'))
    assert got.suggested_filename.startswith("ผลทั้งหมด_")
    page.wait_for_function("() => !localStorage.getItem('sop-person')")
    left = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('sop-'))")
    assert left == []
    form = open_checklist(page, site_url, DIRECTOR, QUIZ.id)
    assert form.locator('input[data-person="name"]').input_value() == ""


def test_sending_with_questions_left_asks_first(page: Any, site_url: str) -> None:
    form = open_checklist(page, site_url, DIRECTOR, QUIZ.id, width=360)
    first = QUIZ.items[0]
    form.locator(f"#cl-director-knowledge-{first.id}-o-{first.answer[0]}").check()
    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    form.locator('[data-action="quiz-submit"]').click()
    assert "ยังไม่ได้ตอบ ๙ ข้อ" in asked[0]
    # Not sent: the answers stay open to change, the key stays hidden.
    assert not form.locator(f"#cl-director-knowledge-{first.id}-o-{first.answer[0]}").is_disabled()
    assert form.locator("details[data-answer-for]:visible").count() == 0
    saved = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-knowledge')"))
    assert not saved.get("quiz", {}).get("submitted")
