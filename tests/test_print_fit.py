"""Each procedure's printed form on A4 (reviewer, session 4: the steps' form spilled onto a second
page). Printed to PDF by Chromium as the office prints it (the form's print button, print media),
filled as a person would (every step ticked, so each answer cell holds its words).

A steps form fits one A4 page, a standards form at most two (issue 16). A form that needs more
than one page repeats the table's heading on every page and never splits a row between two pages;
its end stays together: the last row, the result summary and both signatures are on the last
page (reviewer, session 5: the director's standards and knowledge forms printed the summary and
signatures alone on page 2). Pages are counted in the PDF itself, so an empty sheet counts too.
Checked on the PDF's text, with every item answered and with the form left blank for a pen.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from sop_helpers.thai import thai_digits

from . import support
from .support import fill_person, open_checklist, print_to_pdf, self_check_page

PROCEDURES = support.procedures()
CHECKLISTS = support.checklists()
STEPS = sorted(c for c in CHECKLISTS if c.endswith("-steps"))
PAGED = sorted(c for c in CHECKLISTS if c.endswith(("-standards", "-knowledge")))


def _print_pdf(
    page: Any, site_url: str, checklist_id: str, width: int, pdf: Path, *, fill: bool = True
) -> list[str]:
    """Fill ``checklist_id`` (name, position, and unless ``fill`` is false every tick/yes), print
    its form; the text of each page of the PDF (an empty page is an empty string)."""
    form = open_checklist(page, site_url, self_check_page(checklist_id), checklist_id, width=width)
    fill_person(form, position="นักวิเคราะห์นโยบายและแผนชำนาญการพิเศษ")
    if fill:
        form.evaluate(
            """f => f.querySelectorAll('input[type=checkbox][data-item-id],'
                 + ' input[type=radio][data-item-id][value=true]').forEach(i => { i.click(); })"""
        )
    print_to_pdf(page, form, pdf)
    # reading order (not -layout, which would interleave the lines of a table's cells)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
    assert count, info.stdout
    return [re.sub(r"\s+", "", t) for t in text.split("\f")][: int(count.group(1))]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("checklist_id", STEPS)
def test_a_procedures_steps_form_prints_on_one_a4_page(
    page: Any, site_url: str, tmp_path: Path, checklist_id: str, width: int
) -> None:
    pages = _print_pdf(page, site_url, checklist_id, width, tmp_path / "form.pdf")
    squeezed = pages[-1]
    assert len(pages) == 1, f"{checklist_id} prints on {len(pages)} pages"
    # the whole form is there: the last step, the summary and both signatures
    last = thai_digits(CHECKLISTS[checklist_id].items[-1].text)
    assert re.sub(r"\s+", "", last) in squeezed
    assert "สรุปผล" in squeezed and squeezed.count("ลงชื่อ") == 2
    assert not page.watch.console_errors


@pytest.mark.parametrize("fill", [True, False], ids=["answered", "blank"])
@pytest.mark.parametrize("checklist_id", PAGED)
def test_a_longer_form_repeats_its_heading_and_never_splits_a_row(
    page: Any, site_url: str, tmp_path: Path, checklist_id: str, fill: bool
) -> None:
    pages = _print_pdf(page, site_url, checklist_id, 1280, tmp_path / "form.pdf", fill=fill)
    most = 2 if checklist_id.endswith("-standards") else 3
    assert len(pages) <= most, f"{checklist_id} prints on {len(pages)} pages"
    assert all(pages), f"{checklist_id}: an empty page in {[len(t) for t in pages]}"
    items = [re.sub(r"\s+", "", thai_digits(i.text)) for i in CHECKLISTS[checklist_id].items]
    for number, text in enumerate(pages[1:], start=2):
        # a following page that goes on with the table starts with its heading (ที่ / รายการ / ผล)
        if any(words[:12] in text for words in items):
            assert text.startswith("ที่รายการผล"), (number, text[:80])
    # each item's first and last words are on the same page: no row is cut in two (a cell's
    # lines may come interleaved with the answer cell's in the PDF's text, so not the whole)
    for item, words in zip(CHECKLISTS[checklist_id].items, items, strict=True):
        head, tail = words[:12], words[-12:]
        where = [n for n, text in enumerate(pages) if head in text and tail in text]
        assert where, (item.id, head, tail)
    # the end stays together on the last page: the last row, the summary, both signatures
    assert sum(("สรุปผล" in t) and t.count("ลงชื่อ") == 2 for t in pages) == 1
    end = pages[-1]
    assert "สรุปผล" in end and end.count("ลงชื่อ") == 2, (checklist_id, end[:80])
    assert items[-1][-12:] in end.split("สรุปผล")[0], (checklist_id, "last row", end[:80])
    assert not page.watch.console_errors
