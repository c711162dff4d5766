"""The ipywidgets view: live scoring, save/load, and the website HTML as its static form."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from sop_helpers import load_checklist, load_procedures, score
from sop_helpers.checklists.kinds import ITEM_KINDS, rule_of

pytest.importorskip("ipywidgets")

from sop_helpers.views.widgets import ChecklistWidget

from . import support
from .support import answer_box, open_checklist, self_check_page

ROOT = Path(__file__).resolve().parents[1]
PROCEDURES = load_procedures(ROOT / "tests" / "data" / "procedures")
FIXTURES = ROOT / "tests" / "data" / "checklists"


def test_controls_update_answers_and_levels() -> None:
    checklist = load_checklist(FIXTURES / "director-standards.yml", PROCEDURES)
    view = ChecklistWidget(checklist)
    view._controls["std1.1"].value = True
    view._controls["std1.2"].value = True
    view._controls["std3"].value = False
    assert view.answers == {"std1.1": True, "std1.2": True, "std3": False}
    assert view.score() == score(checklist, view.answers)
    assert view.score().levels["std1"].level == 2
    view._controls["std1.2"].value = None
    assert "std1.2" not in view.answers
    assert "ระดับ ๑ จาก ๕" in view._summary.value


def test_knowledge_and_rows() -> None:
    knowledge = load_checklist(FIXTURES / "director-knowledge.yml", PROCEDURES)
    view = ChecklistWidget(knowledge)
    assert [label for label, _ in view._controls["q2"].options] == [
        f"{letter}. {option.text}"
        for letter, option in zip("กขค", knowledge.item("q2").options, strict=True)
    ]
    view._controls["q2"].value = ("a", "b")
    view._controls["q1"].value = "b"
    assert view.score().knowledge is not None
    assert view.score().knowledge.correct == 2
    rows = load_checklist(FIXTURES / "director-indicators.yml", PROCEDURES)
    sheet = ChecklistWidget(rows)
    sheet.set_answers({"rows": [{"indicator": "ก", "target": "ข", "evidence": "ค", "result": "ง"}]})
    assert str(sheet.score().progress) == "1/2"


def test_static_html_is_the_website_form() -> None:
    checklist = load_checklist(FIXTURES / "director-standards.yml", PROCEDURES)
    view = ChecklistWidget(checklist)
    view.set_answers({"std1.1": True})
    bundle = view._repr_mimebundle_()
    html = bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert 'data-checklist-id="director-standards"' in html
    # The website's form (every item, the script's model) showing the widget's answers.
    assert all(f'data-item-id="{item.id}"' in html for item in checklist.items)
    assert 'class="sop-cl-model"' in html
    assert 'class="sop-wording"' in html  # the words its script says, on a notebook page too
    assert 'data-level="1" data-level-for="std1"' in html
    assert 'data-level="0" data-level-for="std2"' in html
    assert f'data-progress="1/{len(checklist.items)}"' in html


def test_save_and_load(tmp_path: Path) -> None:
    checklist = load_checklist(FIXTURES / "director-standards.yml", PROCEDURES)
    view = ChecklistWidget(checklist, name="สมหญิง", position="นักวิเคราะห์")
    view.set_answers({"std1.1": True, "std1.2": True, "std4": True})
    path = view.save(tmp_path / "r.json")
    again = ChecklistWidget(checklist)
    assert again.load(path) == ()
    assert again.answers == view.answers
    assert again._controls["std1.2"].value is True
    assert again._name.value == "สมหญิง"


def test_package_import_stays_light() -> None:
    code = "import sys, sop_helpers; print('sphinx' in sys.modules, 'ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# ---------------------------------------------------------- the progress line, as on the site

HANDBOOK = support.procedures()
LISTS = support.checklists()
MET_LINE = re.compile(r"^มาตรฐานข้อ \S+: (ได้ตามมาตรฐาน|ยังไม่ได้ตามมาตรฐาน|ยังไม่ได้ประเมิน)$")


def _ids(checklist_id: str) -> list[str]:
    return [item.id for item in LISTS[checklist_id].items]


# The same answers on the website and in the widget: item id -> True (ticked, yes) / False (no).
ANSWERS: dict[str, dict[str, bool]] = {
    "director-steps": {"s1": True, "s2": True},  # a tick list
    "action-plan-standards": dict(zip(_ids("action-plan-standards"), [True, False], strict=False)),
    "director-standards": {  # levels, and one yes-no standard
        "std1.1": True,
        "std1.2": True,
        "std1.3": True,
        "std2.1": True,
        "std3": False,
    },
    "first-week": dict.fromkeys(_ids("first-week")[:2], True),  # tasks (the onboarding kind)
}


def _widget_lines(checklist: Any, answers: dict[str, Any]) -> list[str]:
    """What the widget shows under the checklist, line by line, after the person answers."""
    view = ChecklistWidget(checklist)
    for key, value in answers.items():
        view._controls[key].value = value
    assert view.answers == answers
    return list(BeautifulSoup(view._summary.value, "html.parser").stripped_strings)


@pytest.mark.parametrize(
    ("checklist_id", "expected"),
    [
        ("director-steps", ["ทำแล้ว ๒ จาก ๔ ขั้นตอน"]),
        (
            "action-plan-standards",
            ["ตอบแล้ว ๒ จาก ๗ ข้อ", "มาตรฐานข้อ ๑: ได้ตามมาตรฐาน", "มาตรฐานข้อ ๒: ยังไม่ได้ตามมาตรฐาน"]
            + [f"มาตรฐานข้อ {n}: ยังไม่ได้ประเมิน" for n in "๓๔๕๖๗"]
            # five left blank are not "not met": counted apart, as the team view counts them
            + ["ตอบแล้ว ๒ จาก ๗ ข้อ · ได้ตามมาตรฐาน ๑ ข้อ"],
        ),
        (
            "director-standards",
            [
                "ตอบแล้ว ๕ จาก ๑๖ ข้อ",
                "มาตรฐานข้อ ๑: ระดับ ๓ จาก ๕",
                "มาตรฐานข้อ ๒: ระดับ ๑ จาก ๕",
                "มาตรฐานข้อ ๓: ยังไม่ได้ตามมาตรฐาน",
                "มาตรฐานข้อ ๔: ยังไม่ได้ประเมิน",  # no statement of it answered: not level 0
                "ได้ตามมาตรฐาน ๐ จาก ๑ ข้อ",
            ],
        ),
        ("first-week", ["ทำแล้ว ๒ จาก ๑๔ รายการ"]),  # its items are tasks, not steps
    ],
)
def test_widget_says_progress_in_the_kinds_words(checklist_id: str, expected: list[str]) -> None:
    assert _widget_lines(LISTS[checklist_id], ANSWERS[checklist_id]) == expected


@pytest.mark.parametrize(
    ("checklist_id", "answers", "blank"),
    [
        ("director-standards", {"std1.1": True, "std2.1": False}, ["๓"]),  # levels answered
        ("budget-analysis-standards", {}, list("๑๒๓๔๕๖")),  # a list of yes-no standards only
    ],
)
def test_yes_no_standards_nobody_answered_are_not_assessed(
    checklist_id: str, answers: dict[str, bool], blank: list[str]
) -> None:
    """Reviewer, session 5: a list whose yes-no standards are all unanswered said
    "ได้ตามมาตรฐาน ๐ จาก ๑ ข้อ". Each reads ยังไม่ได้ประเมิน (decision 3), once, and no count."""
    lines = _widget_lines(LISTS[checklist_id], answers)
    for number in blank:
        assert lines.count(f"มาตรฐานข้อ {number}: ยังไม่ได้ประเมิน") == 1, lines
    assert not [line for line in lines if line.startswith("ได้ตามมาตรฐาน")], lines
    assert not [line for line in lines if "ยังไม่ได้ตามมาตรฐาน" in line], lines


def test_widget_says_rows_and_quiz_in_the_kinds_words() -> None:
    sheet = ChecklistWidget(LISTS["director-indicators"])
    sheet.set_answers({"rows": [{"indicator": "ก", "target": "ข", "evidence": "ค", "result": "ง"}]})
    assert LISTS["director-indicators"].min_rows == 3  # progress counts at least three rows
    assert list(BeautifulSoup(sheet._summary.value, "html.parser").stripped_strings) == [
        "กรอกครบ ๑ จาก ๓ แถว"
    ]
    quiz = LISTS["director-knowledge"]
    first = quiz.items[0]
    lines = _widget_lines(quiz, {first.id: first.answer[0]})
    assert lines == ["ตอบแล้ว ๑ จาก ๑๐ ข้อ", "ถูก ๑ จาก ๑๐ ข้อ"]


def test_a_kind_added_in_python_is_worded_by_its_declaration() -> None:
    """tests/new_kind.py's first-week list (ticked tasks, yes-no pledges): no change here."""
    from sop_helpers.checklists import parse_checklist

    from .new_kind import FILE, registered

    with registered():
        week = parse_checklist(FILE, HANDBOOK)
        lines = _widget_lines(week, {"read": True, "ask": True})
    assert lines == ["ทำแล้ว ๒ จาก ๔ รายการ", "ข้อตกลงที่ ๑: เป็นจริง"]


