"""Set-up shared by the tests (and scripts/bench_site.py): the handbook's data, results files,
a site served on loopback, and the steps a reader takes in the browser (open a checklist page,
fill in the person, answer and send a quiz, download a file, load files into the team view).

Each helper does what the reader does and waits on a condition, never a fixed time; what a test
checks stays in the test.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gzip
import os
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sop_helpers import load_checklists, load_procedures, make_results
from sop_helpers.checklists import Checklist
from sop_helpers.procedures import Procedure
from sop_helpers.results import results_json

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class PageLoad:
    """What loading one page with an empty cache cost."""

    url: str
    requests: int = 0
    gzip_bytes: int = 0
    raw_bytes: int = 0
    files: list[tuple[str, int]] = field(default_factory=list)


def load_and_weigh(page: Any, url: str) -> PageLoad:
    """Open ``url`` and count every response until the network is idle.

    Weight is the gzip-compressed size of each response body (what a server with compression
    sends; woff2 and images barely shrink), so the figure does not depend on the test server.
    """
    from playwright.sync_api import Error as PlaywrightError

    load = PageLoad(url)
    responses: list[Any] = []

    def collect(response: Any) -> None:
        responses.append(response)

    page.on("response", collect)
    page.goto(url, wait_until="networkidle")
    page.remove_listener("response", collect)
    for response in responses:
        try:
            body = response.body()
        except PlaywrightError:  # a response without a body (a redirect) weighs nothing
            body = b""
        size = len(gzip.compress(body, compresslevel=6)) if body else 0
        load.requests += 1
        load.raw_bytes += len(body)
        load.gzip_bytes += size
        load.files.append((response.url, size))
    return load


def sphinx_build(
    src: Path, out: Path, env: dict[str, str] | None = None, *, nitpicky: bool = False
) -> subprocess.CompletedProcess[str]:
    """Build a small Sphinx project to HTML with warnings as errors, in a subprocess.

    ``env`` adds variables (e.g. ``SOP_CHECKLISTS_DIR``) to this process's environment.
    """
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html"]
    if nitpicky:
        command.append("-n")
    return subprocess.run(
        [*command, str(src), str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


# ------------------------------------------------------------------ the handbook's own data


@functools.cache
def procedures() -> Mapping[str, Procedure]:
    """The handbook's procedures (book/data/procedures), read once per test run."""
    return load_procedures(ROOT / "book" / "data" / "procedures")


@functools.cache
def checklists() -> Mapping[str, Checklist]:
    """The handbook's checklists (checklists/), read once per test run."""
    return load_checklists(ROOT / "checklists", procedures())


# ------------------------------------------------------------------ results files

NAME = "นางสาวสมหญิง ใจดี"
POSITION = "นักวิเคราะห์นโยบายและแผน"


def results_file(
    checklist_id: str,
    answers: Mapping[str, Any],
    *,
    name: str = NAME,
    position: str = POSITION,
    when: dt.datetime | None = None,
) -> bytes:
    """A results file as a checklist page exports it, for plain answers (item id -> value)."""
    results = make_results(
        checklists()[checklist_id], answers, name=name, position=position, now=when
    )
    return results_json(results).encode("utf-8")


def write_files(folder: Path, files: Iterable[tuple[str, bytes]]) -> list[str]:
    """Write ``(name, content)`` files into ``folder``; their paths, in order."""
    paths = []
    for name, content in files:
        (folder / name).write_bytes(content)
        paths.append(str(folder / name))
    return paths


