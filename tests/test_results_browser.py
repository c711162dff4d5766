"""The results contract in Chromium (SopCore, SopChecklist.read): the same vectors as Python,
the same Thai messages, the same person rule, and a fuzz run comparing both parsers file by file."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from sop_helpers import load_checklist

from . import support
from .test_results_contract import CASES, PROCEDURES, ROOT, mutated_files, resolve, verdict

pytestmark = pytest.mark.browser

PAGE = "self-check/director.html"
# the titles the site's pages carry (<script class="sop-cl-titles">): a file of another
# checklist is named by its Thai title in both languages
SITE_TITLES = {k: c.title for k, c in support.checklists().items()}
PEOPLE = json.loads((ROOT / "tests" / "vectors" / "person_key.json").read_text("utf-8"))["cases"]

# What the browser says about a file, in the vectors' terms (as verdict() in Python).
BROWSER_VERDICT = """([data, model]) => {
  if (model) {
    const r = window.SopChecklist.read(data, model);
    if (!r.ok) return {verdict: "reject", key: r.key, place: r.place, message: r.message};
    const migrated = r.dropped.length > 0 || r.version !== model.version ||
      (("format_version" in data) ? data.format_version : 1) !== 2;
    return {verdict: "accept", migrated, kept: Object.keys(r.kept).sort(), dropped: r.dropped};
  }
  const c = window.SopCore.contract.checkFile(data);
  if (!c.ok) return {verdict: "reject", key: c.key, place: c.place, message: c.message};
  return {verdict: "accept", migrated: c.migrated, files: c.files.length};
}"""


@pytest.fixture
def core_page(page: Any, site_url: str) -> Any:
    page.goto(site_url + PAGE)
    page.wait_for_function("window.SopCore && window.SopChecklist")
    return page


def _model(path: str | None) -> Any:
    return load_checklist(ROOT / path, PROCEDURES).to_json() if path else None


def test_browser_agrees_with_every_vector(core_page: Any) -> None:
    inputs = []
    for case in CASES:
        path = case.get("checklist")
        data = (
            resolve(case["file"], load_checklist(ROOT / path, PROCEDURES)) if path else case["file"]
        )
        inputs.append([data, _model(path)])
    got = core_page.evaluate(f"cases => cases.map({BROWSER_VERDICT})", inputs)
    for case, browser in zip(CASES, got, strict=True):
        python = verdict(case["file"], case.get("checklist"), SITE_TITLES)
        assert browser["verdict"] == case["verdict"], (case["name"], browser)
        if case["verdict"] == "reject":
            assert (browser["key"], browser["place"]) == (case["key"], case["place"]), case["name"]
            assert browser["message"] == python["message"], case["name"]  # word for word
        else:
            for key in ("migrated", "files", "kept", "dropped"):
                if key in case:
                    assert browser[key] == case[key], (case["name"], key)
    assert core_page.watch.console_errors == []


def test_browser_person_key_matches_the_vectors(core_page: Any) -> None:
    got = core_page.evaluate(
        "names => names.map(n => window.SopCore.personKey(n))", [c["name"] for c in PEOPLE]
    )
    assert got == [c["key"] for c in PEOPLE]


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=mutated_files())
def test_fuzz_browser_and_python_agree(core_page: Any, data: Any) -> None:
    data = json.loads(json.dumps(data))  # what a file can hold
    python = verdict(data)
    browser = core_page.evaluate(BROWSER_VERDICT, [data, None])
    assert (browser["verdict"], browser.get("key")) == (python["verdict"], python.get("key")), data
    if python["verdict"] == "reject":
        assert browser["place"] == python["place"], data
        assert browser["message"] == python["message"], data
