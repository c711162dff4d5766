"""A kind added in Python only works on the website with no change to any script.

The fixture project's ``conf.py`` registers ``tests/new_kind.py`` (a first-week list: ticked
tasks and yes-no pledges scored as met), exactly what ``checklists/README.md`` says to write.
The built page scores it, saves it, shows it again after a reload, lists it on "my progress",
and exports JSON that the Python side reads and scores alike, and CSV in the kind's own words.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from sop_helpers import load_procedures, load_results, score
from sop_helpers.checklists import parse_checklist

from .fixture_project import BOOK_DATA, build, make_project
from .new_kind import FILE, registered
from .support import checklist_form, download, export_json, fill_person, open_checklist, serve

ROOT = Path(__file__).resolve().parents[1]
CONF = (
    f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
    "from tests.new_kind import register\nregister()\n"
)
WEEK = "director-week"


@pytest.fixture(scope="module")
def week_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("week")
    folder = root / "checklists"
    folder.mkdir()
    text = yaml.safe_dump(FILE, allow_unicode=True, sort_keys=False)
    (folder / "director-week.yml").write_text(text, encoding="utf-8")
    pages = {
        "index": "# หน้าแรก\n",
        "week": "# สัปดาห์แรก\n\n```{checklist} director-week\n```\n",
        "mine": "# ความคืบหน้าของฉัน\n\n```{checklist-progress}\n```\n",
    }
    src = make_project(root, pages, CONF)
    out = root / "out"
    done = build(src, out, checklists=folder)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    with serve(out) as url:
        yield url


def _week() -> Any:
    return parse_checklist(FILE, load_procedures(BOOK_DATA / "procedures"))


def test_a_kind_declared_in_python_scores_saves_reloads_and_exports(
    page: Any, week_url: str, tmp_path: Path
) -> None:
    form = open_checklist(page, week_url, "week.html", WEEK)
    progress = form.locator("output[data-progress]")
    assert progress.get_attribute("data-progress") == "0/4"
    form.locator("#cl-director-week-read-done").check()
    form.locator("#cl-director-week-forms-done").check()
    form.locator("#cl-director-week-ask-yes").check()
    assert progress.get_attribute("data-progress") == "3/4"
    met = form.locator('output[data-met-for="ask"]')
    assert met.get_attribute("data-met") == "true"
    assert met.inner_text() == "เป็นจริง"  # the pledge's own words, from the model

    page.reload()
    form = checklist_form(page, WEEK)
    assert form.locator("output[data-progress]").get_attribute("data-progress") == "3/4"
    assert form.locator("#cl-director-week-read-done").is_checked()
    assert not form.locator("#cl-director-week-meet-done").is_checked()
    assert form.locator("#cl-director-week-ask-yes").is_checked()

    fill_person(form, "สมหญิง ใจดี")
    path = export_json(page, form, tmp_path / "week.json")
    with registered():  # the Python side, with the same one declaration
        week = _week()
        loaded = load_results(path, week)
        result = score(week, loaded.results.values())
    assert loaded.dropped == ()
    assert (result.progress.done, result.progress.total) == (3, 4)
    assert result.met == {"ask": True}
    assert result.knowledge is None

    got = download(page, form.locator('button[data-action="export-csv"]'))
    rows = list(csv.reader(io.StringIO(Path(got.path()).read_bytes().decode("utf-8-sig"))))
    said = {row[0]: row[2] for row in rows if len(row) == 3}
    assert said["read"] == "ทำแล้ว" and said["meet"] == "ยังไม่ได้ทำ" and said["ask"] == "เป็นจริง"

    page.goto(week_url + "mine.html")
    cell = page.locator('[data-saved-for="director-week"]')
    page.wait_for_function(
        "() => document.querySelector('[data-saved-for=\"director-week\"]').dataset.progress"
    )
    assert cell.get_attribute("data-progress") == "3/4"
    assert "ทำแล้ว ๓ จาก ๔ รายการ" in cell.inner_text()  # the kind's progress wording
    assert page.watch.console_errors == []
    assert page.watch.blocked == []


def test_the_tables_are_as_before_outside_the_kind() -> None:
    from sop_helpers.checklists.kinds import CHECKLIST_KINDS, ITEM_KINDS

    with registered():
        assert "week" in CHECKLIST_KINDS and "chore" in ITEM_KINDS
    assert "week" not in CHECKLIST_KINDS and "chore" not in ITEM_KINDS


def test_a_taken_name_or_an_unknown_rule_is_refused() -> None:
    from sop_helpers.checklists import kinds

    with pytest.raises(ValueError, match="steps"):
        kinds.register(
            kinds.ChecklistKind("steps", "x", kinds.CHECKLIST_KINDS["steps"].model, _week)
        )
    with pytest.raises(ValueError, match="rule"):
        kinds.register(sections={"new": "fancy"})  # type: ignore[dict-item]
    with pytest.raises(ValueError, match="answer"):
        kinds.register(items=(kinds.ItemKind("new", "slider"),))  # type: ignore[arg-type]