# ------------------------------------------------------------------ a site on loopback


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` over HTTP on loopback while the block runs; its URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# ------------------------------------------------------------------ a reader in the browser


def at_width(page: Any, width: int | None, height: int = 900) -> None:
    """Size the page's viewport as a phone (360) or an office PC (1,280); None keeps it."""
    if width is not None:
        page.set_viewport_size({"width": width, "height": height})


def unfold(target: Any) -> None:
    """Open the folded ``<details>`` (another fiscal year's calendar) that hides ``target``, as a
    reader would: a click on its summary."""
    folded = target.locator("xpath=ancestor::details[not(@open)]")
    if folded.count():
        folded.first.locator("summary").first.click()


def checklist_form(page: Any, checklist_id: str) -> Any:
    """The form of one checklist on the open page, once its script has enhanced it."""
    form = page.locator(f'form[data-checklist-id="{checklist_id}"]')
    form.locator(".sop-cl-tools").wait_for(state="visible")
    return form


def self_check_page(checklist_id: str) -> str:
    """The self-check page that holds a checklist (its procedure's), relative to the site."""
    return f"self-check/{checklists()[checklist_id].procedure}.html"


def open_checklist(
    page: Any, url: str, path: str, checklist_id: str, *, width: int | None = None
) -> Any:
    """Open a checklist page (``url`` + ``path``) and wait until the checklist's form is ready."""
    at_width(page, width)
    page.goto(url + path)
    return checklist_form(page, checklist_id)


def fill_person(form: Any, name: str = NAME, position: str = POSITION) -> None:
    """Type a name and a position in the form's person box."""
    form.locator('input[data-person="name"]').fill(name)
    form.locator('input[data-person="position"]').fill(position)


def answer_box(
    form: Any, checklist_id: str, item_id: str, value: bool = True, *, tick: bool = False
) -> Any:
    """The input a reader answers ``item_id`` with: its tick box (``tick``), else its yes (true)
    or no (false) choice."""
    part = "done" if tick else ("yes" if value else "no")
    return form.locator(f"#cl-{checklist_id}-{item_id.replace('.', '-')}-{part}")


def answer_quiz(form: Any, quiz: Checklist, right: int) -> None:
    """Answer every question of ``quiz``: the first ``right`` rightly, the rest wrongly."""
    for n, q in enumerate(quiz.items):
        ids = (
            list(q.answer) if n < right else [next(o.id for o in q.options if o.id not in q.answer)]
        )
        for o in q.options:
            box = form.locator(f"#cl-{quiz.id}-{q.id}-o-{o.id}")
            if o.id in ids:
                box.check()
            elif q.multiple:
                box.uncheck()


def send_quiz(form: Any) -> None:
    """Press the quiz's send button and wait until the attempt is sent (its retry shows)."""
    form.locator('[data-action="quiz-submit"]').click()
    form.locator('[data-action="quiz-retry"]').wait_for(state="visible")


def download(page: Any, button: Any) -> Any:
    """Click ``button`` and return the file it downloads (a Playwright ``Download``)."""
    with page.expect_download() as got:
        button.click()
    return got.value


def save_download(page: Any, button: Any, target: Path) -> Path:
    """Click ``button`` and save the file it downloads as ``target`` (a folder: under the name
    the page gave it); its path."""
    got = download(page, button)
    if target.is_dir():
        target = target / got.suggested_filename
    got.save_as(target)
    return target


def export_json(page: Any, form: Any, target: Path) -> Path:
    """Export a checklist form's results file (its JSON button) and save it as ``target`` (a
    folder: under the page's file name)."""
    return save_download(page, form.locator('[data-action="export-json"]'), target)


PRINT_FORM = "body > .sop-print-form"


def show_print_form(page: Any, form: Any) -> Any:
    """Press the form's print button with printing stubbed out; the office form put up for print."""
    page.evaluate("() => { window.print = () => {}; }")
    form.locator('[data-action="print"]').click()
    page.wait_for_selector(PRINT_FORM, state="attached")  # print-form.js is fetched on the click
    return page.locator(PRINT_FORM)


def print_to_pdf(page: Any, form: Any, pdf: Path) -> Path:
    """Press the form's print button (printing counted, not done) and save as an A4 PDF what
    the print media shows once the page has printed exactly once."""
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"
    )
    form.locator('[data-action="print"]').click()
    page.wait_for_function("window.__printed === 1")  # print-form.js fetched, then prints once
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    return pdf


TEAM_PAGE = "team/index.html"
TEAM_MATRIX = ".sop-team-output table.sop-team-matrix"


def open_team(
    page: Any,
    url: str,
    files: Sequence[str | Path] = (),
    *,
    width: int | None = None,
    wait_for: str | None = TEAM_MATRIX,
) -> None:
    """Open the team page and give it ``files``; wait for ``wait_for`` (the table) to show."""
    at_width(page, width)
    page.goto(url + TEAM_PAGE, wait_until="networkidle")
    if files:
        page.set_input_files("#sop-team-files", [str(f) for f in files])
        if wait_for:
            page.wait_for_selector(wait_for)


def team_tables(page: Any) -> dict[str, list[list[str]]]:
    """Every table the team page shows, by its caption: the text of each body row's cells."""
    tables: dict[str, list[list[str]]] = page.evaluate(
        """() => Object.fromEntries(
           [...document.querySelectorAll('.sop-team-output table')].map(t =>
             [t.caption.textContent,
              [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.textContent))]))"""
    )
    return tables


def team_lines(page: Any, headings: Sequence[str]) -> list[dict[str, list[str]]]:
    """Each row of the team table: the lines (``.sop-team-line``) of its cell under each heading."""
    heads = [h.strip() for h in page.locator(f"{TEAM_MATRIX} thead th").all_inner_texts()]
    rows: list[dict[str, list[str]]] = page.evaluate(
        """([matrix, cols]) => [...document.querySelectorAll(matrix + ' tbody tr')].map(r =>
             Object.fromEntries(cols.map(([h, i]) => [h, [...r.cells[i]
               .querySelectorAll(':scope > .sop-team-line')].map(s => s.textContent)])))""",
        [TEAM_MATRIX, [[h, heads.index(h)] for h in headings]],
    )
    return rows
