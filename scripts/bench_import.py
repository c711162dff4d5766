"""Benchmark (not a test): how long ``import sop_helpers`` takes in a fresh Python process.

Each run starts a new interpreter (``python -c "import sop_helpers"`` against this tree's
``src``) and times it from the outside, so the figure includes the interpreter's own start; a
second set of runs of ``python -c "pass"`` gives that start alone, and the difference is what
the package adds. Prints the median of ``--runs`` runs and which heavy libraries the import
pulled in (none of pandas, pydantic, Sphinx, ipywidgets should be there).

Bar: 0.4 s for ``import sop_helpers`` (median, interpreter start included) on the 2-core build
machine.

Usage: .venv/bin/python scripts/bench_import.py [--runs 9] [--module sop_helpers]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAR_S = 0.4
HEAVY = ("pandas", "numpy", "pydantic", "sphinx", "ipywidgets", "pythainlp", "icalendar", "yaml")


def _run(code: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--module", default="sop_helpers")
    args = parser.parse_args()
    bare = [_run("pass") for _ in range(args.runs)]
    timed = [_run(f"import {args.module}") for _ in range(args.runs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    check = f"import sys, {args.module}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", check], check=True, env=env, capture_output=True, text=True
    ).stdout.split()
    median = statistics.median(timed)
    start = statistics.median(bare)
    print(f"import {args.module}: median {median:.3f} s over {args.runs} fresh processes")
    print(f"  interpreter start alone: {start:.3f} s; the package adds {median - start:.3f} s")
    print(f"  heavy libraries loaded: {', '.join(loaded) or 'none'}")
    verdict = "within" if median < BAR_S else "over"
    print(f"  bar {BAR_S} s: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
