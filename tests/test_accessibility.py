"""Accessibility of every built page: axe-core at WCAG 2.2 AA, Thai language, skip link, focus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import site_pages

pytestmark = pytest.mark.browser

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _axe_script() -> str:
    # axe-core as shipped inside the PyPI package axe-playwright-python (run offline).
    axe = pytest.importorskip("axe_playwright_python.base")
    return str(axe.AXE_SCRIPT)


def test_axe_finds_no_violation_on_any_page(site_dir: Path, site_url: str, page: Any) -> None:
    script = _axe_script()
    problems: list[str] = []
    for rel in site_pages(site_dir):
        page.goto(site_url + rel, wait_until="networkidle")
        page.add_script_tag(content=script)
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
        )
        for violation in result["violations"]:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
            problems.append(f"{rel}: {violation['id']} ({violation['impact']}): {targets}")
    assert not problems, "\n".join(problems)


def test_skip_link_and_visible_focus(site_url: str, page: Any) -> None:
    page.goto(site_url + "index.html", wait_until="networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
                 return {text: e.textContent.trim(), href: e.getAttribute('href'),
                         outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"""
    )
    assert focused["text"] == "ข้ามไปยังเนื้อหาหลัก"
    assert focused["href"] and focused["href"].startswith("#")
    assert focused["outline"] != "none" and focused["width"] >= 2
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == focused["href"]
