"""The printed handbook: built by scripts/build_pdf.py next to the site, Sarabun embedded."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sop_helpers.procedures import load_procedures

PDF = "sop-handbook.pdf"


@pytest.fixture(scope="module")
def pdf(site_dir: Path) -> Path:
    path = site_dir / PDF
    if not path.is_file():
        pytest.fail(f"{path} is missing: scripts/test.sh and scripts/build.sh build it")
    for tool in ("pdffonts", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} (poppler-utils) is needed: run scripts/setup.sh test")
    return path


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_sarabun_is_embedded(pdf: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:]]
    sarabun = [row for row in rows if "Sarabun" in row[0]]
    assert sarabun, fonts.stdout
    # columns: name type [type] encoding emb sub uni object ID; "emb" is yes for each
    assert all("yes" in row[-5:-2] for row in sarabun), fonts.stdout


def test_text_of_every_procedure_is_in_the_pdf(pdf: Path) -> None:
    text = _squash(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    missing = []
    for procedure in load_procedures().values():
        for piece in (procedure.title, *(step.text for step in procedure.steps)):
            if _squash(piece) not in text:
                missing.append(f"{procedure.id}: {piece[:40]}")
    assert not missing, missing


def test_pdf_has_bookmarks_and_the_site_links_it(pdf: Path, site_dir: Path) -> None:
    assert b"/Outlines" in pdf.read_bytes()
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    assert f'href="{PDF}"' in index


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match, info
    return int(match.group(1))


def _page_text(pdf: Path, number: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


THAI = re.compile("[\u0e01-\u0e5b]")


def _thai_words_without_ink(pdf: Path, number: int, work: Path) -> tuple[int, list[str]]:
    """Render a page and look inside the box of every Thai word: an empty glyph leaves none."""
    from PIL import Image

    dpi = 100
    bbox = work / f"p{number}.html"
    subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), "-bbox", str(pdf), str(bbox)],
        check=True,
    )
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            str(number),
            "-l",
            str(number),
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-singlefile",
            str(pdf),
            str(work / f"p{number}"),
        ],
        check=True,
    )
    image = Image.open(work / f"p{number}.png").convert("L")
    scale = dpi / 72
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        bbox.read_text("utf-8"),
    )
    checked, empty = 0, []
    for x0, y0, x1, y1, word in words:
        if not THAI.search(word):
            continue
        box = [round(float(v) * scale) for v in (x0, y0, x1, y1)]
        crop = image.crop((box[0], box[1], max(box[2], box[0] + 1), max(box[3], box[1] + 1)))
        checked += 1
        if crop.getextrema()[0] > 128:  # nothing darker than mid-grey inside the word's box
            empty.append(word)
    return checked, empty


def test_thai_in_code_and_tables_is_drawn(pdf: Path, tmp_path: Path) -> None:
    # The per-pupil subsidy example prints its code (Thai strings and comments) and its tables.
    wanted = {"code": "subsidy_table(", "table": "ต่อภาคเรียน"}
    found: dict[str, int] = {}
    for number in range(1, _pages(pdf) + 1):
        text = _page_text(pdf, number)
        for what, marker in wanted.items():
            if what not in found and marker in text:
                found[what] = number
        if len(found) == len(wanted):
            break
    assert set(found) == set(wanted), f"pages not found: {set(wanted) - set(found)}"
    for what, number in found.items():
        checked, empty = _thai_words_without_ink(pdf, number, tmp_path)
        assert checked >= 10, (what, number, checked)
        assert not empty, (what, number, empty[:10])


def test_every_font_is_embedded(pdf: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:] if line.strip()]
    assert rows
    assert all("yes" in row[-5:-2] for row in rows), fonts.stdout
    assert not [row for row in rows if "Type 3" in " ".join(row)], fonts.stdout


def test_page_numbers_follow_the_sites_digits(pdf: Path, site_dir: Path) -> None:
    """Decision 1: every number the PDF shows is in the site's digits (``sop_digits``, Thai by
    default); the footer's page numbers were Arabic (reviewer, session 5)."""
    from sop_helpers.wording import digits

    index = (site_dir / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<body[^>]*data-sop-digits="(thai|arabic)"', index)
    assert match, "the site's pages say their digit style on <body>"
    style = match.group(1)
    total = _pages(pdf)
    assert total > 10
    for number in (1, 2, total // 2, total):
        lines = [line.strip() for line in _page_text(pdf, number).splitlines() if line.strip()]
        footer = _squash(lines[-1])
        assert footer == f"{digits(number, style)}/{digits(total, style)}", (number, lines[-3:])
        if style == "thai":
            assert not re.search(rf"\b{number}\s*/\s*{total}\b", _page_text(pdf, number))


WORD_BOX = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
# Thai marks written above or below a consonant (sara am's nikhahit, the vowels, tone marks ...)
MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
LONE_MARKS = re.compile(f"[{MARKS}]+")


def _all_pages_text(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def test_no_heading_leaves_its_thai_marks_on_the_previous_page(pdf: Path) -> None:
    """Reviewer, session 5: a heading at the top of a sheet lost its upper marks to the foot of
    the sheet before ("ขนตอนการปฏิบัติงาน" on p. 27, a stray "ั้" on p. 26). Such marks are a
    word with no width of its own (only marks drawn) or a line of marks alone."""
    boxes = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    stray = []
    for number, page in enumerate(boxes.split("<page")[1:], 1):
        for x0, _y0, x1, _y1, word in WORD_BOX.findall(page):
            if THAI.search(word) and float(x1) - float(x0) < 0.5:
                stray.append((number, word))
    assert not stray, stray
    pages = _all_pages_text(pdf)
    lone = []
    for number, text in enumerate(pages, 1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = lines[:-1]  # the last line is the page number
        if body and LONE_MARKS.fullmatch(_squash(body[-1])):
            lone.append((number, body[-1]))
    assert not lone, lone
    # the procedures' heading is read whole on every page that shows it
    joined = "".join(_squash(text) for text in pages)
    assert "ขั้นตอนการปฏิบัติงาน" in joined
    assert "ขนตอนการปฏิบัติงาน" not in joined


def test_a_flowchart_does_not_leave_its_last_box_alone(pdf: Path) -> None:
    """Reviewer, session 5: the flowchart's last box "สิ้นสุด" was alone on the next sheet."""
    alone = []
    for number, text in enumerate(_all_pages_text(pdf), 1):
        lines = [_squash(line) for line in text.splitlines() if line.strip()][:-1]
        if "สิ้นสุด" in lines:
            before = lines[: lines.index("สิ้นสุด")]
            # what stands above it on its sheet is at most a stray cluster of marks
            if all(len(line) <= 3 for line in before):
                alone.append((number, lines[:3]))
    assert not alone, alone


def test_wide_tables_keep_whole_words_in_their_columns(pdf: Path) -> None:
    """Reviewer, session 5: the development-plan indicators table squeezed its text columns to
    one letter a line (pp. 238-249). No page has 5 lines in a row of at most 2 Thai letters."""
    squeezed = []
    for number, text in enumerate(_all_pages_text(pdf), 1):
        run = 0
        for line in text.splitlines():
            letters = _squash(line)
            if not letters:
                continue
            run = run + 1 if len(letters) <= 2 and THAI.search(letters) else 0
            if run == 5:
                squeezed.append(number)
                break
    assert not squeezed, squeezed
    joined = "".join(_squash(text) for text in _all_pages_text(pdf))
    assert "ตัวชี้วัด" in joined and "เป้าหมาย" in joined


def test_the_books_pdf_prints_no_web_controls(pdf: Path) -> None:
    """Reviewer, session 5: the checklists' browser notices and the quiz's buttons and state
    were printed; paper keeps the items (ticked by pen), not the controls."""
    joined = "".join(_squash(text) for text in _all_pages_text(pdf))
    # (the prose may name a button in quotes; the buttons' row may not be printed)
    buttons = "ส่งออกไฟล์ผล (JSON) ส่งออก CSV"
    for words in ("คำตอบเก็บในเบราว์เซอร์นี้", "ยังไม่ได้ส่งคำตอบ", buttons, "ทำใหม่"):
        assert _squash(words) not in joined, words
    assert not re.search("ความคืบหน้า[๐-๙0-9]+/[๐-๙0-9]+", joined)
    # the first week's items are still printed
    assert "พบและทำความรู้จักผู้ปฏิบัติงานในบทบาทที่งานนี้ระบุ" in joined
