"""Audit of issue 11, points 6 and 8, read from the source as the next maintainer would:

- no test waits a fixed time: a ``time.sleep`` only inside a loop that polls a condition, no
  Playwright ``wait_for_timeout`` (a fixed wait passes when the code is slow and fails when
  the machine is);
- no assertion that cannot fail (``assert True``, ``assert callable(...)``, a constant);
- every browser test is marked ``browser`` by its fixture, so ``-m "not browser"`` starts no
  Chromium: each test that reaches the ``browser`` fixture (directly or through ``page`` /
  ``context``) carries the mark after collection;
- the scripts, like the package's modules (``tests/test_structure.py``), stay under 400 lines.
"""

from __future__ import annotations

import ast
import contextlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = sorted((ROOT / "tests").glob("*.py"))


def _calls(tree: ast.AST, attribute: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == attribute
    ]


def _inside_a_polling_loop(tree: ast.AST, call: ast.Call) -> bool:
    """Is ``call`` in the body of a ``while`` loop (it waits for a condition, a short step at a
    time, however slow the machine)?"""
    return any(
        isinstance(node, ast.While) and any(inner is call for inner in ast.walk(node))
        for node in ast.walk(tree)
    )


def _sources() -> list[tuple[Path, ast.AST]]:
    found = []
    for path in TESTS:
        tree = ast.parse(path.read_text("utf-8"))
        found.append((path, tree))
        # code a test runs in another process, written as a string (e.g. a concurrent reader)
        for node in ast.walk(tree):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and ("sleep(" in text or "wait_for_timeout(" in text):
                with contextlib.suppress(SyntaxError):
                    found.append((path, ast.parse(text)))
    return found


def test_no_test_waits_a_fixed_time() -> None:
    fixed = [
        f"{path.name}:{call.lineno}"
        for path, tree in _sources()
        for call in _calls(tree, "sleep")
        if not _inside_a_polling_loop(tree, call)
    ]
    fixed += [
        f"{path.name}:{call.lineno}"
        for path, tree in _sources()
        for call in _calls(tree, "wait_for_timeout")
    ]
    assert not fixed, f"wait on a condition (expect, wait_for_function, a polling loop): {fixed}"


def _cannot_fail(test: ast.Assert) -> bool:
    value = test.test
    if isinstance(value, ast.Constant):
        return bool(value.value)
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "callable"
    )


def test_no_assertion_that_cannot_fail() -> None:
    found = [
        f"{path.name}:{node.lineno}: {ast.unparse(node)[:60]}"
        for path in TESTS
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Assert) and _cannot_fail(node)
    ]
    assert not found, "check what the code does instead:\n" + "\n".join(found)


def test_every_browser_test_is_marked_by_its_fixture(request: pytest.FixtureRequest) -> None:
    """Collected in this session: the mark follows the fixture (``conftest.py``)."""
    session = request.session
    unmarked = [
        item.nodeid
        for item in session.items
        if "browser" in getattr(item, "fixturenames", ())
        and item.get_closest_marker("browser") is None
    ]
    assert not unmarked, unmarked
    if not any("browser" in getattr(i, "fixturenames", ()) for i in session.items):
        # run alone: collect the browser tests of one file to see the mark on them
        from _pytest.config import ExitCode

        class Seen:
            def __init__(self) -> None:
                self.items: list[pytest.Item] = []

            def pytest_collection_finish(self, session: pytest.Session) -> None:
                self.items = list(session.items)

        seen = Seen()

        code = pytest.main(
            ["--collect-only", "-q", "-p", "no:cacheprovider", str(ROOT / "tests/test_site.py")],
            plugins=[seen],
        )
        assert code == ExitCode.OK
        browser = [i for i in seen.items if "browser" in getattr(i, "fixturenames", ())]
        assert browser, "test_site.py has no browser test to look at"
        assert all(i.get_closest_marker("browser") for i in browser)


def test_scripts_are_under_400_lines() -> None:
    long = {
        p.name: n
        for p in sorted((ROOT / "scripts").glob("*.py"))
        if (n := len(p.read_text("utf-8").splitlines())) >= 400
    }
    assert not long, f"split these scripts by subject: {long}"
