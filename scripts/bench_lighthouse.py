"""Benchmark (not a test): Lighthouse 12 mobile scores of every page of the built site.

Serves the built site on loopback with gzip (as static hosts do), runs Lighthouse (npm, pinned in
package.json; `npm ci` installs it) with Debian's Chromium on every page, and prints per page the
median of N runs (default 3): performance, accessibility, best practices and SEO, first
contentful paint, largest contentful paint, total blocking time, cumulative layout shift, the
bytes transferred, the load average when the page was measured and which bars it misses. Then
each feature script's gzip size against its budget (decision 10) and how long the run took.
Simulated throttling multiplies the CPU time it observes, so a busy machine lowers performance
(TBT most): compare pages measured in one run, and gate on a quiet machine.

Usage: .venv/bin/python scripts/bench_lighthouse.py [--site DIR] [--runs N] [--pages GLOB ...]
           [--check] [--details] [--json OUT.json] [--markdown OUT.md] [--reports DIR]
  --check    exit 1 when a page misses a bar (or a script its budget): the gate of issue 17
  --details  per page, what costs: layout shifts by element, long tasks and script time by URL,
             main-thread work by kind, the LCP element (from the median run's report)
Bars (issue 17): performance >= 95, accessibility, best practices and SEO 100, FCP <= 1.8 s.
A full run takes about a minute per page and run on the shared machine (it prints its time).
"""

from __future__ import annotations

import argparse
import fnmatch
import functools
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FCP_TARGET_MS = 1800
CATEGORY_NAMES = {
    "performance": "performance",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}
# Metrics kept per page (median of the runs): key -> Lighthouse audit id (numericValue).
METRICS = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "transfer": "total-byte-weight",
}
STATIC = ROOT / "src" / "sop_helpers" / "sphinx_ext" / "static"

# Gzip budget of each shipped script (bytes), decision 10: THE one statement of the budgets
# (tests/test_script_budgets.py reads this table). Counted in gzip bytes, as a server sends
# them, so readable code need not be traded for bytes. A script loads only on the pages that
# use its feature, and every script is deferred (it never delays the first paint).
SCRIPT_BUDGETS: dict[str, int] = {
    # every page. 3,200 (was 3,000) since it became the one home of the page rules (digits, B.E.
    # years, Thai dates, the fiscal year and quarter, a wording's {fields}) that sop-core.js,
    # calendar-now.js, checklist.js, calculator.js, team-matrix.js and print-form.js each had:
    # 2,437 -> 3,097 while those six lost 572 bytes; calendar-now.js's budget went down by 200.
    "sop.js": 3_200,
    # the 7 checklist and team pages (not the others): storage, digits, CSV, the generated
    # results contract (about 1.9 KB of it, the JSON Schema both Python and the browser check
    # files by) and its checker. 6 KB was the aim when it was meant for every page; 8 KB keeps
    # the checker readable, and no page that lacks a checklist pays for it.
    "sop-core.js": 8_000,
    "checklist.js": 12_000,
    "team.js": 8_000,
    "team-matrix.js": 4_000,
    # fetched on the first print click only
    "print-form.js": 4_000,
    # the worked examples with a calculator form (9,000 until its words moved into the page's
    # data, sop_helpers.calculators.texts: 8,986 -> 8,241)
    "calculator.js": 8_500,
    # search.html only (helper "content" owns its size). Served without its comments
    # (search_th.served_text, rjsmin): the commented, type-checked source is about 14 KB gzip.
    "search-th.js": 12_000,
    # index and fiscal-year: the month marked, this month's work, this fiscal year's calendar
    # first (start: 3 KB before the year's calendar moved with the reader's clock; 3,300 until
    # its date rules moved into sop.js)
    "calendar-now.js": 3_100,
}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".ics", ".inv", ".map")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the client accepts it (text types only)."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        return io.BytesIO(body)


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the site (search and index pages included)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not any(part.startswith(("_", ".")) for part in p.relative_to(site).parts)
    )


