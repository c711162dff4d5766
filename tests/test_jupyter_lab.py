"""The handbook in a real JupyterLab, as a staff member uses it: ``scripts/lab.sh`` on loopback,
a double-click opens a page as a notebook, Run All, tick, save, and the saved file imported into
the website's checklist; a worked example's control recomputes its result.

Screenshots of each step go to ``$SOP_SCREENSHOTS`` when it is set (to look at them).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest

from .support import open_checklist

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Lab:
    """A running ``scripts/lab.sh``: its address, results folder and output."""

    def __init__(self, url: str, results: Path, process: subprocess.Popen[str]) -> None:
        self.url = url
        self.results = results
        self.process = process


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    """``bash scripts/lab.sh`` on a free loopback port (set-up skipped: the venv is ready)."""
    results = tmp_path_factory.mktemp("results")
    log = tmp_path_factory.mktemp("lab") / "lab.log"
    env = dict(os.environ, SOP_RESULTS_DIR=str(results), SOP_VENV=str(Path(sys.prefix)))
    port = _free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "lab.sh"), "--no-setup", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        deadline = time.monotonic() + 120
        url = None
        while time.monotonic() < deadline and process.poll() is None:
            found = re.search(r"http://127\.0\.0\.1:\d+/lab/tree/book\?token=\w+", log.read_text())
            if found:
                url = found[0]
                try:
                    with urlopen(url.replace("/lab/tree/book", "/api/status"), timeout=5) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
            time.sleep(0.5)  # polling the server's start, not waiting a fixed time
        else:
            pytest.fail(f"JupyterLab did not start:\n{log.read_text()[-3000:]}")
        assert url is not None
        yield Lab(url, results, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def jl(browser: Any, lab: Lab) -> Iterator[Any]:
    """A JupyterLab tab; requests off the machine are blocked and counted."""
    from playwright.sync_api import expect

    # JupyterLab and its kernels start slowly on a busy 2-core machine.
    expect.set_options(timeout=120_000)
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="th-TH")
    blocked: list[str] = []

    def route(r: Any) -> None:
        if r.request.url.startswith("http://127.0.0.1:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    page = ctx.new_page()
    page.blocked = blocked
    page.set_default_timeout(120_000)
    yield page
    ctx.close()


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("SOP_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


def _open_by_double_click(page: Any, lab: Lab, *path: str) -> Any:
    from playwright.sync_api import expect

    page.goto(lab.url + "&reset")  # a fresh workspace: no tabs restored from an earlier run
    listing = page.locator(".jp-DirListing-content")
    for part in path:
        item = listing.locator(".jp-DirListing-item", has=page.get_by_text(part, exact=True))
        expect(item).to_be_visible()
        item.dblclick()
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(notebook.locator(".jp-Notebook")).to_be_visible()
    # The kernel has started when the status bar says so.
    expect(page.locator(".jp-StatusBar-TextItem", has_text="Idle").first).to_be_visible()
    return notebook


def _run_all(page: Any) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()


def _no_widget_errors(page: Any) -> None:
    text = page.locator(".jp-Notebook").first.inner_text()
    assert "model not found" not in text and "Error displaying widget" not in text


def test_self_check_in_jupyterlab_to_the_website(
    jl: Any, lab: Lab, page: Any, site_url: str
) -> None:
    from playwright.sync_api import expect

    source = ROOT / "book" / "self-check" / "jupyter.md"
    before = source.read_bytes()
    notebook = _open_by_double_click(jl, lab, "self-check", "jupyter.md")
    _run_all(jl)
    app = notebook.locator(".jp-OutputArea-output .widget-dropdown").first
    expect(app).to_be_visible()
    summary = notebook.locator(".sop-widget-summary").first
    expect(summary).to_contain_text("มาตรฐานข้อ ๑: ยังไม่ได้ประเมิน")  # a fresh form: not assessed
    _shot(jl, "1-self-check-run-all")
    # The demo cell's answers are not applied to the person's form.
    expect(summary).not_to_contain_text("ระดับ ๓ จาก ๕")
    form = app.locator("xpath=ancestor::div[contains(@class,'jp-OutputArea-output')]")
    form.locator(".widget-text input").first.fill("นางสาวทดลอง ใช้จูปิเตอร์")
    first_statement = form.locator(".widget-radio-box").first
    first_statement.get_by_text("เป็นจริง", exact=True).click()
    expect(summary).to_contain_text("มาตรฐานข้อ ๑: ระดับ ๑ จาก ๕")
    form.get_by_role("button", name="บันทึก").click()
    saved = lab.results / "director-standards.json"
    expect(form.get_by_text(str(saved), exact=False)).to_be_visible()
    _shot(jl, "2-self-check-saved")
    _no_widget_errors(jl)
    assert saved.is_file()

    # Saving the page from JupyterLab leaves the handbook page as it was.
    jl.keyboard.press("Control+s")
    expect(jl.locator(".jp-mod-dirty")).to_have_count(0)
    assert source.read_bytes() == before

    # The kernel outlives the browser tab: reopening and running again shows no widget error.
    notebook = _open_by_double_click(jl, lab, "self-check", "jupyter.md")
    _run_all(jl)
    expect(notebook.locator(".sop-widget-summary").first).to_be_visible()
    _no_widget_errors(jl)
    assert jl.blocked == []

    # The file saved in Jupyter imports into the website's checklist.
    site_form = open_checklist(page, site_url, "self-check/director.html", "director-standards")
    page.once("dialog", lambda dialog: dialog.accept())  # "replace the saved answers?"
    site_form.locator('input[data-action="import"]').set_input_files(str(saved))
    level = site_form.locator('output[data-level-for="std1"]')
    expect(level).to_have_attribute("data-level", "1")
    _shot(page, "3-website-import")
    assert page.watch.blocked == []


def test_worked_example_control_recomputes(jl: Any, lab: Lab) -> None:
    from playwright.sync_api import expect

    notebook = _open_by_double_click(jl, lab, "examples", "budget-analysis-per-student-subsidy.md")
    # The page's admonition is rendered (jupyterlab-myst), not shown as raw ":::" text.
    question = notebook.get_by_role("complementary").filter(has_text="คำถาม").first
    expect(question).to_be_visible()
    _shot(jl, "4-example-opened")
    assert ":::" not in notebook.locator(".jp-MarkdownCell").first.inner_text()
    _run_all(jl)
    primary = (
        notebook.locator(".widget-inline-hbox")
        .filter(has=jl.get_by_text("ประถม", exact=True))
        .locator("input")
    )
    # The live control's output is the first with a total (a later cell prints the start values).
    result = notebook.locator(".jp-OutputArea-output", has_text="รวมทั้งปี").first
    # 12, 85 and 40 pupils at the rates of the page's data (as sop_helpers.calculators gives)
    expect(result).to_contain_text("รวมทั้งปี 347,652.00 บาท")
    # A glued value shows in Jupyter under its cell (MyST's {glue} is not filled there).
    expect(notebook.get_by_text("ค่าในข้อความด้านล่าง").first).to_be_visible()
    primary.fill("86")
    primary.press("Enter")
    expect(result).to_contain_text("รวมทั้งปี 349,704.00 บาท")  # one more primary pupil
    _shot(jl, "5-example-control")
    _no_widget_errors(jl)
    assert jl.blocked == []
