"""Checklists on the built site, in Chromium with the network cut (issue 5, item 8)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import load_checklist, load_procedures, load_results, score
from sop_helpers.results.read import item_names

from . import support
from .support import (
    answer_box,
    checklist_form,
    download,
    export_json,
    fill_person,
    open_checklist,
    save_download,
)

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "sop_helpers" / "sphinx_ext" / "static"
VECTORS = json.loads((ROOT / "tests" / "vectors" / "scoring.json").read_text("utf-8"))
STANDARDS = support.checklists()["director-standards"]
PAGE = "self-check/director.html"
FORM = 'form[data-checklist-id="director-standards"]'

pytestmark = pytest.mark.browser


# The scripts' gzip budgets: tests/test_script_budgets.py (one table, in the benchmark).


def test_assets_only_on_pages_with_checklists(site_dir: Path) -> None:
    pages = [p for p in site_dir.rglob("*.html") if "_static" not in p.parts]
    with_js = {p for p in pages if "checklist.js" in p.read_text("utf-8")}
    with_form = {
        p
        for p in pages
        if re.search(r'class="sop-checklist"|class="sop-cl-progress-table"', p.read_text("utf-8"))
    }
    assert with_form <= with_js
    assert site_dir / PAGE in with_form
    # Never added globally: pages that neither hold a checklist nor use its scorer go without.
    # (the start page holds the first-week list, so it has them)
    plain = [site_dir / "fiscal-year.html", *(site_dir / "procedures").glob("*.html")]
    assert not with_js.intersection(plain)


# A sound results file, but of a checklist this page does not hold.
OTHER_CHECKLIST = {
    "format": "sop-checklist-results",
    "format_version": 2,
    "checklist": {"id": "x", "version": 1},
    "created": "2026-11-28T09:00:00+07:00",
    "updated": "2026-11-28T09:30:00+07:00",
}


def _open(page: Any, site_url: str, path: str = PAGE) -> Any:
    return open_checklist(page, site_url, path, STANDARDS.id)


def _answer(form: Any, item: str, value: bool) -> None:
    answer_box(form, STANDARDS.id, item, value).check()


def _level(form: Any, standard: str) -> int:
    return int(form.locator(f'output[data-level-for="{standard}"]').get_attribute("data-level"))


def _clean(page: Any) -> None:
    assert page.watch.blocked == []
    assert page.watch.console_errors == []


def test_js_scoring_matches_the_vectors(page: Any, site_url: str) -> None:
    _open(page, site_url)
    procedures = load_procedures(ROOT / VECTORS["procedures"])
    for case in VECTORS["cases"]:
        model = load_checklist(ROOT / case["checklist"], procedures).to_json()
        got = page.evaluate("([m, a]) => window.SopChecklist.score(m, a)", [model, case["answers"]])
        assert got == case["expected"], case["name"]
    _clean(page)


def test_levels_follow_the_cumulative_rule_and_survive_reload(page: Any, site_url: str) -> None:
    form = _open(page, site_url)
    _answer(form, "std1.1", True)
    _answer(form, "std1.2", True)
    _answer(form, "std1.4", True)
    assert _level(form, "std1") == 2
    assert "ระดับ ๓" in form.locator('[data-next-for="std1"]').inner_text()
    _answer(form, "std1.3", True)
    assert _level(form, "std1") == 4
    _answer(form, "std1.1", False)
    assert _level(form, "std1") == 0
    _answer(form, "std1.1", True)
    _answer(form, "std3", True)
    expected = score(
        STANDARDS, {"std1.1": True, "std1.2": True, "std1.3": True, "std1.4": True, "std3": True}
    )
    assert form.locator("output[data-progress]").get_attribute("data-progress") == str(
        expected.progress
    )
    page.reload()
    form = checklist_form(page, STANDARDS.id)
    assert _level(form, "std1") == expected.levels["std1"].level == 4
    assert form.locator("#cl-director-standards-std1-3-yes").is_checked()
    assert form.locator('output[data-met-for="std3"]').get_attribute("data-met") == "true"
    _clean(page)


def test_export_json_reads_back_with_load_results(page: Any, site_url: str, tmp_path: Path) -> None:
    form = _open(page, site_url)
    for item in ("std1.1", "std1.2", "std2.1", "std4.1", "std4.2", "std4.3"):
        _answer(form, item, True)
    _answer(form, "std1.3", False)
    form.locator('button[data-action="export-json"]').click()
    assert "ชื่อ" in form.locator(".sop-cl-messages").inner_text()  # asked before export
    fill_person(form, "สมหญิง ใจดี")
    path = export_json(page, form, tmp_path / "export.json")
    loaded = load_results(path, STANDARDS)
    assert loaded.dropped == ()
    assert loaded.results.person.name == "สมหญิง ใจดี"
    result = score(STANDARDS, loaded.results.values())
    for standard in ("std1", "std2", "std4"):
        assert result.levels[standard].level == _level(form, standard)
    assert [result.levels[s].level for s in ("std1", "std2", "std4")] == [2, 1, 3]

    csv_path = save_download(
        page, form.locator('button[data-action="export-csv"]'), tmp_path / "export.csv"
    )
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "สมหญิง ใจดี" in raw.decode("utf-8-sig")
    _clean(page)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{ not json", "ไม่ใช่ JSON"),
        (
            json.dumps(OTHER_CHECKLIST),
            "อื่น",
        ),
        (json.dumps({"format": "something-else"}), "ไม่ใช่ไฟล์ผลการตรวจสอบตนเอง"),
    ],
    ids=["corrupt", "other-checklist", "not-results"],
)
def test_bad_import_is_rejected_and_answers_stay(
    page: Any, site_url: str, tmp_path: Path, content: str, words: str
) -> None:
    form = _open(page, site_url)
    _answer(form, "std1.1", True)
    before = page.evaluate("localStorage.getItem('sop-checklist:director-standards')")
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
    form.locator('input[data-action="import"]').set_input_files(str(path))
    form.locator(".sop-cl-messages p").last.wait_for()
    assert words in form.locator(".sop-cl-messages").inner_text()
    assert dialogs == []
    after = page.evaluate("localStorage.getItem('sop-checklist:director-standards')")
    assert json.loads(after)["answers"] == json.loads(before)["answers"]
    assert _level(form, "std1") == 1


def test_import_replaces_after_confirmation(page: Any, site_url: str, tmp_path: Path) -> None:
    from sop_helpers import make_results, save_results

    form = _open(page, site_url)
    _answer(form, "std2.1", True)
    answers = {f"std1.{k}": True for k in range(1, 6)}
    path = save_results(
        make_results(STANDARDS, answers, name="ก", position="ข"), tmp_path / "r.json"
    )
    page.once("dialog", lambda d: d.dismiss())
    with page.expect_event("dialog"):
        form.locator('input[data-action="import"]').set_input_files(str(path))
    page.evaluate("() => new Promise((done) => setTimeout(done))")  # the decline has run
    assert _level(form, "std1") == 0  # declined: nothing changed
    assert _level(form, "std2") == 1
    page.once("dialog", lambda d: d.accept())
    form.locator('input[data-action="import"]').set_input_files(str(path))
    page.wait_for_function(
        "document.querySelector('output[data-level-for=\"std1\"]').dataset.level === '5'"
    )
    assert _level(form, "std2") == 0
    assert form.locator('input[data-person="name"]').input_value() == "ก"
    messages = form.locator(".sop-cl-messages p")
    assert messages.count() == 1
    assert "นำเข้าคำตอบจากไฟล์แล้ว" in messages.inner_text()
    # The file's person becomes the site's person, in every form of the page.
    names = page.locator('form.sop-checklist input[data-person="name"]')
    assert names.evaluate_all("xs => xs.map(x => x.value)") == ["ก"] * 4


def test_new_version_keeps_unchanged_answers(page: Any, site_url: str) -> None:
    form = _open(page, site_url)
    for item in ("std1.1", "std1.2", "std1.3"):
        _answer(form, item, True)
    changed = STANDARDS.item("std1.2").hash

    def newer(route: Any) -> None:
        body = route.fetch().text()
        body = body.replace(changed, "0123456789abcdef")
        body = body.replace(
            'data-checklist-id="director-standards" data-checklist-version="1"',
            'data-checklist-id="director-standards" data-checklist-version="2"',
        )
        body = body.replace(
            '{"id":"director-standards","version":1', '{"id":"director-standards","version":2'
        )
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route("**/self-check/director.html", newer)
    page.reload()
    form = checklist_form(page, STANDARDS.id)
    assert form.locator(".sop-cl-messages p").count() == 1
    message = form.locator(".sop-cl-messages").inner_text()
    assert "ฉบับที่ ๒" in message
    # the item as the page shows it (number and text), never its internal id
    assert item_names(STANDARDS, ["std1.2"])[0][:80] in message and "std1.2" not in message
    assert form.locator("#cl-director-standards-std1-1-yes").is_checked()
    assert form.locator("#cl-director-standards-std1-3-yes").is_checked()
    assert not form.locator("#cl-director-standards-std1-2-yes").is_checked()
    assert _level(form, "std1") == 1
    saved = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-standards')"))
    assert saved["checklist"]["version"] == 2
    assert set(saved["answers"]) == {"std1.1", "std1.3"}


def test_progress_page_lists_every_checklist(page: Any, site_url: str) -> None:
    form = _open(page, site_url)
    _answer(form, "std3", True)
    page.goto(site_url + "self-check/index.html")
    cells = page.locator("[data-saved-for]")
    ids = sorted(cells.evaluate_all("cs => cs.map(c => c.dataset.savedFor)"))
    assert ids == sorted(p.stem for p in (ROOT / "checklists").glob("*.yml"))
    cell = page.locator('[data-saved-for="director-standards"]')
    assert cell.get_attribute("data-progress") == "1/16"
    page.locator('[data-progress-row="director-standards"] a').click()
    page.wait_for_url("**/self-check/director.html#cl-director-standards")
    _clean(page)


def test_keyboard_answers(page: Any, site_url: str) -> None:
    form = _open(page, site_url)
    form.locator("#cl-director-standards-std1-1-yes").focus()
    page.keyboard.press("Space")
    assert _level(form, "std1") == 1
    page.keyboard.press("ArrowDown")  # moves to and selects "ยังไม่เป็นจริง"
    assert _level(form, "std1") == 0


def test_readable_without_javascript(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + PAGE)
        form = page.locator(FORM)
        assert form.locator("legend").first.is_visible()
        text = form.inner_text()
        assert STANDARDS.item("std1.1").text in text
        assert not form.locator(".sop-cl-tools").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("path", ["self-check/director.html", "self-check/index.html"])
def test_axe_after_answering(page: Any, site_url: str, path: str) -> None:
    axe = pytest.importorskip("axe_playwright_python.base")
    page.goto(site_url + path)
    if path == PAGE:
        form = page.locator(FORM)
        _answer(form, "std1.1", True)
        _answer(form, "std3", False)
        knowledge = page.locator('form[data-checklist-id="director-knowledge"]')
        knowledge.locator("#cl-director-knowledge-q1-o-a").check()
        page.locator('form[data-checklist-id="director-indicators"] .sop-cl-add-row').click()
    page.add_script_tag(content=str(axe.AXE_SCRIPT))
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    result = page.evaluate(
        # Scoped to the checklists; the whole pages are covered by test_accessibility.py.
        """tags => axe.run(
            {include: [...document.querySelectorAll('form.sop-checklist, .sop-cl-progress-table')]},
            {runOnly: {type: 'tag', values: tags}})""",
        tags,
    )
    problems = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in result["violations"]]
    assert problems == []
    assert result["passes"], "axe checked nothing"
    assert page.watch.blocked == []


def test_js_migration_matches_the_vectors(page: Any, site_url: str) -> None:
    from .test_results import MIGRATION, resolve_hashes

    _open(page, site_url)
    procedures = load_procedures(ROOT / MIGRATION["procedures"])
    for case in MIGRATION["cases"]:
        checklist = load_checklist(ROOT / case["checklist"], procedures)
        data = resolve_hashes(case["results"], checklist, MIGRATION["stale_hash"])
        got = page.evaluate(
            """([d, m]) => {
                const r = window.SopChecklist.read(d, m);
                if (!r.ok) return {error: true};
                return {kept: Object.keys(r.kept).sort(), dropped: r.dropped};
            }""",
            [data, checklist.to_json()],
        )
        assert got == case["expected"], case["name"]


def test_notebook_page_shows_a_working_checklist(page: Any, site_url: str) -> None:
    # The widget's text/html is the website form; it must be what the static page shows
    # (needs nb_mime_priority_overrides to drop the widget view for the html builder).
    form = _open(page, site_url, "self-check/jupyter.html")
    assert page.locator('script[type="application/vnd.jupyter.widget-view+json"]').count() == 0
    _answer(form, "std1.1", True)
    assert _level(form, "std1") == 1
    _clean(page)


def test_reset_only_after_confirmation(page: Any, site_url: str) -> None:
    form = _open(page, site_url)
    _answer(form, "std1.1", True)
    page.once("dialog", lambda d: d.dismiss())
    form.locator('button[data-action="reset"]').click()
    assert _level(form, "std1") == 1
    page.once("dialog", lambda d: d.accept())
    form.locator('button[data-action="reset"]').click()
    assert _level(form, "std1") == 0
    assert page.evaluate("localStorage.getItem('sop-checklist:director-standards')") is None
    page.reload()
    assert _level(page.locator(FORM), "std1") == 0


def _random_answers(checklist: Any, rng: Any) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for item in checklist.items:
        if item.kind == "rows":
            cells = ["", " ", "ก"]
            answers["rows"] = [
                {k: rng.choice(cells) for k in ("indicator", "target", "evidence", "result")}
                for _ in range(rng.randint(0, 4))
            ]
        elif item.kind == "question":
            ids = [o.id for o in item.options]
            answers[item.id] = rng.choice(
                [None, rng.choice(ids), rng.sample(ids, rng.randint(0, len(ids)))]
            )
        else:
            answers[item.id] = rng.choice([True, False, None, "yes", 1])
    return answers


def test_js_and_python_agree_on_random_answers(page: Any, site_url: str) -> None:
    import random

    rng = random.Random(2569)
    _open(page, site_url)
    checklists = support.checklists()
    cases = []
    for _ in range(25):
        for checklist in checklists.values():
            answers = _random_answers(checklist, rng)
            cases.append((checklist.to_json(), answers, score(checklist, answers).to_json()))
    got = page.evaluate(
        "cases => cases.map(([m, a]) => window.SopChecklist.score(m, a))",
        [[m, a] for m, a, _ in cases],
    )
    assert got == [expected for _, _, expected in cases]


# ---- reviewer's findings: messages by the tools, questions, one person, labels ----

PHONE = {"width": 360, "height": 740}


def _import(form: Any, path: Path) -> None:
    form.locator('input[data-action="import"]').set_input_files(str(path))


def test_messages_show_next_to_the_tools_one_at_a_time(
    page: Any, site_url: str, tmp_path: Path
) -> None:
    page.set_viewport_size(PHONE)
    form = _open(page, site_url)
    _answer(form, "std1.1", True)
    before = page.evaluate("localStorage.getItem('sop-checklist:director-standards')")
    messages = form.locator(".sop-cl-messages")
    assert messages.get_attribute("role") == "alert"
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps(OTHER_CHECKLIST),
        encoding="utf-8",
    )
    for path, words in ((bad, "ไม่ใช่ JSON"), (other, "อื่น"), (bad, "ไม่ใช่ JSON")):
        _import(form, path)
        page.wait_for_function(
            "([sel, w]) => document.querySelector(sel).innerText.includes(w)",
            arg=[f"{FORM} .sop-cl-messages", words],
        )
        assert messages.locator("p").count() == 1  # replaced, not piled up
    after = page.evaluate("localStorage.getItem('sop-checklist:director-standards')")
    assert json.loads(after)["answers"] == json.loads(before)["answers"]
    # The message sits right by the import control, not far up the page.
    picker = form.locator("label.sop-cl-import").bounding_box()
    box = messages.bounding_box()
    assert 0 <= box["y"] - (picker["y"] + picker["height"]) < 80, (picker, box)
    form.locator('button[data-action="export-json"]').click()
    assert messages.locator("p").count() == 1
    assert "ชื่อ-สกุล" in messages.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _clean(page)


def test_knowledge_questions_read_in_thai_and_keep_the_key_closed(page: Any, site_url: str) -> None:
    knowledge = support.checklists()["director-knowledge"]
    form = open_checklist(page, site_url, PAGE, knowledge.id)
    text = form.inner_text()
    for hint in ("เลือกได้หลายข้อ", "เลือกข้อเดียว"):
        assert f"({hint}) ({hint})" not in text
    multiple = next(item for item in knowledge.items if item.multiple)
    assert text.count(f"({multiple.hint})") == sum(1 for i in knowledge.items if i.multiple)
    first = knowledge.items[0]
    label = form.locator(f"label[for='cl-director-knowledge-{first.id}-o-{first.options[0].id}']")
    assert label.inner_text().strip().startswith("ก. ")
    key = form.locator(f'details[data-answer-for="{first.id}"]')
    assert not key.is_visible()  # closed and hidden until answered
    wrong = next(o for o in first.options if o.id not in first.answer)
    form.locator(f"#cl-director-knowledge-{first.id}-o-{wrong.id}").check()
    assert not key.is_visible()  # answering gives nothing away: the key waits for "ส่งคำตอบ"
    page.once("dialog", lambda d: d.accept())  # the rest unanswered: the page asks first
    form.locator('[data-action="quiz-submit"]').click()
    assert key.is_visible()
    assert key.evaluate("d => d.open")
    letters = [first.letter(a) for a in first.answer]
    assert f"คำตอบ: {', '.join(letters)}" in key.inner_text()
    _clean(page)


def test_one_person_for_every_form_and_page(page: Any, site_url: str) -> None:
    form = _open(page, site_url)
    _answer(form, "std1.1", True)
    steps = page.locator('form[data-checklist-id="director-steps"]')
    steps.locator("input[data-item-id]").first.check()
    stored = {
        key: page.evaluate(f"localStorage.getItem('sop-checklist:{key}')")
        for key in ("director-standards", "director-steps")
    }
    fill_person(steps, "สมหญิง ใจดี")
    names = page.locator('form.sop-checklist input[data-person="name"]')
    assert names.count() == 4
    assert names.evaluate_all("xs => xs.map(x => x.value)") == ["สมหญิง ใจดี"] * 4
    assert json.loads(page.evaluate("localStorage.getItem('sop-person')")) == {
        "name": "สมหญิง ใจดี",
        "position": "นักวิเคราะห์นโยบายและแผน",
    }
    # Typing a person in one form never touches another form's answers.
    other = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-standards')"))
    assert other["answers"] == json.loads(stored["director-standards"])["answers"]
    page.reload()
    form = checklist_form(page, STANDARDS.id)
    assert form.locator('input[data-person="name"]').input_value() == "สมหญิง ใจดี"
    assert _level(form, "std1") == 1
    # Another page: prefilled, and export no longer asks.
    steps = open_checklist(page, site_url, "self-check/action-plan.html", "action-plan-steps")
    assert steps.locator('input[data-person="position"]').input_value() == ("นักวิเคราะห์นโยบายและแผน")
    download(page, steps.locator('button[data-action="export-json"]'))
    _clean(page)


def test_saved_person_never_replaces_saved_answers(page: Any, site_url: str) -> None:
    form = _open(page, site_url)
    for item in ("std1.1", "std1.2"):
        _answer(form, item, True)
    before = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-standards')"))
    page.evaluate(
        "localStorage.setItem('sop-person', JSON.stringify({name: 'ก ข', position: 'ค'}))"
    )
    page.reload()
    form = checklist_form(page, STANDARDS.id)
    assert form.locator('input[data-person="name"]').input_value() == "ก ข"
    assert _level(form, "std1") == 2
    form.locator('input[data-person="name"]').fill("ง จ")
    after = json.loads(page.evaluate("localStorage.getItem('sop-checklist:director-standards')"))
    assert after["answers"] == before["answers"]
    assert after["person"]["name"] == "ง จ"
    page.once("dialog", lambda d: d.accept())
    form.locator('button[data-action="reset"]').click()  # answers go, the person stays
    assert form.locator('input[data-person="name"]').input_value() == "ง จ"


def test_import_control_is_a_thai_labelled_button(page: Any, site_url: str) -> None:
    from sop_helpers.checklist_html import IMPORT_JSON

    page.set_viewport_size(PHONE)
    form = _open(page, site_url)
    label = form.locator("label.sop-cl-import")
    assert label.inner_text().strip() == IMPORT_JSON
    picker = form.get_by_label(IMPORT_JSON)
    assert picker.get_attribute("type") == "file"
    box = picker.bounding_box()
    assert box is not None and box["width"] <= 1 and box["height"] <= 1  # no "Choose File"
    # Reached and opened from the keyboard.
    form.locator('button[data-action="export-csv"]').focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "import"
    outline = label.evaluate("l => getComputedStyle(l).outlineStyle")
    assert outline != "none"  # the focus shows on the visible label
    # Space activates the focused picker (a click event, which opens the file chooser). The
    # chooser itself is not awaited: headless Chromium does not always show it under load.
    picker.evaluate(
        "i => i.addEventListener('click', e => { window.sopPickerClicked = true;"
        " e.preventDefault(); }, {once: true})"
    )
    page.keyboard.press("Space")
    assert page.evaluate("window.sopPickerClicked === true")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _clean(page)


def test_team_page_names_the_real_export_button(site_dir: Path) -> None:
    # The director's instructions quote the buttons staff press, from the same label table.
    from sop_helpers.checklist_html import EXPORT_ALL, EXPORT_JSON

    team = (site_dir / "team" / "index.html").read_text("utf-8")
    quoted = re.findall(r'กดปุ่ม &quot;<span class="sop-ui-label">([^<]+)</span>&quot;', team)
    assert quoted == [EXPORT_ALL, EXPORT_JSON]
    html = (site_dir / PAGE).read_text("utf-8")
    assert html.count(f'data-action="export-json">{EXPORT_JSON}</button>') == 4
    assert EXPORT_ALL in (site_dir / "self-check" / "index.html").read_text("utf-8")
