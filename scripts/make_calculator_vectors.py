"""Write tests/vectors/calculators.json: the cases both calculator implementations must pass.

Each case of scripts/calculator_cases.yml is written by hand with the figures that matter worked
out on paper (``check``); this script fails if the Python calculators disagree with any of them,
then stores the full expected result (values, worked lines, words, errors) of
``sop_helpers.calculators`` for every case. tests/test_examples_calculators.py runs the Python
functions against the file and the browser calculators (calculator.js in Chromium) against the
same file. To add a case, add a line to the YAML file and run this script.

Usage: .venv/bin/python scripts/make_calculator_vectors.py   (review the diff before committing)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "tests" / "vectors" / "calculators.json"

CASES_FILE = ROOT / "scripts" / "calculator_cases.yml"
E = "errors"


def hand_cases() -> list[tuple[str, str, dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """(id, calculator, data, inputs, check) of every hand-worked case, in the file's order."""
    table = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    return [
        (
            c["id"],
            c["calculator"],
            table["data"][c["data"]] if "data" in c else {},
            c["inputs"],
            c["check"],
        )
        for c in table["cases"]
    ]


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from sop_helpers.calculators import compute

    cases = []
    wrong = []
    for case_id, kind, data, inputs, check in hand_cases():
        result = compute(kind, data, inputs)
        for key, expected in check.items():
            if key == E:
                got = result.get("errors")
            elif key in ("words", "illustrative", "result", "warning", "lines"):
                got = result.get(key)
            elif key == "last_line":
                got = (result.get("lines") or [""])[-1]
            else:
                got = (result.get("values") or {}).get(key)
            if got != expected:
                wrong.append(f"{case_id}: {key} = {got!r}, worked out {expected!r}")
        cases.append(
            {"id": case_id, "calculator": kind, "data": data, "inputs": inputs, "expect": result}
        )
    if wrong:
        print("\n".join(wrong), file=sys.stderr)
        return 1
    TARGET.write_text(
        json.dumps({"version": 1, "cases": cases}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{TARGET.relative_to(ROOT)}: {len(cases)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