def _site_lines(page: Any, site_url: str) -> dict[str, list[str]]:
    """The answers given on the website's forms; what "my progress" then says of each list."""
    from playwright.sync_api import expect

    where = {"first-week": "index.html"}
    for checklist_id, answers in ANSWERS.items():
        path = where.get(checklist_id, self_check_page(checklist_id))
        form = open_checklist(page, site_url, path, checklist_id)
        for key, value in answers.items():
            kind = ITEM_KINDS[LISTS[checklist_id].item(key).kind]
            answer_box(form, checklist_id, key, value, tick=kind.answer == "tick").check()
        done = sum(1 for v in answers.values() if v is not None)
        expect(form.locator("output[data-progress]")).to_have_attribute(
            "data-progress", re.compile(f"^{done}/")
        )
    page.goto(site_url + "self-check/index.html")
    lines = {}
    for checklist_id in ANSWERS:
        cell = page.locator(f'[data-saved-for="{checklist_id}"]')
        expect(cell.locator(".sop-cl-line").first).to_be_visible()
        said = cell.locator(".sop-cl-line").all_inner_texts()
        assert said[-1].startswith("บันทึกล่าสุด")  # when it was saved: the page's own line
        lines[checklist_id] = said[:-1]
    return lines


def test_widget_reads_the_same_words_as_the_websites_progress_line(
    page: Any, site_url: str
) -> None:
    """Tick list, yes-no list, level-scored list, first week: the same answers given on the
    website and in the notebook widget read the same; the widget only adds each yes-no
    standard's answer (shown under it on the website's form)."""
    site = _site_lines(page, site_url)
    for checklist_id, answers in ANSWERS.items():
        widget = _widget_lines(LISTS[checklist_id], answers)
        # the widget's own lines: each yes-no standard's answer (a level-scored standard's
        # "ยังไม่ได้ประเมิน" is said on both)
        singles = tuple(
            s.title.split(" (", 1)[0] + ": "
            for s in LISTS[checklist_id].sections
            if rule_of(s) == "met"
        )
        own = [line for line in widget if MET_LINE.match(line) and line.startswith(singles)]
        assert [line for line in widget if line not in own] == site[checklist_id], checklist_id
    assert site["first-week"] == ["ทำแล้ว ๒ จาก ๑๔ รายการ"]
    assert page.watch.console_errors == []