def run_lighthouse(url: str, out: Path, keep: Path | None = None) -> dict[str, Any]:
    """One Lighthouse run of ``url``: the four scores, the metrics, failing audits, details."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("SOP_CHROMIUM", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    if keep is not None:
        keep.parent.mkdir(parents=True, exist_ok=True)
        keep.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
    return scores_of(report)


def scores_of(report: dict[str, Any]) -> dict[str, Any]:
    """The figures of one Lighthouse report (JSON) that the tables show."""
    scores: dict[str, Any] = {
        c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES
    }
    audits = report["audits"]
    for key, audit in METRICS.items():
        scores[key] = audits[audit]["numericValue"]
    scores["failing"] = sorted(
        a["id"]
        for cat in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][cat]["auditRefs"]
        if ref["weight"] and (a := audits[ref["id"]])["score"] is not None and a["score"] < 1
    )
    scores["details"] = details_of(audits)
    return scores


def _items(audits: dict[str, Any], audit: str) -> list[dict[str, Any]]:
    details = audits.get(audit, {}).get("details") or {}
    return list(details.get("items") or [])


def _short(url: str) -> str:
    """A script's URL without the server and the cache-busting query."""
    return url.split("?")[0].split("/", 3)[-1] if "://" in url else url


def details_of(audits: dict[str, Any]) -> list[str]:
    """What the page costs, one line each: the diagnostics to act on when a page is slow.

    Layout shifts by element, the LCP element, long tasks and script time by URL (as Lighthouse
    attributes them), main-thread work by kind. Times are Lighthouse's (simulated 4x CPU).
    """
    lines = []
    for item in _items(audits, "layout-shifts"):
        node = item.get("node") or {}
        lines.append(
            f"shift {item.get('score', 0):.4f}: {node.get('selector', '?')} "
            f"({node.get('nodeLabel', '')[:40]!r})"
        )
    lcp = _items(audits, "largest-contentful-paint-element")
    if lcp and lcp[0].get("items"):
        node = lcp[0]["items"][0].get("node") or {}
        label = node.get("nodeLabel", "")[:40]
        lines.append(f"LCP element: {node.get('selector', '?')} ({label!r})")
    tasks = _items(audits, "long-tasks")
    if tasks:
        lines.append(
            "long tasks: "
            + ", ".join(f"{_short(t['url'])} {t['duration']:.0f} ms" for t in tasks[:6])
        )
    boot = _items(audits, "bootup-time")
    if boot:
        lines.append(
            "script time: " + ", ".join(f"{_short(b['url'])} {b['total']:.0f} ms" for b in boot[:6])
        )
    work = _items(audits, "mainthread-work-breakdown")
    if work:
        lines.append(
            "main thread: " + ", ".join(f"{w['group']} {w['duration']:.0f} ms" for w in work[:6])
        )
    return lines


def misses(row: dict[str, Any]) -> list[str]:
    """The bars of issue 17 that a page's figures miss (empty: it meets them all)."""
    missed = [f"{CATEGORY_NAMES[c]} {row[c]:.0f} < {t}" for c, t in TARGETS.items() if row[c] < t]
    if row["fcp"] > FCP_TARGET_MS:
        missed.append(f"FCP {row['fcp'] / 1000:.2f} s > {FCP_TARGET_MS / 1000} s")
    return missed


def markdown_table(rows: list[dict[str, Any]]) -> str:
    """The per-page table: four scores, FCP/LCP (s), TBT (ms), CLS, transferred KB, load."""
    lines = [
        "| page | perf | a11y | BP | SEO | FCP s | LCP s | TBT ms | CLS | transfer KB | load |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['page']} | {r['performance']:.0f} | {r['accessibility']:.0f} "
            f"| {r['best-practices']:.0f} | {r['seo']:.0f} | {r['fcp'] / 1000:.2f} "
            f"| {r['lcp'] / 1000:.2f} | {r['tbt']:.0f} | {r['cls']:.3f} "
            f"| {r['transfer'] / 1024:.1f} | {r['load']:.1f} |"
        )
    return "\n".join(lines)


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def median_row(page: str, runs: list[dict[str, Any]], load: float) -> dict[str, Any]:
    """A page's row: the median of each figure over its runs, the details of the median run."""
    row: dict[str, Any] = {"page": page, "load": load}
    for key in (*CATEGORIES, *METRICS):
        row[key] = statistics.median(r[key] for r in runs)
    row["failing"] = sorted({f for r in runs for f in r["failing"]})
    middle = sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]
    row["details"] = middle["details"]
    row["misses"] = misses(row)
    return row


HEADER = (
    f"{'perf':>5} {'a11y':>5} {'BP':>5} {'SEO':>5} {'FCP':>7} {'LCP':>7} {'TBT':>6} "
    f"{'CLS':>6} {'KB':>7} {'load':>5}  page  (missed bars; failing audits)"
)


