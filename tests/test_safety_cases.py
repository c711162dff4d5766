"""Nothing lost, nothing injected: one table of bad inputs (YAML files, imports, team files,
browser storage, exports, embedded JSON), each checked for a Thai message naming the file or
field AND for nothing saved before being lost. Browser cases run in Chromium on the built site.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import ChecklistError, load_checklist, load_checklists, load_procedures
from sop_helpers.output import script_json, sheet_cell, short_list
from sop_helpers.results.messages import field_text
from sop_helpers.results.read import item_names

from . import support
from .support import (
    answer_box,
    checklist_form,
    fill_person,
    open_checklist,
    open_team,
    save_download,
    team_tables,
    write_files,
)
from .test_results_contract import CASES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PROCEDURES = load_procedures(DATA / "procedures")
GOOD = (DATA / "checklists" / "director-standards.yml").read_text("utf-8")
THAI = range(0x0E00, 0x0E80)


def _thai(text: str) -> bool:
    return any(ord(ch) in THAI for ch in text)


# ----------------------------------------------------------------------------- YAML files

BAD_YAML: dict[str, tuple[str, int | None]] = {
    # name: (file text, line the message must name)
    "NUL in a text": (GOOD.replace("(ทดสอบ)", "(ทดสอบ)\x00"), 6),
    "bell character": (GOOD.replace("version: 1", "version: 1\x07"), 3),
    "C1 control U+0085": (GOOD.replace("title:", "title: \x85"), 6),
    "escape character": (GOOD + "\x1b[31m\n", 23),
    "alias": (GOOD + "extra: &a [1]\nmore: *a\n", 24),
    "merge key with an alias": (
        "base: &b {x: 1}\n" + GOOD.replace("id: director", "<<: *b\nid: director", 1),
        3,
    ),
    "alias bomb": (
        "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n"
            for i in range(8)
        ),
        2,
    ),
    "nesting 10000 deep": ("a: " + "[" * 10000 + "]" * 10000 + "\n", 1),
    "duplicate key": (GOOD.replace("version: 1", "version: 1\nversion: 2"), 4),
    "tab indentation": (GOOD.replace("  - id: std2", "\t- id: std2"), 16),
    "unclosed quote": (GOOD.replace("title: แบบ", 'title: "แบบ'), None),
    "unknown field": (GOOD + "colour: red\n", 23),
    "version as text": (GOOD.replace("version: 1", "version: หนึ่ง"), 3),
    "version 0": (GOOD.replace("version: 1", "version: 0"), 3),
    "a list instead of a mapping": ("- id: director-standards\n", 1),
    "empty file": ("", None),
    "unknown kind": (GOOD.replace("kind: standards", "kind: survey"), 4),
    "level out of range": (GOOD.replace("{level: 5}", "{level: 9}"), 15),
}


@pytest.mark.parametrize("name", sorted(BAD_YAML))
def test_bad_checklist_file_names_file_and_line(name: str, tmp_path: Path) -> None:
    text, line = BAD_YAML[name]
    folder = tmp_path / "checklists"
    folder.mkdir()
    (folder / "director-steps.yml").write_text(
        (DATA / "checklists" / "director-steps.yml").read_text("utf-8"), encoding="utf-8"
    )
    bad = folder / "director-standards.yml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ChecklistError) as info:
        load_checklist(bad, PROCEDURES)
    error = info.value
    assert error.source == str(bad)
    assert _thai(error.message), error.message
    if line is not None:
        assert error.line == line, str(error)
    assert str(error).startswith(f"{bad}:")
    # nothing lost: the file is left as it was, the good file of the folder still loads
    assert bad.read_text("utf-8") == text
    assert load_checklist(folder / "director-steps.yml", PROCEDURES).id == "director-steps"


def test_yaml_file_is_an_error_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "checklists"
    folder.mkdir()
    (folder / "director-standards.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(ChecklistError, match=r"\.yaml ไม่ถูกอ่าน.*director-standards\.yml"):
        load_checklists(folder, PROCEDURES)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "director-standards.yml"
    bad.write_bytes(GOOD.encode("utf-8").replace(b"version: 1", b"version: 1 \xff"))
    with pytest.raises(ChecklistError) as info:
        load_checklist(bad, PROCEDURES)
    assert (info.value.line, "UTF-8" in info.value.message) == (3, True)


def test_bad_checklist_file_is_a_build_warning_with_its_place(tmp_path: Path) -> None:
    from .fixture_project import build, make_project

    checklists = tmp_path / "checklists"
    checklists.mkdir()
    bad = checklists / "director-standards.yml"
    bad.write_text(GOOD.replace("(ทดสอบ)", "(ทดสอบ)\x00"), encoding="utf-8")
    src = make_project(tmp_path, {"index": "# หน้าแรก\n\n```{checklist} director-standards\n```\n"})
    shutil.rmtree(src / "data" / "procedures")
    shutil.copytree(DATA / "procedures", src / "data" / "procedures")
    result = build(src, tmp_path / "out", checklists=checklists)
    output = result.stdout + result.stderr
    assert result.returncode != 0  # -W: the warning stops a strict build
    assert f"{bad}:6" in output and "U+0000" in output, output[-2000:]
    assert "Traceback" not in output


# ----------------------------------------------------------------------------- exports, JSON

FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_sheet_cells_neutralise_formulas(text: str) -> None:
    assert sheet_cell(text) == "'" + text
    assert sheet_cell(-2) == -2  # numbers stay numbers


@pytest.mark.parametrize(
    "text", ["<!--<script>", "</script><script>alert(1)</script>", "a\u2028b\u2029c", "x & y > z"]
)
def test_embedded_json_cannot_end_its_script(text: str) -> None:
    out = script_json({"text": text})
    assert not any(ch in out for ch in "<>&\u2028\u2029")
    assert json.loads(out) == {"text": text}


def test_xlsx_text_cells_are_neutralised() -> None:
    import io

    import pandas as pd
    from openpyxl import load_workbook

    from sop_helpers.tables import xlsx_bytes

    data = xlsx_bytes({"ทีม": pd.DataFrame({"ชื่อ": FORMULAS, "คะแนน": range(len(FORMULAS))})})
    sheet = load_workbook(io.BytesIO(data)).active
    names = [sheet.cell(row, 1).value for row in range(2, len(FORMULAS) + 2)]
    assert all(str(v).startswith("'") for v in names)
    assert sheet.cell(2, 2).value == 0  # a number, not text


def test_long_lists_are_cut_with_a_count() -> None:
    text = short_list([f"item{n}" for n in range(200_000)])
    assert len(text) < 200
    assert text.endswith("และอีก ๑๙๙,๙๙๐ รายการ")


# ----------------------------------------------------------------------------- team files

REJECTED = [c for c in CASES if c["verdict"] == "reject" and "checklist" not in c]
SAMPLES = ROOT / "book" / "data" / "sample" / "team"


@pytest.mark.parametrize("case", REJECTED, ids=[c["name"] for c in REJECTED])
def test_bad_team_file_keeps_every_other_row(case: dict[str, Any]) -> None:
    from sop_helpers.team import collect, read_folder

    checklists = support.checklists()
    good, _ = read_folder(SAMPLES, checklists)
    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.glob("*.json"))]
    files.append(("zz-bad.json", json.dumps(case["file"], ensure_ascii=False).encode()))
    entries, rejected = collect(files, checklists)
    assert [e.file for e in entries] == [e.file for e in good]  # nothing lost
    reason = next(r.reason for r in rejected if r.file == "zz-bad.json")
    assert _thai(reason)
    # names the field by its Thai name (never the JSON pointer)
    assert field_text(case["place"]) in reason, reason


# ----------------------------------------------------------------------------- atomic writes


def test_concurrent_readers_never_see_half_a_file(tmp_path: Path) -> None:
    """A writer process saves 300 times while a reader process reads: every read parses."""
    target = tmp_path / "r.json"
    writer = (
        "import sys, datetime as dt\n"
        "from sop_helpers import load_checklist, load_procedures, make_results, save_results\n"
        f"P = load_procedures({str(DATA / 'procedures')!r})\n"
        f"C = load_checklist({str(DATA / 'checklists' / 'director-standards.yml')!r}, P)\n"
        "for n in range(300):\n"
        "    r = make_results(C, {'std3': n % 2 == 0}, name='ก' * (n % 150))\n"
        "    save_results(r, sys.argv[1])\n"
    )
    reader = (
        "import json, sys, time, pathlib\n"
        "p = pathlib.Path(sys.argv[1]); bad = reads = 0; end = time.time() + 60\n"
        "while not p.exists(): time.sleep(0.001)\n"
        "while time.time() < end and not pathlib.Path(sys.argv[2]).exists():\n"
        "    try: json.loads(p.read_text('utf-8')); reads += 1\n"
        "    except ValueError: bad += 1\n"
        "print(reads, bad)\n"
    )
    done = tmp_path / "done"
    env = {"PYTHONPATH": str(ROOT / "src")}
    read = subprocess.Popen(
        [sys.executable, "-c", reader, str(target), str(done)], stdout=subprocess.PIPE, text=True
    )
    subprocess.run([sys.executable, "-c", writer, str(target)], check=True, env=env, timeout=300)
    done.touch()
    out, _ = read.communicate(timeout=120)
    reads, bad = map(int, out.split())
    assert reads > 0 and bad == 0, (reads, bad)
    assert not list(tmp_path.glob(".r.json.*"))  # no temporary file left behind


# ----------------------------------------------------------------------------- in the browser

PAGE = "self-check/director.html"
KEY = "sop-checklist:director-standards"
FORM = 'form[data-checklist-id="director-standards"]'
BOOK_STANDARDS = support.checklists()["director-standards"]
H = {item.id: item.hash for item in BOOK_STANDARDS.items}


def _open(page: Any, site_url: str) -> Any:
    return open_checklist(page, site_url, PAGE, BOOK_STANDARDS.id)


def _checked(form: Any, item: str, value: bool = True) -> bool:
    return bool(answer_box(form, BOOK_STANDARDS.id, item, value).is_checked())


def _stored(page: Any) -> Any:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else None


def _file(answers: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {
        "format": "sop-checklist-results",
        "format_version": 2,
        "checklist": {"id": "director-standards", "version": BOOK_STANDARDS.version},
        "person": {"name": "", "position": ""},
        "created": "2026-11-28T09:00:00+07:00",
        "updated": "2026-11-28T09:30:00+07:00",
        "answers": answers,
        **top,
    }


GOOD_ANSWER = {"value": True, "hash": H["std3"]}
# Items are named as the page shows them (number and text, a removed one counted), never by id;
# shortList cuts a long name at 80 characters.
STD11 = item_names(BOOK_STANDARDS, ["std1.1"])[0][:80]
GONE = item_names(BOOK_STANDARDS, ["gone"])[0]
SAVED: dict[str, tuple[Any, str]] = {
    # name: (what is in storage, words of the message); std3 must survive where it is readable
    "a string true for one answer": (
        _file({"std1.1": {"value": "true", "hash": H["std1.1"]}, "std3": GOOD_ANSWER}),
        STD11,
    ),
    "a bad hash for one answer": (
        _file({"std1.1": {"value": True, "hash": "xyz"}, "std3": GOOD_ANSWER}),
        STD11,
    ),
    "a number for one answer": (
        _file({"std1.1": {"value": 1, "hash": H["std1.1"]}, "std3": GOOD_ANSWER}),
        STD11,
    ),
    "an unknown field in one answer": (
        _file({"std1.1": {"value": True, "hash": H["std1.1"], "x": 1}, "std3": GOOD_ANSWER}),
        STD11,
    ),
    "an invalid updated time": (_file({"std3": GOOD_ANSWER}, updated="yesterday"), ""),
    "updated null": (_file({"std3": GOOD_ANSWER}, updated=None), ""),
    "created an object": (_file({"std3": GOOD_ANSWER}, created={"a": 1}), ""),
    "format_version 99": (_file({"std3": GOOD_ANSWER}, format_version=99), ""),
    "an answer for a removed item": (
        _file({"gone": {"value": True, "hash": "0" * 16}, "std3": GOOD_ANSWER}),
        GONE,
    ),
}


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(SAVED))
def test_one_bad_saved_answer_costs_only_itself(page: Any, site_url: str, name: str) -> None:
    stored, words = SAVED[name]
    _open(page, site_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(stored)])
    page.reload()
    form = checklist_form(page, BOOK_STANDARDS.id)
    assert _checked(form, "std3"), "the good answer was lost"
    message = form.locator(".sop-cl-messages").inner_text()
    if words:
        assert words in message and _thai(message), message
        assert "std1.1" not in message and "gone" not in message, message  # no internal ids
    # after the next save the good answer is still stored; the raw original is kept as a backup
    form.locator("#cl-director-standards-std1-2-yes").check()
    saved = _stored(page)
    assert saved["answers"]["std3"]["value"] is True
    if words and words != GONE:
        backup = page.evaluate(f"localStorage.getItem('sop-backup:{KEY}')")
        assert json.loads(backup) == stored
    assert page.watch.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("raw", ["{oops", "[]", "null", '"text"', "12"])
def test_corrupt_saved_entry_is_kept_as_backup(page: Any, site_url: str, raw: str) -> None:
    _open(page, site_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, raw])
    page.reload()
    form = checklist_form(page, BOOK_STANDARDS.id)
    form.locator("#cl-director-standards-std3-yes").check()
    assert _stored(page)["answers"]["std3"]["value"] is True
    if raw not in ("null",):
        message = form.locator(".sop-cl-messages").inner_text()
        assert _thai(message)
        assert page.evaluate(f"localStorage.getItem('sop-backup:{KEY}')") is not None
    assert page.watch.console_errors == []


@pytest.mark.browser
def test_one_corrupt_progress_entry_hides_no_other(page: Any, site_url: str) -> None:
    form = _open(page, site_url)
    form.locator("#cl-director-standards-std3-yes").check()
    page.evaluate("localStorage.setItem('sop-checklist-progress:director-steps', '{broken')")
    page.evaluate(
        "localStorage.setItem('sop-checklist-progress:director-knowledge',"
        " JSON.stringify({progress: 5, updated: 'x'}))"
    )
    page.goto(site_url + "self-check/index.html")
    cell = page.locator('[data-saved-for="director-standards"]')
    assert cell.get_attribute("data-progress") == "1/16"
    for broken in ("director-steps", "director-knowledge"):
        assert "อ่านไม่ได้" in page.locator(f'[data-saved-for="{broken}"]').inner_text()
    assert page.watch.console_errors == []


BLOCKED = """Object.defineProperty(window, 'localStorage',
  {get() { throw new DOMException('blocked', 'SecurityError'); }});"""
FULL = """(() => { const set = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    if (String(k).startsWith('sop-checklist')) throw new DOMException('full', 'QuotaExceededError');
    return set.call(this, k, v); }; })();"""


@pytest.mark.browser
def test_blocked_storage_still_answers_scores_and_resets(context: Any, site_url: str) -> None:
    context.add_init_script(BLOCKED)
    page = context.new_page()
    errors: list[str] = []
    # The theme's own scripts also meet the blocked storage; ours must not throw.
    page.on("pageerror", lambda e: errors.append(str(getattr(e, "stack", "") or e)))
    form = _open(page, site_url)
    assert "ไม่อนุญาตให้บันทึก" in form.locator(".sop-cl-messages").inner_text()
    form.locator("#cl-director-standards-std1-1-yes").check()
    assert form.locator('output[data-level-for="std1"]').get_attribute("data-level") == "1"
    page.once("dialog", lambda d: d.accept())
    form.locator('button[data-action="reset"]').click()
    assert form.locator('output[data-level-for="std1"]').get_attribute("data-level") == "0"
    assert not _checked(form, "std1.1")
    assert "ล้างคำตอบในหน้านี้แล้ว" in form.locator(".sop-cl-messages").inner_text()
    ours = ("sop-core.js", "checklist.js", "sop.js")
    assert [e for e in errors if any(name in e for name in ours)] == []


@pytest.mark.browser
def test_full_storage_says_so_and_keeps_the_answers(context: Any, site_url: str) -> None:
    page = context.new_page()
    form = _open(page, site_url)
    form.locator("#cl-director-standards-std3-yes").check()
    before = _stored(page)
    page.add_init_script(FULL)
    page.reload()
    form = checklist_form(page, BOOK_STANDARDS.id)
    form.locator("#cl-director-standards-std1-1-yes").check()
    assert "เต็ม" in form.locator(".sop-cl-messages").inner_text()
    assert _checked(form, "std1.1") and _checked(form, "std3")
    assert _stored(page) == before  # what was saved is still there


@pytest.mark.browser
def test_two_tabs_keep_each_others_answers(context: Any, site_url: str) -> None:
    a, b = context.new_page(), context.new_page()
    form_a, form_b = _open(a, site_url), _open(b, site_url)
    form_a.locator("#cl-director-standards-std1-1-yes").check()
    form_b.locator("#cl-director-standards-std3-yes").check()
    for page in (a, b):
        page.wait_for_function(
            "k => { const s = JSON.parse(localStorage.getItem(k) || '{}');"
            " return s.answers && s.answers['std1.1'] && s.answers['std3']; }",
            arg=KEY,
        )
    b.wait_for_function("() => document.querySelector('#cl-director-standards-std1-1-yes').checked")
    a.wait_for_function("() => document.querySelector('#cl-director-standards-std3-yes').checked")
    # A stale write from another tab (without std1.1) must not wipe it: the tab that holds it
    # merges and saves it back.
    stale = _stored(b)
    del stale["answers"]["std1.1"]
    b.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(stale)])
    a.wait_for_function(
        "k => { const s = JSON.parse(localStorage.getItem(k) || '{}');"
        " return s.answers && s.answers['std1.1'] && s.answers['std1.1'].value === true; }",
        arg=KEY,
    )
    # Taking an answer back in one tab takes it back in the other (newer wins).
    form_b.locator("#cl-director-standards-std3-no").check()
    a.wait_for_function("() => document.querySelector('#cl-director-standards-std3-no').checked")


@pytest.mark.browser
def test_every_bad_import_keeps_the_saved_answers(page: Any, site_url: str, tmp_path: Path) -> None:
    form = _open(page, site_url)
    form.locator("#cl-director-standards-std3-yes").check()
    before = _stored(page)["answers"]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for n, case in enumerate(REJECTED):
        path = tmp_path / f"bad-{n}.json"
        path.write_text(json.dumps(case["file"], ensure_ascii=False), encoding="utf-8")
        page.evaluate(f"document.querySelector('{FORM} .sop-cl-messages').replaceChildren()")
        form.locator('input[data-action="import"]').set_input_files(str(path))
        form.locator(".sop-cl-messages p").wait_for()
        message = form.locator(".sop-cl-messages").inner_text()
        assert f"นำเข้าไฟล์ '{path.name}' ไม่ได้" in message, (case["name"], message)
        assert "ไม่เปลี่ยนแปลง" in message, (case["name"], message)
        # the field by its Thai name, never the JSON pointer
        assert field_text(case["place"]) in message, (case["name"], message)
        assert not re.search(r"ช่อง [a-z]+/", message), (case["name"], message)  # no pointer
        assert _stored(page)["answers"] == before, case["name"]
    assert dialogs == []
    assert page.watch.console_errors == []


@pytest.mark.browser
def test_team_page_survives_every_bad_file(page: Any, site_url: str, tmp_path: Path) -> None:
    from sop_helpers.team import collect, team_rows

    checklists = support.checklists()
    files = [(p.name, p.read_bytes()) for p in sorted(SAMPLES.glob("*.json"))]
    for n, case in enumerate(REJECTED):
        files.append((f"zz-bad-{n:03}.json", json.dumps(case["file"], ensure_ascii=False).encode()))
    paths = write_files(tmp_path, files)
    entries, rejected = collect(files, checklists)
    open_team(page, site_url, paths, wait_for=".sop-team-output table")
    tables = team_tables(page)
    shown = {row[0]: row[1] for row in tables["ไฟล์ที่ใช้ไม่ได้หรือซ้ำ"]}
    assert shown == {r.file: r.reason for r in rejected}  # the same Thai reason, word for word
    # Nothing lost: the 8 good entries stay, one row per person in the team table.
    from sop_helpers.names import person_key

    assert len(team_rows(entries)) == 8
    people = {person_key(e.name) for e in entries}
    assert len(tables["ภาพรวมของทีม (หนึ่งแถวต่อหนึ่งคน)"]) == len(people)
    assert page.watch.console_errors == []


@pytest.mark.browser
def test_csv_exports_neutralise_formulas(page: Any, site_url: str, tmp_path: Path) -> None:
    form = _open(page, site_url)
    fill_person(form, FORMULAS[0], FORMULAS[3])
    path = save_download(page, form.locator('button[data-action="export-csv"]'), tmp_path / "x.csv")
    import csv

    rows = list(csv.reader(path.read_text("utf-8-sig").splitlines()))
    assert rows[0] == ["รหัส", "รายการ", "ผล"]
    # the assessor as labelled rows: the name and the position each under "ผล", never a position
    # in a column of its own
    assert rows[1] == ["", "ผู้ประเมิน", "'" + FORMULAS[0]]
    assert rows[2] == ["", "ตำแหน่ง", "'" + FORMULAS[3]]
    got = page.evaluate("xs => xs.map(x => window.SopCore.csvCell(x))", FORMULAS)
    assert [next(csv.reader([g])) for g in got] == [[sheet_cell(f)] for f in FORMULAS]


# ----------------------------------------------------------------------------- helper arguments

HELPER_CASES = [
    ("baht_text", (True,), "amount"),
    ("baht_text", (0.1,), "amount"),
    ("baht_text", ("abc",), "amount"),
    ("format_money", ("NaN",), "amount"),
    ("format_money", ("Infinity",), "amount"),
    ("format_number", (True,), "amount"),
    ("fiscal_year_range", (2025,), "ดูเหมือนเป็นปี ค.ศ."),
    ("fiscal_year_range", (True,), "fiscal_year"),
    ("fiscal_year_range", (1481,), "fiscal_year"),
]


@pytest.mark.parametrize(("name", "args", "words"), HELPER_CASES, ids=lambda v: str(v))
def test_helpers_refuse_nonsense_with_a_thai_message(
    name: str, args: tuple[Any], words: str
) -> None:
    from sop_helpers import fiscal, thai
    from sop_helpers._errors import ArgumentError

    helper = getattr(thai, name, None) or getattr(fiscal, name)
    with pytest.raises(ArgumentError) as info:
        helper(*args)
    assert words in str(info.value) and _thai(str(info.value))
