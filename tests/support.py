"""Browser helpers shared by the tests and scripts/bench_site.py: load a page, weigh it."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError


@dataclass
class PageLoad:
    """What loading one page with an empty cache cost."""

    url: str
    requests: int = 0
    gzip_bytes: int = 0
    raw_bytes: int = 0
    files: list[tuple[str, int]] = field(default_factory=list)


def load_and_weigh(page: Any, url: str) -> PageLoad:
    """Open ``url`` and count every response until the network is idle.

    Weight is the gzip-compressed size of each response body (what a server with compression
    sends; woff2 and images barely shrink), so the figure does not depend on the test server.
    """
    load = PageLoad(url)
    responses: list[Any] = []

    def collect(response: Any) -> None:
        responses.append(response)

    page.on("response", collect)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", collect)
    for response in responses:
        try:
            body = response.body()
        except PlaywrightError:  # a response without a body (a redirect) weighs nothing
            body = b""
        size = len(gzip.compress(body, compresslevel=6)) if body else 0
        load.requests += 1
        load.raw_bytes += len(body)
        load.gzip_bytes += size
        load.files.append((response.url, size))
    return load


def sphinx_build(
    src: Path, out: Path, env: dict[str, str] | None = None, *, nitpicky: bool = False
) -> subprocess.CompletedProcess[str]:
    """Build a small Sphinx project to HTML with warnings as errors, in a subprocess.

    ``env`` adds variables (e.g. ``SOP_CHECKLISTS_DIR``) to this process's environment.
    """
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html"]
    if nitpicky:
        command.append("-n")
    return subprocess.run(
        [*command, str(src), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
