"""Nothing of the source is missing or silently changed in the built procedure pages.

The office's document (a copy is kept in tests/data/source/) is corrected with the text edits of
book/data/errata.yml, cut into its statements (table cells, numbered items, bullets), and every
statement is looked for, whitespace ignored, in the text of its procedure's page of the built site.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sop_helpers.errata import Erratum, apply_errata, find_edit, load_errata

from . import support

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "data" / "source" / "000_d86ef5c68f33fdcd.txt"
ERRATA = ROOT / "book" / "data" / "errata.yml"
PROCEDURES = support.procedures()

_TAG = re.compile(r"<[^>]+>")
# Item markers inside a cell: "๑." "๔.๑" "๕.๒." and the bullets "-" / "." standing between spaces.
_ITEM = re.compile(r"(?:^|(?<=\s))(?:[๐-๙]+\.(?:[๐-๙]+\.?)?|-|\.)(?=\s)")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def squash(text: str) -> str:
    """Text with all whitespace removed and typographic quotes made straight."""
    return re.sub(r"\s+", "", text).translate(_QUOTES)


def statements(text: str) -> dict[str, list[tuple[int, str]]]:
    """The corrected source cut into statements, per procedure id: (line, statement)."""
    titles = {p.title: p.id for p in PROCEDURES.values()}
    current: str | None = None
    out: dict[str, list[tuple[int, str]]] = {pid: [] for pid in PROCEDURES}
    for lineno, line in enumerate(text.splitlines(), 1):
        heading = re.match(r"^เรื่อง (.+)$", line.strip())
        if heading:
            current = titles[heading.group(1).strip()]
            continue
        if "\t" not in line or line.startswith("ที่\t") or current is None:
            continue
        for cell in line.split("\t")[1:]:  # the first cell is the row number
            for chunk in _TAG.split(cell):
                for piece in _ITEM.split(chunk):
                    if len(squash(piece)) >= 3:
                        out[current].append((lineno, piece.strip()))
    return out


@cache
def corrected_source() -> str:
    return apply_errata(SOURCE.read_text(encoding="utf-8"), load_errata(ERRATA))


def page_text(site: Path, procedure_id: str) -> str:
    html = (site / "procedures" / f"{procedure_id}.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    assert article is not None, f"{procedure_id}.html has no <article>"
    return squash(article.get_text())


def test_every_procedure_has_statements() -> None:
    counts = {pid: len(items) for pid, items in statements(corrected_source()).items()}
    # Each table row holds at least an activity; a loose lower bound catches a broken cutter.
    for pid, procedure in PROCEDURES.items():
        assert counts[pid] >= len(procedure.steps), counts


def test_cutter_splits_items_and_bullets() -> None:
    cut = statements("เรื่อง การวิเคราะห์งบประมาณรายจ่าย\n๑\tก่อน ๑. ข้อหนึ่ง ๔.๒ ข้อสอง\t- ข้อสาม\n")
    assert [s for _, s in cut["budget-analysis"]] == ["ก่อน", "ข้อหนึ่ง", "ข้อสอง", "ข้อสาม"]


@pytest.mark.parametrize("procedure_id", list(PROCEDURES))
def test_every_source_statement_is_on_its_page(site_dir: Path, procedure_id: str) -> None:
    text = page_text(site_dir, procedure_id)
    wanted = statements(corrected_source())[procedure_id]
    missing = [f"line {line}: {s}" for line, s in wanted if squash(s) not in text]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    "erratum", [e for e in load_errata(ERRATA) if e.text_edits()], ids=lambda e: e.id
)
def test_applied_edit_is_found_at_its_line(erratum: Erratum) -> None:
    source = SOURCE.read_text(encoding="utf-8")
    lines = source.splitlines()
    for edit in erratum.text_edits():
        own = [find_edit(lines[n - 1], edit) for n in (erratum.line, *erratum.other_lines)]
        assert all(own), (erratum.id, edit.original, own)
        # The edit changes only the places the erratum names (whitespace-blind matching must
        # not reach across words elsewhere).
        assert find_edit(source, edit) == sum(own), (erratum.id, edit.original)
        if squash(edit.original) not in squash(edit.correction):
            assert find_edit(corrected_source(), edit) == 0, (erratum.id, edit.original)


def test_listed_errata_leave_the_text_unchanged() -> None:
    errata = load_errata(ERRATA)
    listed = [e for e in errata if e.status == "listed"]
    assert {e.id for e in listed} == {"E22", "E23", "E24", "E25", "E28"}
    text = SOURCE.read_text(encoding="utf-8")
    assert apply_errata(text, listed) == text


def test_original_wording_of_fixed_errors_is_gone_from_pages(site_dir: Path) -> None:
    """The uncorrected wording of an applied edit appears on no procedure page."""
    pages = {pid: page_text(site_dir, pid) for pid in PROCEDURES}
    for erratum in load_errata(ERRATA):
        for edit in erratum.text_edits():
            original, correction = squash(edit.original), squash(edit.correction)
            if original == correction or original in correction:
                continue  # spacing-only fixes, or a correction that extends the original
            for pid, text in pages.items():
                assert original not in text.replace(correction, ""), (erratum.id, pid)
