"""The "my progress" page (ความคืบหน้าของฉัน, issue 16.5): every checklist in the handbook's
order, each with its progress in its own words, the level of each level-scored standard and the
quiz score, said through the one wording table (``sop_helpers.wording``, carried by the page's
``<script class="sop-wording">``), at 360 and 1,280 px; one unreadable entry hides no other."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import score
from sop_helpers.checklists.kinds import CHECKLIST_KINDS, kind_order
from sop_helpers.wording import OWN_PAGES, TEXTS, say, wording_subset

from . import support
from .support import answer_box, open_checklist, self_check_page

PROCEDURES = support.procedures()
CHECKLISTS = support.checklists()
PROGRESS = "self-check/index.html"
SIZES = {"360px": {"width": 360, "height": 800}, "1280px": {"width": 1280, "height": 900}}
SHOTS = Path("/tmp/sop-progress-shots")


def _form(page: Any, site_url: str, checklist: str) -> Any:
    return open_checklist(page, site_url, "self-check/director.html", checklist)


def _answer(page: Any, site_url: str) -> dict[str, Any]:
    """Answers on three checklists of the director's page; what Python scores them as."""
    form = _form(page, site_url, "director-standards")
    answers: dict[str, Any] = {}
    for item in ("std1.1", "std1.2", "std1.3", "std2.1"):
        answer_box(form, "director-standards", item).check()
        answers[item] = True
    form.locator("#cl-director-standards-std3-no").check()
    answers["std3"] = False
    steps = page.locator('form[data-checklist-id="director-steps"]')
    for item in ("s1", "s2"):
        steps.locator(f"#cl-director-steps-{item}-done").check()
    quiz = page.locator('form[data-checklist-id="director-knowledge"]')
    first = CHECKLISTS["director-knowledge"].items[0]
    quiz.locator(f"#cl-director-knowledge-{first.id}-o-{first.answer[0]}").check()
    page.once("dialog", lambda d: d.accept())  # nine left unanswered: the page asks first
    quiz.locator('[data-action="quiz-submit"]').click()
    quiz.locator('[data-action="quiz-retry"]').wait_for(state="visible")
    return {
        "director-standards": score(CHECKLISTS["director-standards"], answers),
        "director-steps": score(CHECKLISTS["director-steps"], {"s1": True, "s2": True}),
        "director-knowledge": score(CHECKLISTS["director-knowledge"], {first.id: first.answer[0]}),
    }


def _numbers(checklist_id: str) -> dict[str, int]:
    checklist = CHECKLISTS[checklist_id]
    by_id = {s.id: s.number for s in PROCEDURES[checklist.procedure].standards}
    return {
        s.id: by_id[s.items[0].ref]
        for s in checklist.sections
        if s.id in score(checklist, {}).levels
    }


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_progress_page_lists_levels_progress_and_scores_in_handbook_order(
    page: Any, site_url: str, size: dict[str, int]
) -> None:
    page.set_viewport_size(size)
    expected = _answer(page, site_url)
    # one corrupt entry among them: the others still show
    page.evaluate("localStorage.setItem('sop-checklist-progress:action-plan-steps', '{broken')")
    page.goto(site_url + PROGRESS)
    page.wait_for_function(
        "() => document.querySelector('[data-saved-for=\"director-standards\"]').dataset.progress"
    )

    # the handbook's order: procedure by procedure, then the kinds in their declared order
    ids = page.locator("[data-saved-for]").evaluate_all("cs => cs.map(c => c.dataset.savedFor)")
    order = sorted(
        CHECKLISTS,
        # a list over the whole handbook (the first week, no procedure) comes first
        key=lambda c: (
            PROCEDURES[CHECKLISTS[c].procedure].order if CHECKLISTS[c].procedure else 0,
            kind_order(CHECKLISTS[c].kind),
        ),
    )
    assert ids == order
    assert (
        ids.index("director-steps")
        < ids.index("director-standards")
        < ids.index("director-knowledge")
    )

    # the wording the page speaks is the one table (all but the keys of other pages' scripts)
    wording = json.loads(page.locator("script.sop-wording").text_content())
    assert (
        wording
        == wording_subset()
        == {k: v for k, v in TEXTS.items() if not k.startswith(OWN_PAGES)}
    )

    def lines(checklist: str) -> list[str]:
        cell = page.locator(f'[data-saved-for="{checklist}"]')
        return cell.locator(".sop-cl-line").all_inner_texts()

    standards = expected["director-standards"]
    got = lines("director-standards")
    done, total = standards.progress.done, standards.progress.total
    assert got[0] == say("answered", done=done, total=total) == "ตอบแล้ว ๕ จาก ๑๖ ข้อ"
    numbers = _numbers("director-standards")
    for section, level in standards.levels.items():
        line = say(
            "level.standard", number=numbers[section], level=level.level, max=level.max_level
        )
        if not standards.sections[section].done:  # nobody answered it: not assessed, not level 0
            line = say("level.standard.none", number=numbers[section])
        assert line in got
    assert "มาตรฐานข้อ ๑: ระดับ ๓ จาก ๕" in got  # Thai digits, the form's own words
    assert "มาตรฐานข้อ ๔: ยังไม่ได้ประเมิน" in got  # std4: no statement answered
    assert "มาตรฐานข้อ ๔: ระดับ ๐ จาก ๕" not in got
    # the single standards, as the team view and the printed form count them
    met = [v for v in standards.met.values()]
    assert say("met.count", met=sum(1 for v in met if v), total=len(met)) in got
    assert "ได้ตามมาตรฐาน ๐ จาก ๑ ข้อ" in got

    steps = expected["director-steps"]
    assert lines("director-steps")[0] == say(
        "steps", done=steps.progress.done, total=steps.progress.total
    )
    knowledge = expected["director-knowledge"].knowledge
    assert knowledge is not None and knowledge.correct == 1
    assert say("quiz", correct=1, total=knowledge.total) in lines("director-knowledge")
    assert CHECKLIST_KINDS["knowledge"].quiz

    assert "อ่านไม่ได้" in page.locator('[data-saved-for="action-plan-steps"]').inner_text()
    assert page.locator('[data-saved-for="action-plan-standards"]').inner_text() == "ยังไม่ได้เริ่ม"

    # readable on a phone: nothing wider than the screen
    wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0, f"the page scrolls sideways by {wide}px at {size['width']}px"
    SHOTS.mkdir(exist_ok=True)
    page.locator(".sop-cl-progress-table").screenshot(
        path=str(SHOTS / f"progress-{size['width']}.png")
    )
    assert page.watch.console_errors == []
    assert page.watch.blocked == []


