"""The director's team view in Chromium at 360 and 1,280 px (issue 16, part 3): one row per
person, files in several rounds, the newest duplicate counts and says so, the table fits its box."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from .support import ROOT, open_team, results_file, write_files
from .support import TEAM_MATRIX as MATRIX

SAMPLES = sorted((ROOT / "book" / "data" / "sample" / "team").glob("*.json"))
TZ = dt.timezone(dt.timedelta(hours=7))

pytestmark = pytest.mark.browser


def _write(tmp: Path, name: str, cid: str, answers: dict[str, Any], person: str, day: int) -> str:
    when = dt.datetime(2026, 11, day, 9, tzinfo=TZ)
    return write_files(tmp, [(name, results_file(cid, answers, name=person, when=when))])[0]


def _names(page: Any) -> list[str]:
    return page.locator(f"{MATRIX} tbody th").evaluate_all(
        "cs => cs.map(c => c.querySelector('.sop-team-line').textContent)"
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_files_in_two_rounds_make_the_same_table(page: Any, site_url: str, width: int) -> None:
    open_team(page, site_url, SAMPLES, width=width)
    once = page.inner_text(MATRIX)
    page.reload(wait_until="networkidle")
    page.set_input_files("#sop-team-files", [str(p) for p in SAMPLES[:5]])
    page.wait_for_selector(MATRIX)
    page.set_input_files("#sop-team-files", [str(p) for p in SAMPLES[5:]])
    page.wait_for_function(
        "() => document.querySelector('.sop-team-status').textContent.includes('อ่าน ๑๐ ไฟล์')"
    )
    assert page.inner_text(MATRIX) == once
    # The same file chosen again does not count twice.
    page.set_input_files("#sop-team-files", [str(SAMPLES[0])])
    page.wait_for_function(
        "() => document.querySelector('.sop-team-status').textContent.includes('อ่าน ๑๐ ไฟล์')"
    )
    assert page.inner_text(MATRIX) == once
    # Sorted by name without the honorific: ก้องเกียรติ, มาลี, วิชัย, สมใจ.
    assert [n.split()[0] for n in _names(page)] == ["นายก้องเกียรติ", "นางมาลี", "นายวิชัย", "นางสาวสมใจ"]
    assert not page.watch.console_errors and not page.watch.blocked


@pytest.mark.parametrize("width", [360, 1280])
def test_two_files_of_one_person_make_one_row(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    files = [
        _write(tmp_path, "a.json", "action-plan-steps", {"s1": True}, "นางสาวสมหญิง ใจดี", 3),
        _write(tmp_path, "b.json", "budget-analysis-standards", {"std1": False}, "สมหญิง  ใจดี", 4),
        # the same person's checklist twice: the newer (5 Nov) counts
        _write(
            tmp_path, "c-old.json", "action-plan-steps", {"s1": True, "s2": True}, "สมหญิง ใจดี", 1
        ),
    ]
    open_team(page, site_url, files, width=width)
    assert page.locator(f"{MATRIX} tbody tr").count() == 1
    assert _names(page) == ["สมหญิง  ใจดี"]  # as typed in the newest file
    rejected = page.inner_text(".sop-team-output table:not(.sop-team-matrix)")
    assert "c-old.json" in rejected and "a.json" in rejected and "ใช้ไฟล์ที่ใหม่กว่า" in rejected
    cell = page.locator(f"{MATRIX} tbody td").nth(2).inner_text()  # แผนปฏิบัติการ
    assert "ทำแล้ว ๑ จาก ๘ ขั้นตอน" in cell


def test_table_fits_its_box_at_1280(page: Any, site_url: str) -> None:
    open_team(page, site_url, SAMPLES, width=1280)
    box = page.evaluate(
        """() => { const b = document.querySelector('.sop-team-box');
                   const t = b.querySelector('table');
                   return {scroll: b.scrollWidth, client: b.clientWidth, table: t.offsetWidth,
                           page: document.documentElement.scrollWidth}; }"""
    )
    assert box["scroll"] == box["client"], box
    assert box["table"] <= box["client"] and box["page"] <= 1280, box
    assert box["client"] >= 800, box  # the page gives the table its width (no right sidebar)
    # Headings break between words only: each heading is at most three lines.
    heights = page.locator(f"{MATRIX} thead th").evaluate_all(
        "hs => hs.map(h => h.getBoundingClientRect().height"
        " / parseFloat(getComputedStyle(h).lineHeight))"
    )
    assert max(heights) <= 3.2, heights


def test_cards_on_a_phone(page: Any, site_url: str) -> None:
    open_team(page, site_url, SAMPLES, width=360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    display = page.locator(f"{MATRIX} tbody tr").first.evaluate("r => getComputedStyle(r).display")
    assert display == "block"
    label = page.locator(f"{MATRIX} tbody td").first.evaluate(
        "c => getComputedStyle(c, '::before').content"
    )
    assert "ผู้อำนวยการกลุ่ม" in label
    # Details on demand
    details = page.locator(".sop-team-details").first
    assert not details.locator("ul").is_visible()
    details.locator("summary").click()
    assert details.locator("ul").is_visible()


def test_team_table_prints_on_a4_landscape(page: Any, site_url: str, tmp_path: Path) -> None:
    import subprocess

    open_team(page, site_url, SAMPLES, width=1280)
    page.emulate_media(media="print")
    pdf = tmp_path / "team.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # landscape
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    squeezed = "".join(text.split())
    assert "ภาพรวมของทีม" in squeezed and "ยังไม่ได้ส่งไฟล์" in squeezed
    assert "ดาวน์โหลดตารางภาพรวม" not in squeezed  # the tools are not printed