def line(row: dict[str, Any]) -> str:
    """The page's line of the live output."""
    notes = "; ".join(row["misses"] + row["failing"])
    return (
        f"{row['performance']:5.0f} {row['accessibility']:5.0f} "
        f"{row['best-practices']:5.0f} {row['seo']:5.0f} {row['fcp'] / 1000:6.2f}s "
        f"{row['lcp'] / 1000:6.2f}s {row['tbt']:6.0f} {row['cls']:6.3f} "
        f"{row['transfer'] / 1024:7.1f} {row['load']:5.1f}  {row['page']}"
        + (f"  ({notes})" if notes else "")
    )


def script_sizes(site: Path) -> list[tuple[str, int, int]]:
    """(script, gzip bytes as served, budget) of each budgeted script that exists."""
    sizes = []
    for name, budget in SCRIPT_BUDGETS.items():
        path = STATIC / name
        if not path.exists():
            continue
        served = site / "_static" / name  # what readers download (search-th.js is minified)
        sizes.append((name, gz(served if served.is_file() else path), budget))
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=[], help="only pages matching these globs")
    parser.add_argument("--check", action="store_true", help="exit 1 if a page misses a bar")
    parser.add_argument("--details", action="store_true", help="print what each page costs")
    parser.add_argument("--json", type=Path, help="also write the table as JSON here")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown here")
    parser.add_argument("--reports", type=Path, help="keep every Lighthouse JSON report here")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci` in the repository first.", file=sys.stderr)
        return 2
    site = args.site.resolve()
    pages = site_pages(site)
    if args.pages:
        pages = [p for p in pages if any(fnmatch.fnmatch(p, g) for g in args.pages)]
    if not pages:
        print(f"no page of {site} matches {args.pages}", file=sys.stderr)
        return 2

    handler = functools.partial(GzipHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    print(
        f"{len(pages)} pages x {args.runs} runs; load average {load_before:.2f} "
        f"({os.cpu_count()} cores; a busy CPU lowers performance, TBT most)\n" + HEADER
    )
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for rel in pages:
            load = os.getloadavg()[0]
            runs = [
                run_lighthouse(
                    base + rel,
                    Path(tmp) / "r.json",
                    args.reports / f"{rel.replace('/', '__')}.{n}.json" if args.reports else None,
                )
                for n in range(args.runs)
            ]
            row = median_row(rel, runs, (load + os.getloadavg()[0]) / 2)
            row["html_gzip"] = gz(site / rel)
            rows.append(row)
            print(line(row), flush=True)
            if args.details:
                for detail in row["details"]:
                    print(f"        {detail}", flush=True)
    server.shutdown()
    server.server_close()

    load_after = os.getloadavg()[0]
    minutes = (time.monotonic() - started) / 60
    table = markdown_table(rows)
    table += (
        f"\n\nMedian of {args.runs} runs; load average {load_before:.2f} before, "
        f"{load_after:.2f} after (the load column: the 1-minute average while the page was "
        f"measured); {minutes:.1f} minutes."
    )
    print("\n" + table)
    if args.markdown:
        args.markdown.write_text(table + "\n", encoding="utf-8")
    perf = [r["performance"] for r in rows]
    missing = [r for r in rows if r["misses"]]
    print(
        f"\n{len(rows)} pages (median of {args.runs} runs): performance "
        f"{min(perf):.0f}-{max(perf):.0f} (median {statistics.median(perf):.0f}); "
        f"{len(rows) - len(missing)} of {len(rows)} meet every bar"
    )
    for r in missing:
        print(f"  {r['page']}: {'; '.join(r['misses'])}")

    print("\nfeature scripts (gzip bytes / budget):")
    over = 0
    for name, size, budget in script_sizes(site):
        over += size > budget
        print(f"  {name:16} {size:7d} / {budget:7d}  {'OK' if size <= budget else 'OVER'}")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print(
        f"\ntook {minutes:.1f} minutes ({minutes * 60 / (len(pages) * args.runs):.0f} s a "
        f"Lighthouse run); load average {load_before:.2f} -> {load_after:.2f}"
    )
    if args.check and (missing or over):
        print(
            f"CHECK FAILED: {len(missing)} page(s) miss a bar, {over} script(s) over budget",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
