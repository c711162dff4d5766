"""Every accessible name on every page of the built site is Thai (issue 17 part 5).

An accessible name is what a screen reader says for an element or a tooltip shows: ``aria-label``,
``title``, ``alt``, ``aria-roledescription``, ``aria-valuetext``, ``placeholder``, the copy
button's ``data-tooltip``, and the text of visually hidden elements (``sr-only``,
``visually-hidden``). The theme writes some of them in English outside its message catalogue
("Main", "Page"); the handbook overrides those templates (``sphinx_ext/components``,
``sphinx_ext/templates/layout.html``) and translates the rest (``sphinx_ext/locale``).

A name passes when, once the allowed Latin tokens below are taken out, no Latin word is left.
The pages are checked as built (every page, no browser) and after their scripts ran (Chromium:
the theme's and our scripts add labels and tooltips at load).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from .conftest import site_pages

NAME_ATTRIBUTES = (
    "aria-label",
    "title",
    "alt",
    "aria-roledescription",
    "aria-valuetext",
    "placeholder",
    "data-tooltip",
)
HIDDEN_CLASSES = {"sr-only", "visually-hidden", "screen-reader-text"}

# Latin that a Thai reader reads as it is: names of formats, programs and keys, codes.
ALLOWED = {
    "format or program": r"\b(?:PDF|ICS|CSV|JSON|Excel|Python|Jupyter|JupyterLab|ITA|SWOT|Ctrl)\b",
    "code with a digit (E13, A4)": r"\b[A-Za-z]+[0-9][A-Za-z0-9-]*\b",
    "file name": r"[\w-]+\.(?:pdf|ics|xlsx|csv|json|yml|md|ipynb|py|js|css|html|png)\b",
    "URL": r"(?:https?://|mailto:)\S+",
    "single letter (a key, an index letter)": r"\b[A-Za-z]\b",
}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def english_in(name: str) -> list[str]:
    """The Latin words of an accessible name that are not allowed tokens."""
    for pattern in ALLOWED.values():
        name = re.sub(pattern, " ", name)
    return LATIN_WORD.findall(name)


def test_english_in_tells_thai_from_english() -> None:
    assert english_in("Main") == ["Main"]
    assert english_in("Toggle navigation") == ["Toggle", "navigation"]
    assert english_in("เมนูนำทางของคู่มือ") == []
    assert english_in("ดาวน์โหลดคู่มือฉบับพิมพ์ (PDF)") == []
    assert english_in("ข้อแก้ไข E13 และกระดาษ A4") == []
    assert english_in("ไฟล์ calendar-2570.ics") == []
    assert english_in("Copy to clipboard") == ["Copy", "to", "clipboard"]


class _Names(HTMLParser):
    """Accessible names in one HTML page: (element, attribute or 'hidden text', value)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []
        self._hidden: list[str] = []  # tags of open visually hidden elements
        self._skip = 0  # inside <script>/<style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
            return
        values = dict(attrs)
        for name in NAME_ATTRIBUTES:
            if values.get(name):
                self.found.append((tag, name, values[name] or ""))
        if self._hidden or HIDDEN_CLASSES & set((values.get("class") or "").split()):
            self._hidden.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif self._hidden and self._hidden[-1] == tag:
            self._hidden.pop()

    def handle_data(self, data: str) -> None:
        if self._hidden and not self._skip and data.strip():
            self.found.append((self._hidden[0], "hidden text", data.strip()))


def page_names(html: str) -> list[tuple[str, str, str]]:
    parser = _Names()
    parser.feed(html)
    return parser.found


def test_no_english_name_in_any_built_page(site_dir: Path) -> None:
    problems = []
    pages = site_pages(site_dir)
    assert len(pages) > 20
    for rel in pages:
        for tag, attribute, value in page_names((site_dir / rel).read_text("utf-8")):
            if english_in(value):
                problems.append(f"{rel}: <{tag} {attribute}={value!r}>")
    assert not problems, "\n".join(sorted(set(problems)))


# The same names, read from the live page after its scripts ran.
LIVE_NAMES = """([attributes, hidden]) => {
  const out = [];
  for (const el of document.querySelectorAll(attributes.map((a) => `[${a}]`).join(","))) {
    for (const a of attributes) {
      const v = el.getAttribute(a);
      if (v && v.trim()) out.push([el.tagName.toLowerCase(), a, v]);
    }
  }
  for (const el of document.querySelectorAll(hidden.map((c) => "." + c).join(","))) {
    const v = el.textContent.trim();
    if (v) out.push([el.tagName.toLowerCase(), "hidden text", v]);
  }
  return out;
}"""


def test_no_english_name_after_scripts(site_dir: Path, site_url: str, page: Any) -> None:
    problems = []
    for rel in site_pages(site_dir):
        page.goto(site_url + rel, wait_until="load")
        page.wait_for_function("() => document.readyState === 'complete'")
        names = page.evaluate(LIVE_NAMES, [list(NAME_ATTRIBUTES), sorted(HIDDEN_CLASSES)])
        for tag, attribute, value in names:
            if english_in(value):
                problems.append(f"{rel}: <{tag} {attribute}={value!r}>")
    assert not problems, "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("label", ["Main", "Page"])
def test_theme_english_labels_are_gone(site_dir: Path, label: str) -> None:
    """The two English names the theme wrote outside its catalogue (issue 17)."""
    for rel in site_pages(site_dir):
        assert f'aria-label="{label}"' not in (site_dir / rel).read_text("utf-8"), rel
