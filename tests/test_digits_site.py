"""Every page of the built site, as a reader sees it in the browser (after the scripts ran),
shows numbers in one digit style: Thai with the default setting (decision 1).

Exceptions (digits a reader does not read as numbers), removed before looking:
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import site_pages

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
  body.querySelectorAll('code, pre, kbd, script, style, template, [hidden], .sop-keep-digits')
    .forEach((el) => el.remove());
  // Cells and blocks read apart, as on screen (textContent would join "เหตุผล" and a file name).
  body.querySelectorAll('td, th, li, p, dt, dd, caption, h1, h2, h3, h4')
    .forEach((el) => el.append(' '));
  return body.textContent;
}"""


@pytest.mark.browser
def test_no_arabic_digit_in_any_page(site_dir: Any, site_url: str, page: Any) -> None:
    problems = []
    for rel in site_pages(site_dir):
        page.goto(site_url + rel, wait_until="load")
        page.wait_for_function("() => document.readyState === 'complete'")
        if page.evaluate("() => document.body.dataset.sopDigits") != "thai":
            problems.append(f"{rel}: body has no data-sop-digits=thai")
        text = page.evaluate(VISIBLE_TEXT)
        for pattern in EXCEPTIONS.values():
            text = re.sub(pattern, " ", text)
        found = sorted(set(re.findall(r"\S{0,12}[0-9]\S{0,12}", text)))
        if found:
            problems.append(f"{rel}: {found[:12]}")
    assert not problems, "\n".join(problems)
