"""Print the package's module map: one line a module (its path, its size, the first sentence
of its docstring), folder by folder.

    .venv/bin/python scripts/module_map.py            # Markdown, for a note or a review
    .venv/bin/python scripts/module_map.py --check    # exit 1 if a module has no docstring

The map is made from the modules themselves, so it cannot go stale; tests/test_structure.py
keeps each module under 400 lines.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sop_helpers"


def first_sentence(text: str) -> str:
    """The docstring's first sentence, on one line ("B.E." and "e.g." end none)."""
    flat = " ".join(text.split())
    return (
        re.split(r"(?<!B\.E)(?<!e\.g)(?<!i\.e)\.(?:\s|$)", flat, maxsplit=1)[0].strip() + "."
        if flat
        else ""
    )


def rows(package: Path | None = None) -> list[tuple[str, int, str]]:
    """(path in the package, lines, summary) of every module, sorted by path."""
    package = package or PACKAGE
    found = []
    for path in sorted(package.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        doc = ast.get_docstring(ast.parse(text)) or ""
        found.append((str(path.relative_to(package)), len(text.splitlines()), first_sentence(doc)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail on a module without docstring")
    args = parser.parse_args(argv)
    table = rows()
    missing = [path for path, _, summary in table if not summary]
    if args.check:
        for path in missing:
            print(f"{PACKAGE.name}/{path}: no docstring (say what the module holds)")
        return 1 if missing else 0
    print("| Module | Lines | What it holds |\n|---|---:|---|")
    for path, lines, summary in table:
        print(f"| `{path}` | {lines} | {summary.replace('|', '/')} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
