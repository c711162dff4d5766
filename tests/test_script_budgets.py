"""Each shipped script stays within its gzip budget (decision 10).

The budgets are stated once, in ``scripts/bench_lighthouse.py`` (``SCRIPT_BUDGETS``, with why
each is what it is); this test reads that table. Sizes are gzip bytes at level 6, what a static
host sends, so readable code need not be traded for bytes.
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "sop_helpers" / "sphinx_ext" / "static"

_spec = importlib.util.spec_from_file_location(
    "bench_lighthouse", ROOT / "scripts" / "bench_lighthouse.py"
)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
BUDGETS: dict[str, int] = bench.SCRIPT_BUDGETS

# Over budget on main and owned by another part of the work: strict, so the mark must go the
# day the script fits.
KNOWN_OVER = {"search-th.js": "search-th.js (helper content) is 14.3 KB gzip against 12 KB"}


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def test_every_shipped_script_has_a_budget() -> None:
    shipped = {p.name for p in STATIC.glob("*.js")}
    assert shipped, STATIC
    assert not shipped - set(BUDGETS), f"scripts without a budget: {sorted(shipped - set(BUDGETS))}"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_OVER[n]))
        if n in KNOWN_OVER
        else n
        for n in sorted(n for n in BUDGETS if (STATIC / n).exists())
    ],
)
def test_script_within_its_gzip_budget(name: str) -> None:
    size = gzip_size(STATIC / name)
    assert size <= BUDGETS[name], f"{name} is {size} bytes gzip, budget {BUDGETS[name]}"


def test_budget_counts_gzip_bytes(tmp_path: Path) -> None:
    """Readable (repetitive) code costs little: the measure is compressed bytes, not raw."""
    script = tmp_path / "x.js"
    script.write_text("const longReadableName = 1;\n" * 500, encoding="utf-8")
    assert gzip_size(script) < script.stat().st_size / 20
