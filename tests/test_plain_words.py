"""Plain words on readers' pages (issue 17, part 5): the insiders' words ("ต้นฉบับ", "หน้างาน",
"สรุปงาน (ITA)", "ข้อแก้ไขต้นฉบับ: E13 ...") do not appear on the built site, the office's own
document is a glossary term, a correction is named as readers read it ("รายการแก้ไขที่ ๑๓", never
the maintainers' code E13), and each acronym of the glossary is expanded one way only across the
whole site: the glossary's (the one home of each expansion; pages link the acronym to it at first
use), in every form an expansion is written: "long form (ACR)", "ACR (long form)", "ACR หรือ long
form", "long form หรือ ACR"."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest
import yaml

from sop_helpers.thai import arabic_digits

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


_MODEL = re.compile(r'<script[^>]*class="[^"]*sop-cl-model[^"]*"[^>]*>(.*?)</script>', re.DOTALL)
_DESCRIPTION = re.compile(r'<meta[^>]*name="description"[^>]*content="([^"]*)"')
# Keys of a checklist model that are machine values, not text a reader reads.
_MACHINE_KEYS = {"hash", "id", "ref", "procedure", "kind", "answer_type", "score", "version"}


def _strings(value: object, key: str = "") -> list[str]:
    """The texts of a checklist model (JSON): what the script shows, e.g. a quiz's explanation
    once the answers are sent."""
    if isinstance(value, str):
        return [] if key in _MACHINE_KEYS else [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings(v, k)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, key)]
    return []


def reader_text(html: str) -> str:
    """What a reader can read of a page: its visible text, its meta description (search
    results show it) and the texts its checklist script shows."""
    parts = [visible_text(html)]
    parts += [m.group(1) for m in _DESCRIPTION.finditer(html)]
    for model in _MODEL.finditer(html):
        parts += _strings(json.loads(model.group(1)))
    return "\n".join(parts)


def _pages(site_dir: Path) -> dict[str, str]:
    return {
        page: reader_text((site_dir / page).read_text(encoding="utf-8"))
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


# A correction's code (E13) as a word of its own: not inside a Latin token (UTF-8, A4, E-mail).
BARE_CODE = re.compile(r"(?<![A-Za-z0-9_.-])E[0-9]{1,3}(?![0-9A-Za-z])")
ERRATA = yaml.safe_load((ROOT / "book" / "data" / "errata.yml").read_text("utf-8"))
READER_NAME = re.compile(r"รายการแก้ไขที่\s*([๐-๙0-9]+)((?:\s*(?:,|และ)\s*[๐-๙0-9]+)*)")


def test_a_correction_code_is_never_shown_to_readers(site_dir: Path) -> None:
    assert BARE_CODE.findall("ดูเหตุผล: E13, E14 และ E5") == ["E13", "E14", "E5"]
    assert not BARE_CODE.findall("ไฟล์ UTF-8 กระดาษ A4 E-mail #erratum-e13 CE2025")
    found = []
    for page, text in _pages(site_dir).items():
        for match in BARE_CODE.finditer(text):
            found.append((page, text[max(0, match.start() - 40) : match.end() + 10]))
    assert not found, found[:10]


def test_corrections_are_named_plainly_and_link_to_their_entry(site_dir: Path) -> None:
    """Readers see "รายการแก้ไขที่ ๑๓" (numbers of real entries); procedure pages link each to
    its entry on the errata page, whose anchors (#erratum-e13) stay as they were."""
    numbers = {int(e["id"][1:]) for e in ERRATA}
    named: set[int] = set()
    for page, text in _pages(site_dir).items():
        for match in READER_NAME.finditer(text):
            cited = [match.group(1), *re.findall(r"[๐-๙0-9]+", match.group(2))]
            values = {int(arabic_digits(n)) for n in cited}
            assert values <= numbers, (page, match.group(0))
            named |= values
    assert named == numbers  # the errata page names every entry
    errata_page = (site_dir / "errata.html").read_text("utf-8")
    for number in numbers:
        assert f'id="erratum-e{number}"' in errata_page
    director = (site_dir / "procedures" / "director.html").read_text("utf-8")
    link = r'<a [^>]*href="\.\./errata\.html#erratum-e(\d+)"[^>]*>(.*?)</a>'
    links = re.findall(link, director, re.S)
    assert links and all(
        arabic_digits(visible_text(text)).strip().endswith(number) for number, text in links
    ), links[:5]


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


# How much a phrase beside an acronym must resemble the glossary's long form to be read as an
# expansion of it ("สพฐ. หรือสำนักงบประมาณ" names another office: 0.36; a shortened long form
# such as "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา" for ผอ.สพป.: 0.88).
LOOKS_EXPANDED = 0.6
_THAI = "[\u0e00-\u0e7f]"


def _expansions(text: str, acronym: str) -> list[tuple[str, str]]:
    """Every "<long Thai phrase> (ACR...)" in the text: (phrase, what follows the acronym)."""
    pattern = (
        r"([\u0e00-\u0e7f]{8,})\s*\(\s*" + re.escape(acronym.rstrip(".")) + r"\.?([^\s()]*)\s*\)"
    )
    return [(m.group(1), m.group(2)) for m in re.finditer(pattern, text)]


def expansion_forms(text: str, acronym: str, core: str) -> list[tuple[str, str]]:
    """Every expansion of ``acronym`` in ``text`` in any written form, as (form, phrase) where
    phrase is what the text gives as the long form (with a place after it, "...พะเยา", kept):

    - "long form (ACR)": the Thai run before the bracket (its end is the long form);
    - "ACR (long form)", "ACR หรือ long form": the phrase after (its start is the long form);
    - "long form หรือ ACR": the Thai run before (its end).

    Beside the acronym without brackets around it, a phrase counts only when it resembles
    ``core`` (``LOOKS_EXPANDED``): "สพป. (กลุ่มนโยบายและแผน)" names a unit, not a long form.
    """
    acr = re.escape(acronym.rstrip(".")) + r"\.?"
    # Not the end of a longer acronym: สพป. inside ผอ.สพป.
    alone = r"(?<![\u0e00-\u0e7f.])"
    found = [("long (ACR)", phrase) for phrase, _place in _expansions(text, acronym)]
    after = (
        rf"{alone}{acr}\S*\s*\(\s*({_THAI}[^()]*?)\s*\)",
        rf"{alone}{acr}\S*\s+หรือ\s*({_THAI}+)",
    )
    for pattern in after:
        for match in re.finditer(pattern, text):
            phrase = match.group(1)
            if _ratio(phrase[: len(core)], core) >= LOOKS_EXPANDED:
                found.append(("ACR (long)" if "(" in match.group(0) else "ACR หรือ long", phrase))
    for match in re.finditer(rf"({_THAI}+)\s*หรือ\s*{alone}{acr}", text):
        phrase = match.group(1)
        if _ratio(phrase[-len(core) :], core) >= LOOKS_EXPANDED:
            found.append(("long หรือ ACR", phrase))
    return found


def _agrees(form: str, phrase: str, core: str) -> bool:
    """Whether ``phrase`` gives the glossary's long form (a place may follow it: กศจ.พะเยา)."""
    if form.startswith("long"):
        return bool(re.search(re.escape(core) + _THAI + "{0,12}$", phrase))
    return phrase.startswith(core)


@pytest.mark.parametrize("acronym", sorted(ACRONYMS))
def test_an_acronym_is_expanded_only_as_the_glossary_does(site_dir: Path, acronym: str) -> None:
    core = _core(ACRONYMS[acronym])
    wrong = []
    for page, text in _pages(site_dir).items():
        for form, phrase in expansion_forms(text, acronym, core):
            if not _agrees(form, phrase, core):
                wrong.append((page, form, phrase))
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("text", "acronym", "agrees"),
    [
        ("เสนอคณะกรรมการศึกษาธิการจังหวัดพะเยา (กศจ.พะเยา) ให้ความเห็นชอบ", "กศจ.", [True]),
        ("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา (ผอ.สพป.)", "ผอ.สพป.", [False]),
        ("ผอ.สพป. (ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา) ลงนาม", "ผอ.สพป.", [False]),
        ("ลงนามโดย ผอ.สพป. หรือผู้อำนวยการเขตพื้นที่การศึกษาประถมศึกษา", "ผอ.สพป.", [False]),
        ("สำนักงานเขตพื้นที่การศึกษา หรือ สพป. ของจังหวัด", "สพป.", [False]),
        ("สพฐ. (สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน) จัดสรร", "สพฐ.", [True]),
        ("ตามแนวทางของ สพฐ. หรือสำนักงบประมาณ", "สพฐ.", []),
        ("สพป. (กลุ่มนโยบายและแผน) นำเสนอ ผอ.สพป. (ลงนามคำสั่ง)", "สพป.", []),
    ],
)
def test_expansions_are_found_in_every_form(text: str, acronym: str, agrees: list[bool]) -> None:
    """The check above sees each written form of an expansion, and only expansions."""
    core = _core(ACRONYMS[acronym])
    found = expansion_forms(text, acronym, core)
    assert [_agrees(form, phrase, core) for form, phrase in found] == agrees, found


def test_expansions_are_found_where_they_are_written(site_dir: Path) -> None:
    """The check sees the expansions the pages write (it is not vacuous)."""
    text = " ".join(_pages(site_dir).values())
    for acronym in ("ผอ.สพป.", "กศจ.", "สพฐ."):
        assert expansion_forms(text, acronym, _core(ACRONYMS[acronym])), acronym
