"""One digit style (decision 1): the formatter and the setting, in a small fixture build."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from sop_helpers.sphinx_ext.digits import html_digits
from sop_helpers.thai import apply_digits

from .fixture_project import build, handbook_pages, make_project


@pytest.mark.parametrize(
    ("text", "thai", "arabic"),
    [
        ("1 ต.ค. 68 – 31 ธ.ค. 68", "๑ ต.ค. ๖๘ – ๓๑ ธ.ค. ๖๘", "1 ต.ค. 68 – 31 ธ.ค. 68"),
        ("ความคืบหน้า ๘ จาก 8", "ความคืบหน้า ๘ จาก ๘", "ความคืบหน้า 8 จาก 8"),
        ("1,234.50 บาท", "๑,๒๓๔.๕๐ บาท", "1,234.50 บาท"),
        ("ข้อแก้ไข E13, E14", "ข้อแก้ไข E13, E14", "ข้อแก้ไข E13, E14"),
        ("ไฟล์ operations-calendar-2569.ics", "ไฟล์ operations-calendar-2569.ics", None),
        ("ดู https://bb.go.th/?id=6625 ปี 2561", "ดู https://bb.go.th/?id=6625 ปี ๒๕๖๑", None),
        ("กระดาษ A4 สัญญา CC BY 4.0", "กระดาษ A4 สัญญา CC BY 4.0", None),
        ("ปีงบประมาณ ๒๕๖๙", "ปีงบประมาณ ๒๕๖๙", "ปีงบประมาณ 2569"),
    ],
)
def test_one_formatter_for_both_styles(text: str, thai: str, arabic: str | None) -> None:
    assert apply_digits(text, "thai") == thai
    assert apply_digits(thai, "arabic") == (arabic or apply_digits(thai, "arabic"))
    assert not re.search("[๐-๙]", apply_digits(thai, "arabic"))


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="thai หรือ arabic"):
        apply_digits("1", "roman")  # type: ignore[arg-type]


def test_html_keeps_tags_code_and_references() -> None:
    markup = (
        '<p class="x2" data-n="3">ขั้นตอนที่ 3 &#8212; <code>python -m x 2570</code>'
        '<span class="sop-keep-digits">E 12</span> <kbd>Ctrl</kbd>+1</p>'
    )
    out = html_digits(markup, "thai")
    assert out == (
        '<p class="x2" data-n="3">ขั้นตอนที่ ๓ &#8212; <code>python -m x 2570</code>'
        '<span class="sop-keep-digits">E 12</span> <kbd>Ctrl</kbd>+๑</p>'
    )


class _Text(HTMLParser):
    """Visible text of a page body: no script, style or code."""

    SKIP: ClassVar[set[str]] = {"script", "style", "code", "pre", "kbd", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.SKIP & set(self.stack):
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


PAGE = """# ปฏิทิน

วันที่ ๑๕ ตุลาคม ๒๕๖๘ มีงาน ๓ ขั้นตอน และ 2 รายการ

```{fiscal-today}
```
"""


@pytest.mark.build
@pytest.mark.parametrize(("style", "foreign"), [("arabic", "[๐-๙]"), ("thai", "[0-9]")])
def test_the_setting_turns_every_page_to_one_style(
    tmp_path: Path, style: str, foreign: str
) -> None:
    pages = {"index": PAGE, **handbook_pages()}
    src = make_project(tmp_path, pages, f'sop_digits = "{style}"\n')
    result = build(src, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "procedures/action-plan.html", "errata.html"):
        html = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert f'data-sop-digits="{style}"' in html
        text = visible_text(html)
        # Thai pages keep the digits of Latin tokens (E13, A4, file names), URLs and versions
        # after a Latin name (the fixture theme's "Sphinx 7.4.7"): drop those first.
        if style == "thai":
            text = re.sub(
                r"[A-Za-z][\w.-]*[0-9][\w.-]*|https?://\S+|(?<=[A-Za-z] )[0-9]+(?:\.[0-9]+)+",
                " ",
                text,
            )
        found = re.findall(rf"\S*{foreign}\S*", text)
        assert not found, f"{page}: {found[:10]}"


@pytest.mark.build
def test_a_wrong_setting_stops_the_build(tmp_path: Path) -> None:
    src = make_project(tmp_path, {"index": PAGE}, 'sop_digits = "latin"\n')
    result = build(src, tmp_path / "out")
    assert result.returncode != 0 and "sop_digits" in result.stderr
