"""What every page carries: last-reviewed date (required), review banner, report link, contact."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .support import sphinx_build

ROOT = Path(__file__).resolve().parents[1]

CONF = """
project = "ทดสอบ"
language = "th"
extensions = ["sop_helpers.sphinx_ext"]
html_theme = "sphinx_book_theme"
{extra}
"""


def _build(
    tmp_path: Path, pages: dict[str, str], extra: str = ""
) -> subprocess.CompletedProcess[str]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF.format(extra=extra), encoding="utf-8")
    toctree = "\n".join(f"   {name}" for name in pages if name != "index")
    for name, body in pages.items():
        if name == "index" and toctree:
            body += f"\n\n.. toctree::\n\n{toctree}\n"
        (src / f"{name}.rst").write_text(body, encoding="utf-8")
    env = {
        "SOP_PROCEDURES_DIR": str(ROOT / "book" / "data" / "procedures"),
        "SOP_CHECKLISTS_DIR": str(ROOT / "checklists"),
    }
    return sphinx_build(src, tmp_path / "out", env)


PAGE = ":last_reviewed: 2569-11-28\n\nหน้าทดสอบ\n=========\n\nเนื้อหา\n"


@pytest.mark.build
def test_page_without_last_reviewed_fails_the_build(tmp_path: Path) -> None:
    result = _build(tmp_path, {"index": PAGE, "nodate": "ไม่มีวันที่\n===========\n\nเนื้อหา\n"})
    assert result.returncode != 0
    assert "nodate.rst" in result.stderr and "last_reviewed" in result.stderr


@pytest.mark.build
def test_bad_last_reviewed_names_the_problem(tmp_path: Path) -> None:
    result = _build(tmp_path, {"index": PAGE.replace("2569-11-28", "2026-11-28")})
    assert result.returncode != 0
    assert "index.rst" in result.stderr and "พ.ศ." in result.stderr


@pytest.mark.build
def test_footer_shows_placeholders_until_the_office_sets_values(tmp_path: Path) -> None:
    assert _build(tmp_path, {"index": PAGE}).returncode == 0
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    for setting, shown in (
        ("sop_contact", "ยังไม่ได้กำหนดผู้ติดต่อ"),
        ("sop_licence", "ยังไม่ได้กำหนดสัญญาอนุญาต"),
        ("sop_report_problem_url", "ยังไม่ได้กำหนดช่องทางแจ้งปัญหา"),
    ):
        assert f'data-setting="{setting}"' in html and shown in html
    # The setting's name is for maintainers: not in any text or tooltip a reader sees.
    assert "_config.yml" not in html and 'title="ตั้งค่า' not in html
    assert "ทบทวนเนื้อหาล่าสุด ๒๘ พฤศจิกายน ๒๕๖๙" in html
    assert 'data-review-due="2027-11-28"' in html


@pytest.mark.build
def test_footer_uses_the_office_values(tmp_path: Path) -> None:
    extra = (
        'sop_report_problem_url = "mailto:plan@example.org"\n'
        'sop_contact = "กลุ่มนโยบายและแผน โทร 0 5400 0000"\n'
        'sop_licence = "CC BY 4.0"\n'
    )
    assert _build(tmp_path, {"index": PAGE}, extra).returncode == 0
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:plan@example.org?subject=' in html
    # The office's text in the site's digit style (Thai by default); a licence version stays.
    assert "CC BY 4.0" in html and "โทร ๐ ๕๔๐๐ ๐๐๐๐" in html
    assert "ยังไม่ได้กำหนด" not in html


@pytest.mark.browser
@pytest.mark.parametrize(
    ("today", "banner"), [(dt.datetime(2026, 12, 1), False), (dt.datetime(2031, 1, 1), True)]
)
def test_review_banner_appears_once_a_page_is_due(
    site_url: str, page: Any, today: dt.datetime, banner: bool
) -> None:
    # The pages were reviewed 2569-11-28 (2026); due one year later.
    page.clock.set_fixed_time(today)
    page.goto(site_url + "procedures/director.html", wait_until="networkidle")
    shown = page.locator(".sop-review-banner")
    assert shown.count() == (1 if banner else 0)
    if banner:
        assert "เลยกำหนดทบทวน" in shown.inner_text()


@pytest.mark.browser
@pytest.mark.parametrize(
    "today",
    [
        dt.date(2026, 9, 30),
        dt.date(2026, 10, 1),
        dt.date(2027, 1, 15),
        dt.date(2027, 4, 15),
        dt.date(2028, 7, 1),
    ],
)
def test_fiscal_today_in_the_browser_matches_python(
    site_url: str, page: Any, today: dt.date
) -> None:
    from sop_helpers.sphinx_ext.pages import fiscal_today_text

    page.clock.set_fixed_time(dt.datetime(today.year, today.month, today.day, 12))
    page.goto(site_url + "fiscal-year.html", wait_until="networkidle")
    assert page.text_content(".sop-fiscal-today") == fiscal_today_text(today)
