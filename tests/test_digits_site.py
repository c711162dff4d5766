"""Every page of the built site, as a reader sees it in the browser (after the scripts ran),
shows numbers in one digit style: Thai with the default setting (decision 1). So do the alt
texts of its images (the worked examples' charts) and the calendar files it offers (what a
calendar app shows: titles, descriptions, reminders).

The reverse: the tests read the site's style from its pages (``<body data-sop-digits>``), so
pointed at a site built with ``sop_digits: arabic`` (``SOP_SITE_DIR=...``) they look for Thai
digits instead. A small fixture build checks both styles in every run (tests/test_digits.py),
as do tests/test_chart_digits.py and tests/test_calendar_ics.py for charts and .ics files.

Exceptions on a Thai site (digits a reader does not read as numbers), removed before looking:
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from .conftest import site_pages
from .test_calendar_ics import people_texts

EXCEPTIONS = {
    "URL": r"(?:https?://|www\.)\S+",
    "e-mail": r"[\w.+-]+@[\w-]+\.[\w.]+",
    "file name": r"[\w-]+\.(?:pdf|ics|xlsx|csv|json|yml|md|ipynb|py|js|css|html)\b",
    "Latin token (E13, A4, UTF-8, Ctrl+K)": r"[A-Za-z][A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*",
    "version after a Latin name (CC BY 4.0)": r"(?<=[A-Za-z] )[0-9]+(?:\.[0-9]+)+",
}

# The text a reader sees: the body without code, keyboard keys and hidden elements.
VISIBLE_TEXT = """() => {
  const body = document.body.cloneNode(true);
  // An image's alt text is what a screen reader (and a phone that cannot load it) says.
  body.querySelectorAll('img[alt]')
    .forEach((img) => img.after(' ' + img.getAttribute('alt') + ' '));
  body.querySelectorAll('code, pre, kbd, script, style, template, [hidden], .sop-keep-digits')
    .forEach((el) => el.remove());
  // Cells and blocks read apart, as on screen (textContent would join "เหตุผล" and a file name).
  body.querySelectorAll('td, th, li, p, dt, dd, caption, h1, h2, h3, h4')
    .forEach((el) => el.append(' '));
  return body.textContent;
}"""


def site_style(site_dir: Path) -> str:
    """The digit style the site was built with, as its start page says."""
    html = (site_dir / "index.html").read_text("utf-8")
    found = re.search(r'<body[^>]*data-sop-digits="(thai|arabic)"', html)
    assert found, "index.html: <body> has no data-sop-digits"
    return found.group(1)


@pytest.mark.browser
def test_no_arabic_digit_in_any_page(site_dir: Any, site_url: str, page: Any) -> None:
    style = site_style(site_dir)
    problems = []
    for rel in site_pages(site_dir):
        page.goto(site_url + rel, wait_until="load")
        page.wait_for_function("() => document.readyState === 'complete'")
        if page.evaluate("() => document.body.dataset.sopDigits") != style:
            problems.append(f"{rel}: body has no data-sop-digits={style}")
        if found := _foreign(page.evaluate(VISIBLE_TEXT), style):
            problems.append(f"{rel}: {found[:12]}")
    assert not problems, "\n".join(problems)


def _foreign(text: str, style: str = "thai") -> list[str]:
    """Numbers of ``text`` written in the other style than ``style`` (exceptions removed)."""
    if style == "arabic":
        return sorted(set(re.findall(r"\S{0,12}[๐-๙]\S{0,12}", text)))
    for pattern in EXCEPTIONS.values():
        text = re.sub(pattern, " ", text)
    return sorted(set(re.findall(r"\S{0,12}[0-9]\S{0,12}", text)))


def test_no_arabic_digit_in_the_calendar_files(site_dir: Path) -> None:
    files = sorted((site_dir / "_downloads").rglob("*.ics"))
    assert files, "the site offers no .ics file"
    style = site_style(site_dir)
    problems = []
    for path in files:
        for text in people_texts(Calendar.from_ical(path.read_bytes())):
            if found := _foreign(text, style):
                problems.append(f"{path.name}: {found[:6]}")
    assert not problems, "\n".join(problems[:20])


def test_no_arabic_digit_in_chart_alt_texts(site_dir: Path) -> None:
    """The charts' alt texts, read from the HTML (the browser test above reads them too)."""
    style = site_style(site_dir)
    charts = 0
    for rel in site_pages(site_dir):
        html = (site_dir / rel).read_text("utf-8")
        for alt in re.findall(r'<figure class="sop-chart"><img [^>]*alt="([^"]*)"', html):
            charts += 1
            assert not _foreign(alt, style), (rel, alt)
    assert charts >= 6
