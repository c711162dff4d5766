"""Plain words on readers' pages (issue 17, part 5): the insiders' words ("ต้นฉบับ", "หน้างาน",
"สรุปงาน (ITA)", "ข้อแก้ไขต้นฉบับ: E13 ...") do not appear on the built site, the office's own
document is a glossary term, and each acronym of the glossary is expanded one way only: the
glossary's (the one home of each expansion; pages link the acronym to it at first use)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from .conftest import site_pages
from .test_digits import visible_text

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = yaml.safe_load((ROOT / "book" / "data" / "glossary.yml").read_text("utf-8"))
ACRONYMS = {t["term"]: t["full"] for t in GLOSSARY if t.get("full")}

# Words only the people who made the handbook use, with what readers now see instead.
JARGON = {
    "ต้นฉบับ": "เอกสารมาตรฐานการปฏิบัติงาน (a glossary term)",
    "หน้างาน": "หน้าของแต่ละงาน",
    "สรุปงาน": "ข้อมูลหลักของงาน",
    "ข้อแก้ไขต้นฉบับ": "แก้จากข้อความเดิม ดูเหตุผล",
}
DOCUMENT = "เอกสารมาตรฐานการปฏิบัติงาน"


def _core(full: str) -> str:
    """The Thai expansion without a trailing Latin gloss: "... (OPDC)" -> "..."."""
    return re.sub(r"\s*\([A-Za-z][^)]*\)$", "", full)


def _pages(site_dir: Path) -> dict[str, str]:
    return {
        page: visible_text((site_dir / page).read_text(encoding="utf-8"))
        for page in site_pages(site_dir)
    }


def test_no_insider_words_on_any_page(site_dir: Path) -> None:
    found = []
    for page, text in _pages(site_dir).items():
        for word in JARGON:
            if word in text:
                at = text.index(word)
                found.append((page, word, text[max(0, at - 40) : at + 40]))
    assert not found, found


def test_the_offices_document_is_explained_where_it_is_named(site_dir: Path) -> None:
    """A procedure page names the office's document with a link to its glossary entry."""
    glossary = (site_dir / "glossary.html").read_text(encoding="utf-8")
    assert DOCUMENT in visible_text(glossary)
    for page in ("procedures/action-plan.html", "errata.html", "index.html"):
        html = (site_dir / page).read_text(encoding="utf-8")
        linked = re.findall(r'href="[^"]*glossary\.html#term-[^"]*"[^>]*>(.*?)</a>', html, re.S)
        assert any(DOCUMENT in visible_text(m) for m in linked), page


def _expansions(text: str, acronym: str) -> list[tuple[str, str]]:
    """Every "<long Thai phrase> (ACR...)" in the text: (phrase, what follows the acronym)."""
    pattern = (
        r"([\u0e00-\u0e7f]{8,})\s*\(\s*" + re.escape(acronym.rstrip(".")) + r"\.?([^\s()]*)\s*\)"
    )
    return [(m.group(1), m.group(2)) for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("acronym", sorted(ACRONYMS))
def test_an_acronym_is_expanded_only_as_the_glossary_does(site_dir: Path, acronym: str) -> None:
    core = _core(ACRONYMS[acronym])
    wrong = []
    for page, text in _pages(site_dir).items():
        for phrase, place in _expansions(text, acronym):
            # "คณะกรรมการศึกษาธิการจังหวัดพะเยา (กศจ.พะเยา)": the expansion, then the place
            if not phrase.endswith(core + place):
                wrong.append((page, f"{phrase} ({acronym}{place})"))
    assert not wrong, wrong


def test_expansions_are_found_where_they_are_written(site_dir: Path) -> None:
    """The check above sees the expansions the pages write (it is not vacuous)."""
    text = " ".join(_pages(site_dir).values())
    assert _expansions(text, "ผอ.สพป.") and _expansions(text, "กศจ.")
    assert not _expansions("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา (ผอ.สพป.)", "ผอ.สพป.")[0][0].endswith(
        _core(ACRONYMS["ผอ.สพป."])
    )
