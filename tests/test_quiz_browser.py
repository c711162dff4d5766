"""Quizzes that test, exports a director can receive, a shared office PC (issue 16, parts 1, 2, 5)
in Chromium at 360 and 1,280 px."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import load_checklists

ROOT = Path(__file__).resolve().parents[1]
CHECKLISTS = load_checklists(ROOT / "checklists")
QUIZ = CHECKLISTS["director-knowledge"]
FORM = 'form[data-checklist-id="director-knowledge"]'
WIDTHS = [360, 1280]

pytestmark = pytest.mark.browser


def _open(
    page: Any,
    site_url: str,
    width: int,
    path: str = "self-check/director.html",
    selector: str = FORM,
) -> Any:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site_url + path)
    form = page.locator(selector)
    form.locator(".sop-cl-tools").wait_for(state="visible")
    return form


def _person(page: Any, form: Any) -> None:
    form.locator('input[data-person="name"]').fill("นางสาวสมหญิง ใจดี")
    form.locator('input[data-person="position"]').fill("นักวิเคราะห์นโยบายและแผน")


@pytest.mark.parametrize("width", WIDTHS)
def test_key_hidden_until_submitted_then_answers_locked(
    page: Any, site_url: str, width: int
) -> None:
    form = _open(page, site_url, width)
    multiple = next(q for q in QUIZ.items if q.multiple)
    # One tick in a multi-answer question gives nothing away.
    form.locator(f"#cl-director-knowledge-{multiple.id}-o-{multiple.answer[0]}").check()
    assert not form.locator(f'details[data-answer-for="{multiple.id}"]').is_visible()
    assert form.locator(f'[data-feedback-for="{multiple.id}"]').inner_text() == ""
    right = 0
    for n, q in enumerate(QUIZ.items):  # the first six right, the rest wrong
        ids = list(q.answer) if n < 6 else [next(o.id for o in q.options if o.id not in q.answer)]
        for o in q.options:
            box = form.locator(f"#cl-director-knowledge-{q.id}-o-{o.id}")
            if o.id in ids:
                box.check()
            elif q.multiple:
                box.uncheck()
        right += n < 6
    assert form.locator("details[data-answer-for]:visible").count() == 0
    form.locator('[data-action="quiz-submit"]').click()
    assert form.locator("details[data-answer-for]:visible").count() == len(QUIZ.items)
    assert form.locator(f"#cl-director-knowledge-{QUIZ.items[0].id}-o-a").is_disabled()
    assert f"ถูก {'๐๑๒๓๔๕๖๗๘๙'[right]} จาก ๑๐ ข้อ" in form.inner_text()
    saved = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-knowledge')"))
    assert saved["quiz"] == {"submitted": True, "attempts": 1, "score": {"correct": 6, "total": 10}}
    # Locked after a reload too; "ทำใหม่" starts a new attempt with the key hidden again.
    page.reload()
    form.locator(".sop-cl-tools").wait_for(state="visible")
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
    form = _open(
        page,
        site_url,
        width,
        "self-check/action-plan.html",
        'form[data-checklist-id="action-plan-standards"]',
    )
    form.locator('[data-action="export-csv"]').click()  # no name yet: refused, as for JSON
    assert "กรุณากรอกชื่อ" in form.locator(".sop-cl-messages").inner_text()
    _person(page, form)
    form.locator("#cl-action-plan-standards-std1-yes").check()
    form.locator("#cl-action-plan-standards-std2-no").check()
    with page.expect_download() as got:
        form.locator('[data-action="export-json"]').click()
    name = got.value.suggested_filename
    assert re.fullmatch(
        r"แผนปฏิบัติการประจำปีงบประมาณ-มาตรฐาน_นางสาวสมหญิง-ใจดี_25\d\d-\d\d-\d\d\.json", name
    )
    with page.expect_download() as got:
        form.locator('[data-action="export-csv"]').click()
    assert got.value.suggested_filename.endswith(".csv")
    text = Path(got.value.path()).read_text("utf-8-sig")
    assert "ได้ตามมาตรฐาน" in text and "ยังไม่ได้ตามมาตรฐาน" in text
    assert "ใช่" not in text and "/" not in text.split("ความคืบหน้า")[1]


@pytest.mark.parametrize("width", WIDTHS)
def test_bundle_round_trips_through_the_team_view(
    page: Any, site_url: str, width: int, tmp_path: Path
) -> None:
    form = _open(page, site_url, width)
    _person(page, form)
    page.locator("#cl-director-standards-std1-1-yes").check()
    page.locator('form[data-checklist-id="director-steps"] input[data-item-id]').first.check()
    page.goto(site_url + "self-check/index.html")
    with page.expect_download() as got:
        page.locator('[data-action="export-all"]').click()
    assert got.value.suggested_filename.startswith("ผลทั้งหมด_นางสาวสมหญิง-ใจดี_")
    bundle = tmp_path / got.value.suggested_filename
    got.value.save_as(bundle)
    data = json.loads(bundle.read_text("utf-8"))
    assert data["format"] == "sop-checklist-bundle" and len(data["results"]) == 2
    page.goto(site_url + "team/index.html", wait_until="networkidle")
    page.set_input_files("#sop-team-files", [str(bundle)])
    page.wait_for_selector(".sop-team-matrix")
    rows = page.locator(".sop-team-matrix tbody tr")
    assert rows.count() == 1
    cell = rows.first.locator("td").first.inner_text()
    assert "ทำแล้ว ๑ จาก ๔ ขั้นตอน" in cell and "มาตรฐานข้อ ๑: ระดับ ๑ จาก ๕" in cell


@pytest.mark.parametrize("width", WIDTHS)
def test_switch_user_exports_first_then_clears(page: Any, site_url: str, width: int) -> None:
    form = _open(page, site_url, width)
    _person(page, form)
    page.locator("#cl-director-standards-std1-1-yes").check()
    page.goto(site_url + "self-check/index.html")
    titles = page.locator(".sop-cl-progress-table tbody tr td:first-child").all_inner_texts()
    # handbook order: the first week (all procedures) first, then the director's work
    assert titles[0].startswith("สัปดาห์แรกของบุคลากรใหม่")
    assert titles[1].startswith("แบบตรวจสอบขั้นตอนการปฏิบัติงาน การบริหารงานของผู้อำนวยการ")
    page.on("dialog", lambda d: d.accept())
    with page.expect_download() as got:
        page.locator('[data-action="switch-user"]').click()
    assert got.value.suggested_filename.startswith("ผลทั้งหมด_")
    page.wait_for_function("() => !localStorage.getItem('sop-person')")
    left = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('sop-'))")
    assert left == []
    page.goto(site_url + "self-check/director.html")
    form = page.locator(FORM)
    form.locator(".sop-cl-tools").wait_for(state="visible")
    assert form.locator('input[data-person="name"]').input_value() == ""


def test_sending_with_questions_left_asks_first(page: Any, site_url: str) -> None:
    form = _open(page, site_url, 360)
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
