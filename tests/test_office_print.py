"""The printed office form (issue 16, part 4): only the form, the office's header, the answers in
the form's words, the result summary and two signature blocks; a standards checklist on at most
two A4 pages, checked on the PDF Chromium prints."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import score
from sop_helpers.rates import load_office
from sop_helpers.wording import say

from . import support
from .support import (
    ROOT,
    answer_box,
    fill_person,
    open_checklist,
    print_to_pdf,
    self_check_page,
    show_print_form,
)

PROCEDURES = support.procedures()
CHECKLISTS = support.checklists()
OFFICE = load_office(ROOT / "book" / "data" / "office.yml").name
WIDTHS = [360, 1280]

pytestmark = pytest.mark.browser


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _pdf_text(pdf: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return pages, text


def _fill(page: Any, site_url: str, checklist_id: str, answers: dict[str, bool], width: int) -> Any:
    form = open_checklist(page, site_url, self_check_page(checklist_id), checklist_id, width=width)
    fill_person(form, position="นักวิเคราะห์นโยบายและแผนชำนาญการ")
    for item, value in answers.items():
        answer_box(form, checklist_id, item, value).check()
    return form


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("checklist_id", ["director-standards", "action-plan-standards"])
def test_standards_form_prints_on_two_pages_at_most(
    page: Any, site_url: str, tmp_path: Path, checklist_id: str, width: int
) -> None:
    checklist = CHECKLISTS[checklist_id]
    answers = {item.id: n % 3 != 2 for n, item in enumerate(checklist.items)}
    form = _fill(page, site_url, checklist_id, answers, width)
    # The print button prints the office form; window.print is stubbed so the test can look at it.
    pdf = print_to_pdf(page, form, tmp_path / "form.pdf")
    pages, text = _pdf_text(pdf)
    assert pages <= 2, f"{checklist_id} prints on {pages} pages"
    squeezed = _squeeze(text)
    for words in (
        OFFICE,
        "กลุ่มนโยบายและแผน",
        checklist.title,
        "นางสาวสมหญิงใจดี",
        "นักวิเคราะห์นโยบายและแผนชำนาญการ",
        "(ชื่อตัวบรรจง)",
        "ตำแหน่ง",
        "วันที่",
        "ผู้ประเมิน",
        "ผู้อำนวยการกลุ่มนโยบายและแผน",
        "สรุปผล",
    ):
        assert _squeeze(words) in squeezed, words
    assert squeezed.count("ลงชื่อ") == 2
    result = score(checklist, answers)
    numbers = {
        s.id: "๑๒๓๔๕๖๗๘๙"[PROCEDURES[checklist.procedure].standard(s.id).number - 1]
        for s in PROCEDURES[checklist.procedure].standards
    }
    for sid, level in result.levels.items():
        line = say("level.standard", number=numbers[sid], level=level.level, max=level.max_level)
        assert _squeeze(line) in squeezed, line
    if result.met:
        met = sum(1 for v in result.met.values() if v)
        assert _squeeze(say("met.count", met=met, total=len(result.met))) in squeezed
    # Nothing else of the page: no other checklist, no web instructions, no navigation.
    for other in ("แบบทดสอบความรู้", "ส่งออก", "นำเข้า", "คำตอบบันทึกไว้ในเบราว์เซอร์", "ความคืบหน้าของฉัน"):
        assert other not in squeezed, other
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert "Sarabun" in fonts.stdout
    # After printing the page is as it was.
    page.emulate_media(media="screen")
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    assert page.locator("body > .sop-print-form").count() == 0
    assert not page.watch.console_errors and not page.watch.blocked


def test_each_answer_in_the_form_words(page: Any, site_url: str, tmp_path: Path) -> None:
    answers = {"std1": True, "std2": False}
    form = _fill(page, site_url, "action-plan-standards", answers, 1280)
    cells = show_print_form(page, form).locator("[data-pf-answer]")
    texts = {c.get_attribute("data-pf-answer"): c.inner_text().strip() for c in cells.all()}
    assert texts["std1"] == "ได้ตามมาตรฐาน"
    assert texts["std2"] == "ยังไม่ได้ตามมาตรฐาน"
    # not answered: both choices with a box to tick by pen
    assert texts["std3"] == "☐ ได้ตามมาตรฐาน ☐ ยังไม่ได้ตามมาตรฐาน"
