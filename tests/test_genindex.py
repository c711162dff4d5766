"""The index page (genindex.html): each letter of its jump bar takes the reader to that letter's
section, on a phone and on a wide screen (issue 17: the reviewer found the jump links broken)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

WIDTHS = [360, 1280]

# Where the letter's heading is once the jump is over: visible, not under the sticky header
# (the heading itself is what the browser finds at its middle), and at the top of the window
# unless the page has ended (the last letters cannot scroll up any further).
AT_SECTION = """(id) => {
  const h = document.getElementById(id);
  if (!h || location.hash !== '#' + id) return false;
  const r = h.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight) return false;
  const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
  if (!hit || !(hit === h || h.contains(hit))) return false;
  const atEnd = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
  return r.top < 140 || atEnd;
}"""


def _letters(site_dir: Path) -> list[tuple[str, str]]:
    text = (site_dir / "genindex.html").read_text("utf-8")
    bar = text[text.index("sop-index-letters") :]
    bar = bar[: bar.index("</nav>")]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', bar)


def test_every_letter_links_to_its_own_section(site_dir: Path) -> None:
    text = (site_dir / "genindex.html").read_text("utf-8")
    letters = _letters(site_dir)
    assert len(letters) >= 10
    for anchor, letter in letters:
        assert re.fullmatch(r"[a-z0-9-]+", anchor), anchor  # plain ASCII fragments
        assert f'<h2 id="{anchor}">{letter}</h2>' in text, (anchor, letter)
    assert len({a for a, _ in letters}) == len(letters)


@pytest.mark.parametrize("width", WIDTHS)
def test_jump_links_reach_their_sections(
    site_dir: Path, site_url: str, browser: Any, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="th-TH")
    page = context.new_page()
    try:
        page.goto(site_url + "genindex.html", wait_until="load")
        page.evaluate("document.fonts.ready")
        for anchor, letter in _letters(site_dir):
            page.evaluate("window.scrollTo(0, 0)")
            page.locator(".sop-index-letters").get_by_role("link", name=letter, exact=True).click()
            page.wait_for_function(AT_SECTION, arg=anchor, timeout=5000)
        # A copied address with the fragment opens at the section too.
        anchor, _ = _letters(site_dir)[len(_letters(site_dir)) // 2]
        page.goto(site_url + "genindex.html#" + anchor, wait_until="load")
        page.wait_for_function(AT_SECTION, arg=anchor, timeout=5000)
    finally:
        context.close()
