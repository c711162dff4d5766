"""Importing a results file never hands the page's person to someone else (reviewer: สมใจ's quiz
score exported under นายก้องภพ's name after she imported his file).

On a checklist page with a name saved, a file (or an "ผลทั้งหมด…" bundle) of another person (by
SopCore's person key, decision 5) is imported only after a confirm that names both people; the
form's answers are then his, but the page's name stays hers on every form, and so does the export
file name. The same person spelled with an honorific or a double space gets the plain confirm.
A page without a name takes the file's. In Chromium at 360 and 1,280 px.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import make_results, save_results
from sop_helpers.results.read import make_bundle
from sop_helpers.wording import TEXTS

from . import support
from .support import download, fill_person, open_checklist

STEPS = support.checklists()["action-plan-steps"]
PAGE = "self-check/action-plan.html"
FORM = 'form[data-checklist-id="action-plan-steps"]'
STANDARDS = 'form[data-checklist-id="action-plan-standards"]'
WIDTHS = [360, 1280]
SOMJAI = ("สมใจ ใจดี", "นักวิเคราะห์นโยบายและแผน")
KONGPHOP = ("นายก้องภพ มั่นคง", "นักวิเคราะห์นโยบายและแผนชำนาญการ")

pytestmark = pytest.mark.browser


def _open(page: Any, site_url: str, width: int) -> Any:
    return open_checklist(page, site_url, PAGE, STEPS.id, width=width)


def _as_somjai(page: Any, form: Any) -> None:
    fill_person(form, *SOMJAI)
    for s in ("s1", "s2"):
        form.locator(f"#cl-action-plan-steps-{s}-done").check()
    page.locator(STANDARDS).locator("#cl-action-plan-standards-std1-yes").check()


def _file(tmp_path: Path, name: str, position: str, bundle: bool = False) -> Path:
    results = make_results(
        STEPS, {f"s{n}": True for n in (5, 6, 7, 8)}, name=name, position=position
    )
    return save_results(make_bundle([results]) if bundle else results, tmp_path / "in.json")


def _import(page: Any, form: Any, path: Path, accept: bool) -> str:
    """Pick the file, answer its confirm; the confirm's text."""
    said: list[str] = []

    def answer(d: Any) -> None:
        said.append(d.message)
        d.accept() if accept else d.dismiss()

    page.once("dialog", answer)
    with page.expect_event("dialog"):
        form.locator('input[data-action="import"]').set_input_files(str(path))
    page.evaluate("() => new Promise((done) => setTimeout(done))")  # the answer has run
    return said[0]


def _names(page: Any) -> list[str]:
    names = page.locator('form.sop-checklist input[data-person="name"]')
    return names.evaluate_all("xs => xs.map(x => x.value)")


def _ticked(form: Any) -> list[str]:
    boxes = form.locator("input[data-item-id]")
    return boxes.evaluate_all("xs => xs.filter(x => x.checked).map(x => x.dataset.itemId)")


def _export_name(page: Any, form: Any) -> str:
    return download(page, form.locator('button[data-action="export-json"]')).suggested_filename


@pytest.mark.parametrize("bundle", [False, True], ids=["file", "bundle"])
@pytest.mark.parametrize("width", WIDTHS)
def test_another_persons_file_never_renames_the_page(
    page: Any, site_url: str, tmp_path: Path, width: int, bundle: bool
) -> None:
    form = _open(page, site_url, width)
    _as_somjai(page, form)
    path = _file(tmp_path, *KONGPHOP, bundle=bundle)
    before = page.evaluate("JSON.stringify(localStorage)")

    text = _import(page, form, path, accept=False)
    assert KONGPHOP[0] in text and SOMJAI[0] in text, text  # whose file, whose page
    assert text != TEXTS["import.confirm"].format(file="in.json")
    # Declined: nothing changed, nothing saved.
    assert _ticked(form) == ["s1", "s2"]
    assert _names(page) == [SOMJAI[0]] * 3
    assert page.evaluate("JSON.stringify(localStorage)") == before

    _import(page, form, path, accept=True)
    page.wait_for_function(
        f"document.querySelector('{FORM} output[data-progress]').dataset.progress === '4/8'"
    )
    assert _ticked(form) == ["s5", "s6", "s7", "s8"]  # this checklist's answers are his
    assert _names(page) == [SOMJAI[0]] * 3  # the page's person stays hers, on every form
    positions = page.locator('form.sop-checklist input[data-person="position"]')
    assert positions.evaluate_all("xs => xs.map(x => x.value)") == [SOMJAI[1]] * 3
    assert json.loads(page.evaluate("localStorage.getItem('sop-person')")) == {
        "name": SOMJAI[0],
        "position": SOMJAI[1],
    }
    # Her other forms keep her answers.
    assert page.locator(STANDARDS).locator("#cl-action-plan-standards-std1-yes").is_checked()
    assert "สมใจ-ใจดี" in _export_name(page, form)
    assert "ก้องภพ" not in _export_name(page, page.locator(STANDARDS))
    saved = json.loads(page.evaluate("localStorage.getItem('sop-checklist:action-plan-steps')"))
    assert saved["person"]["name"] == SOMJAI[0]
    assert page.watch.console_errors == []


@pytest.mark.parametrize("spelled", ["นางสาวสมใจ  ใจดี", "สมใจ  ใจดี"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_same_persons_file_gets_the_plain_confirm(
    page: Any, site_url: str, tmp_path: Path, width: int, spelled: str
) -> None:
    form = _open(page, site_url, width)
    _as_somjai(page, form)
    path = _file(tmp_path, spelled, SOMJAI[1])
    text = _import(page, form, path, accept=True)
    assert text == TEXTS["import.confirm"].format(file="in.json")
    page.wait_for_function(
        f"document.querySelector('{FORM} output[data-progress]').dataset.progress === '4/8'"
    )
    assert _names(page) == [SOMJAI[0]] * 3  # shown as she typed it
    assert page.watch.console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_page_without_a_name_takes_the_files(
    page: Any, site_url: str, tmp_path: Path, width: int
) -> None:
    form = _open(page, site_url, width)
    form.locator("#cl-action-plan-steps-s1-done").check()
    path = _file(tmp_path, *KONGPHOP)
    text = _import(page, form, path, accept=True)
    assert text == TEXTS["import.confirm"].format(file="in.json")
    page.wait_for_function(
        f"document.querySelector('{FORM} output[data-progress]').dataset.progress === '4/8'"
    )
    assert _names(page) == [KONGPHOP[0]] * 3
    assert "ก้องภพ-มั่นคง" in _export_name(page, form)
    assert page.watch.console_errors == []
