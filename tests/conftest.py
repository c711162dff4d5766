"""Shared fixtures: the one built site, a loopback HTTP server, and Chromium through Playwright.

The site is built once per test run (scripts/test.sh builds it and sets SOP_SITE_DIR); every
browser test reuses it. Tests that need a different build use small fixture projects instead.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from hypothesis import HealthCheck, settings

from . import support
from .support import serve

# Property tests check behaviour, not speed: on a loaded CI machine an example can take longer
# than hypothesis's 200 ms default deadline, which would fail a correct test.
settings.register_profile(
    "sop", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("sop")

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SOP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses Chromium (through the ``browser`` fixture) as ``browser``.

    The mark follows the fixture, so ``-m "not browser"`` never starts Chromium and no test has
    to remember its marker.
    """
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built HTML site: $SOP_SITE_DIR, else built once into _build/html."""
    env = os.environ.get("SOP_SITE_DIR")
    if env:
        path = Path(env)
        assert (path / "index.html").is_file(), f"SOP_SITE_DIR={env} has no index.html"
        return path
    subprocess.run(["bash", str(ROOT / "scripts" / "jb-build.sh"), "."], cwd=ROOT, check=True)
    return ROOT / "_build" / "html"


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root."""
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if not any(part.startswith(("_", ".")) for part in p.relative_to(site).parts)
    )


@pytest.fixture(scope="session")
def procedures() -> Any:
    """The handbook's procedures (``support.procedures()``) as a fixture."""
    return support.procedures()


@pytest.fixture(scope="session")
def checklists() -> Any:
    """The handbook's checklists (``support.checklists()``) as a fixture."""
    return support.checklists()


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The built site served over HTTP on loopback."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (it cannot download its own browser)."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM} (set SOP_CHROMIUM); run scripts/setup.sh test"
        )
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Watch:
    """What a page tried to do that it should not: requests to other hosts, console errors."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    return parsed.hostname in ("127.0.0.1", "localhost", "::1")


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    """A fresh browser context (empty cache and storage) with every non-local request blocked."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    watch = Watch()

    def route(r: Any) -> None:
        if _is_local(r.request.url):
            r.continue_()
        else:
            watch.blocked.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    ctx.watch = watch
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: Any) -> Any:
    """A page in :func:`context`; ``page.watch`` lists blocked requests and console errors."""
    pg = context.new_page()
    watch: Watch = context.watch

    def on_console(msg: Any) -> None:
        if msg.type == "error":
            watch.console_errors.append(msg.text)

    pg.on("console", on_console)
    pg.on("pageerror", lambda exc: watch.console_errors.append(str(exc)))
    pg.watch = watch
    return pg
