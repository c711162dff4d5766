"""The Lighthouse benchmark as the lead uses it at the end: a gate on issue 17's bars.

Lighthouse itself is not run here (a run takes about a minute a page); its runs are replaced by
reports of a known shape, and the script must print each page's figures and the load, name the
bars a page misses and, with ``--check``, exit non-zero exactly when one is missed.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

spec = importlib.util.spec_from_file_location(
    "bench_lighthouse", ROOT / "scripts" / "bench_lighthouse.py"
)
assert spec and spec.loader
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

GOOD = {
    "performance": 0.97,
    "accessibility": 1,
    "best-practices": 1,
    "seo": 1,
    "first-contentful-paint": 1200.0,
    "largest-contentful-paint": 1700.0,
    "total-blocking-time": 80.0,
    "cumulative-layout-shift": 0.0,
    "total-byte-weight": 90_000.0,
}


def report(**changes: float) -> dict[str, Any]:
    """A Lighthouse JSON report with the figures of ``GOOD`` changed by ``changes``."""
    figures = {**GOOD, **{k.replace("_", "-"): v for k, v in changes.items()}}
    audits: dict[str, Any] = {
        audit: {"numericValue": figures[audit], "score": 1} for audit in bench.METRICS.values()
    }
    audits["document-title"] = {"score": 1}
    audits["long-tasks"] = {
        "details": {"items": [{"url": "http://127.0.0.1:1/_static/x.js?v=1", "duration": 120}]}
    }
    audits["layout-shifts"] = {
        "details": {"items": [{"score": 0.02, "node": {"selector": "form > fieldset"}}]}
    }
    categories = {
        c: {"score": figures[c], "auditRefs": [{"id": "document-title", "weight": 1}]}
        for c in bench.CATEGORIES
    }
    return {"categories": categories, "audits": audits}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for page in ("index.html", "glossary.html", "self-check/director.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<!doctype html><title>x</title>", encoding="utf-8")
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "skipped.html").write_text("x", encoding="utf-8")
    (tmp_path / "_static" / "sop.js").write_text("// small\n", encoding="utf-8")
    return tmp_path


def run(monkeypatch: pytest.MonkeyPatch, site: Path, reports: dict[str, Any], *args: str) -> int:
    """The script's main() with each page's Lighthouse run answered from ``reports``."""

    def fake(url: str, out: Path, keep: Path | None = None) -> dict[str, Any]:
        page = url.split("/", 3)[3]
        return bench.scores_of(reports.get(page, report()))

    monkeypatch.setattr(bench, "run_lighthouse", fake)
    monkeypatch.setattr(bench, "STATIC", site / "_static")
    monkeypatch.setattr(bench, "SCRIPT_BUDGETS", {"sop.js": 3_000})
    monkeypatch.setattr(bench, "LIGHTHOUSE", Path(sys.executable))  # "installed"
    monkeypatch.setattr(sys, "argv", ["bench_lighthouse.py", "--site", str(site), *args])
    result: int = bench.main()
    return result


def test_a_page_below_a_bar_fails_the_check_and_is_named(
    monkeypatch: pytest.MonkeyPatch, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    slow = {"glossary.html": report(performance=0.91, first_contentful_paint=1900.0)}
    assert run(monkeypatch, site, slow, "--runs", "1", "--check") == 1
    out = capsys.readouterr()
    assert "glossary.html: performance 91 < 95; FCP 1.90 s > 1.8 s" in out.out
    assert "2 of 3 meet every bar" in out.out
    assert "CHECK FAILED: 1 page(s) miss a bar" in out.err
    # pages under _static are not pages of the site
    assert "skipped" not in out.out


def test_every_bar_met_passes_and_the_table_has_each_figure(
    monkeypatch: pytest.MonkeyPatch, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, site, {}, "--runs", "3", "--check", "--details") == 0
    out = capsys.readouterr().out
    header = "| page | perf | a11y | BP | SEO | FCP s | LCP s | TBT ms | CLS | transfer KB | load |"
    assert header in out
    row = next(line for line in out.splitlines() if line.startswith("| glossary.html |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1:10] == ["97", "100", "100", "100", "1.20", "1.70", "80", "0.000", "87.9"]
    float(cells[10])  # the load average while the page was measured
    assert "3 of 3 meet every bar" in out
    assert "took " in out and " minutes" in out
    # --details says what costs, as Lighthouse attributes it
    assert "long tasks: _static/x.js 120 ms" in out
    assert "shift 0.0200: form > fieldset" in out


def test_without_check_a_miss_is_reported_but_does_not_fail(
    monkeypatch: pytest.MonkeyPatch, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {"index.html": report(seo=0.9)}
    assert run(monkeypatch, site, bad, "--runs", "1") == 0
    assert "index.html: SEO 90 < 100" in capsys.readouterr().out


def test_a_script_over_its_budget_fails_the_check(
    monkeypatch: pytest.MonkeyPatch, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (site / "_static" / "sop.js").write_bytes(random.Random(1).randbytes(10_000))  # no gzip gain
    assert run(monkeypatch, site, {}, "--runs", "1", "--check") == 1
    out = capsys.readouterr()
    assert "OVER" in out.out and "1 script(s) over budget" in out.err


def test_the_median_of_the_runs_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = [bench.scores_of(report(performance=p)) for p in (0.80, 0.99, 0.96)]
    row = bench.median_row("index.html", runs, 1.5)
    assert row["performance"] == 96 and row["misses"] == []