def test_an_entry_saved_before_levels_gets_them_when_its_checklist_opens(
    page: Any, site_url: str
) -> None:
    form = _form(page, site_url, "director-standards")
    for item in ("std1.1", "std1.2"):
        answer_box(form, "director-standards", item).check()
    key = "sop-checklist-progress:director-standards"
    # as this browser would hold it from before: progress, version, time, no levels
    page.evaluate(
        "k => { const p = JSON.parse(localStorage.getItem(k)); delete p.levels;"
        " localStorage.setItem(k, JSON.stringify(p)); }",
        key,
    )
    page.goto(site_url + PROGRESS)
    cell = page.locator('[data-saved-for="director-standards"]')
    page.wait_for_function(
        "() => document.querySelector('[data-saved-for=\"director-standards\"]').dataset.progress"
    )
    assert "ระดับ" not in cell.inner_text()  # nothing to say yet, and nothing made up
    assert "ตอบแล้ว ๒ จาก ๑๖ ข้อ" in cell.inner_text()
    _form(page, site_url, "director-standards")  # opened again: the entry is completed
    page.goto(site_url + PROGRESS)
    page.wait_for_function(
        "() => document.querySelector('[data-saved-for=\"director-standards\"]').dataset.progress"
    )
    assert "มาตรฐานข้อ ๑: ระดับ ๒ จาก ๕" in cell.locator(".sop-cl-line").all_inner_texts()
    assert page.watch.console_errors == []


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_yes_no_standards_nobody_answered_read_not_assessed(
    page: Any, site_url: str, size: dict[str, int]
) -> None:
    """Reviewer, session 5: with its yes-no standard unanswered, the director's standards list
    said "ได้ตามมาตรฐาน ๐ จาก ๑ ข้อ" on this page. It reads ยังไม่ได้ประเมิน, as the team view says
    it (decision 3), and a list answered in part counts the blank ones apart; the page says what
    sop_helpers.progress says (the notebook widget's rule)."""
    from sop_helpers.progress import progress_lines

    page.set_viewport_size(size)
    given = {
        "director-standards": {"std1.1": True, "std2.1": False},  # std3 (yes-no) left blank
        "budget-analysis-standards": {"std1": True, "std2": False},  # four of six left blank
    }
    for checklist_id, answers in given.items():
        form = open_checklist(page, site_url, self_check_page(checklist_id), checklist_id)
        for key, value in answers.items():
            answer_box(form, checklist_id, key, value).check()
        form.locator(f'output[data-progress^="{len(answers)}/"]').wait_for(state="attached")
    page.goto(site_url + PROGRESS)
    for checklist_id, answers in given.items():
        cell = page.locator(f'[data-saved-for="{checklist_id}"]')
        cell.locator(".sop-cl-line").first.wait_for()
        got = cell.locator(".sop-cl-line").all_inner_texts()[:-1]  # without "บันทึกล่าสุด ..."
        checklist = CHECKLISTS[checklist_id]
        assert got == progress_lines(checklist, score(checklist, answers)), checklist_id
        assert not [line for line in got if line.startswith("ได้ตามมาตรฐาน")], got
    director = page.locator('[data-saved-for="director-standards"]').inner_text()
    assert "มาตรฐานข้อ ๓: ยังไม่ได้ประเมิน" in director
    budget = page.locator('[data-saved-for="budget-analysis-standards"]').inner_text()
    assert "ตอบแล้ว ๒ จาก ๖ ข้อ · ได้ตามมาตรฐาน ๑ ข้อ" in budget
    wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0
    SHOTS.mkdir(exist_ok=True)
    page.locator(".sop-cl-progress-table").screenshot(
        path=str(SHOTS / f"progress-not-assessed-{size['width']}.png")
    )
    assert page.watch.console_errors == []
