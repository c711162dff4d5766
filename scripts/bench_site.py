"""Benchmark (not a test): build times and the weight of every page on a first visit.

Prints the clean build time (fresh output folder and notebook cache), the no-change rebuild
time, and for each page the gzip-compressed bytes and the request count with an empty cache,
plus the number of requests that tried to reach another host.

Usage: .venv/bin/python scripts/bench_site.py [--skip-build]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, _is_local, site_pages  # noqa: E402
from tests.support import load_and_weigh, serve  # noqa: E402


def timed_build(out: Path, *extra: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "jb-build.sh"), str(out), *extra],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-build", action="store_true", help="weigh _build/html as it is")
    args = parser.parse_args()

    if args.skip_build:
        site = ROOT / "_build" / "html"
    else:
        # A fresh output root: its notebook cache (inside it) starts empty too.
        out = Path(tempfile.mkdtemp(prefix="sop-bench-"))
        clean = timed_build(out)
        again = timed_build(out)
        print(f"clean build (empty output and notebook cache): {clean:.1f} s")
        print(f"no-change rebuild: {again:.1f} s")
        site = out / "_build" / "html"

    from playwright.sync_api import sync_playwright

    rows = []
    foreign = 0
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for rel in site_pages(site):
            context = browser.new_context()
            blocked: list[str] = []

            def route(r, blocked=blocked):  # type: ignore[no-untyped-def]
                if _is_local(r.request.url):
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            load = load_and_weigh(context.new_page(), base + rel)
            foreign += len(blocked)
            rows.append((load.gzip_bytes, load.requests, rel))
            context.close()
        browser.close()
    print(f"\n{'gzip KB':>8} {'requests':>8}  page")
    for size, count, rel in sorted(rows, reverse=True):
        print(f"{size / 1024:8.1f} {count:8d}  {rel}")
    heaviest = max(rows)
    print(
        f"\nheaviest page: {heaviest[2]} {heaviest[0] / 1024:.1f} KB gzip, {heaviest[1]} requests"
    )
    print(f"requests to other hosts: {foreign}")


if __name__ == "__main__":
    main()
