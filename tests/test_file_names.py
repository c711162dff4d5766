"""Every file the site offers is saved under a name its reader recognises (reviewer, session 5:
the worked examples' Excel files, the calendars and the team view's CSV came as
``per-student-subsidy.xlsx``, ``operations-calendar-2569.ics``, ``ภาพรวมทีม_2026-12-01.csv``).

One naming rule, ``sop_helpers.names.file_name`` (the checklist exports' style:
``<short title>-<kind>_<person>_<B.E. date>.<ext>``), which ``checklist.js`` follows for the
exports made in the browser (``SopChecklist.fileName``, also the team CSV): checked here on the
same inputs in Python and Chromium. Notebooks (``.ipynb``) keep their code-like names.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from sop_helpers.calendar import ics_file_name
from sop_helpers.names import file_name, file_part

from .conftest import site_pages
from .support import ROOT, checklist_form, download, fill_person, open_team, unfold

THAI = re.compile("[\u0e01-\u0e5b]")
SAMPLES = sorted((ROOT / "book" / "data" / "sample" / "team").glob("*.json"))


def _saved_names(site_dir: Path) -> dict[str, set[str]]:
    """page -> the names its downloads are saved under: a ``download`` attribute's value, else
    the last part of the link's address (what the browser names the file)."""
    found: dict[str, set[str]] = {}
    for rel in site_pages(site_dir):
        soup = BeautifulSoup((site_dir / rel).read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a[download], a.download"):
            href = str(link.get("href", ""))
            named = str(link.get("download") or "")
            name = named or urllib.parse.unquote(href.split("?")[0].rsplit("/", 1)[-1])
            found.setdefault(rel, set()).add(name)
    return found


def test_every_download_of_the_site_has_a_thai_name(site_dir: Path) -> None:
    found = _saved_names(site_dir)
    names = {name for page in found.values() for name in page}
    assert len(names) >= 12, names  # Excel, calendars, forms, notebooks, the PDF
    unnamed = sorted(
        f"{page}: {name}"
        for page, page_names in found.items()
        for name in page_names
        if not name.endswith(".ipynb") and not THAI.search(name)
    )
    assert not unnamed, unnamed
    # each is already a safe name by the one rule (nothing left to replace)
    for name in names:
        stem, _, ext = name.rpartition(".")
        assert file_name(*stem.split("_"), ext=ext) == name, name
    assert ics_file_name(2569) == "ปฏิทินการดำเนินงาน-ปีงบประมาณ-2569.ics"
    assert ics_file_name(2569) in names
    assert "คู่มือการปฏิบัติงาน-กลุ่มนโยบายและแผน.pdf" in names
    example = "การวิเคราะห์งบประมาณรายจ่าย-ตัวอย่างเงินอุดหนุนรายหัว.xlsx"
    assert example in found["examples/budget-analysis-per-student-subsidy.html"]


PEOPLE = ["นางสาวสมหญิง  ใจดี", 'ว่าที่ ร.ต. สมชาย/ทดสอบ: "ก"', "Somchai <B>"]


def test_browser_exports_follow_the_same_rule(page: Any, site_url: str, tmp_path: Path) -> None:
    """checklist.js names the exports, the "all my results" bundle and the team CSV by the rule
    of sop_helpers.names.file_name (the same inputs give the same names)."""
    page.goto(site_url + "self-check/director.html", wait_until="load")
    page.wait_for_function("() => window.SopChecklist && window.SopChecklist.fileName")
    today = dt.date.today()
    stem = "การบริหารงานของผู้อำนวยการกลุ่ม-มาตรฐาน"
    for person in PEOPLE:
        got = page.evaluate(
            "([s, p]) => window.SopChecklist.fileName(s, p, 'json')", [stem, person]
        )
        assert got == file_name(stem, person, ext="json", day=today), person
    assert file_part(PEOPLE[1]) == "ว่าที่-ร.ต.-สมชายทดสอบ-ก"
    # the form's own export, as a person makes it
    form = checklist_form(page, "director-standards")
    fill_person(form, PEOPLE[0])
    form.locator("#cl-director-standards-std3-yes").check()
    for action, ext in (("export-json", "json"), ("export-csv", "csv")):
        got = download(page, form.locator(f'button[data-action="{action}"]'))
        assert got.suggested_filename == file_name(stem, PEOPLE[0], ext=ext, day=today)

    # the team view's CSV: ภาพรวมทีม_<B.E. date>.csv, no longer a Gregorian ISO date
    open_team(page, site_url, SAMPLES[:3])
    name = download(page, page.locator(".sop-team-csv")).suggested_filename
    assert name == file_name("ภาพรวมทีม", ext="csv", day=today)
    assert f"_{today.year + 543}-" in name


@pytest.mark.parametrize(
    ("page_path", "name"),
    [
        (
            "examples/budget-analysis-per-student-subsidy.html",
            "การวิเคราะห์งบประมาณรายจ่าย-ตัวอย่างเงินอุดหนุนรายหัว.xlsx",
        ),
        (
            "examples/action-plan-proposals.html",
            "แผนปฏิบัติการประจำปีงบประมาณ-แบบเสนอโครงการ.xlsx",
        ),
        ("fiscal-year.html", ics_file_name(2569)),
        ("index.html", "คู่มือการปฏิบัติงาน-กลุ่มนโยบายและแผน.pdf"),
    ],
)
def test_a_reader_saves_a_download_under_its_thai_name(
    page: Any, site_url: str, page_path: str, name: str
) -> None:
    page.goto(site_url + page_path, wait_until="load")
    link = page.locator("a[download], a.download")
    target = None
    for i in range(link.count()):
        candidate = link.nth(i)
        href = urllib.parse.unquote(candidate.get_attribute("href") or "")
        if (candidate.get_attribute("download") or "") == name or href.endswith("/" + name):
            target = candidate
            break
    assert target is not None, f"no link saves {name} on {page_path}"
    unfold(target)  # another fiscal year's calendar is folded: open it as a reader would
    target.scroll_into_view_if_needed()
    assert download(page, target).suggested_filename == name
