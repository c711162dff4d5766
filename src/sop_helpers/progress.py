"""What a checklist's progress says, in the handbook's one wording (decision 3).

One rule for the website's "my progress" line and the notebook widget's summary. Both follow the
checklist's kind (:mod:`sop_helpers.checklists.kinds`): its ``progress`` wording key (``steps``,
``tasks``, ``answered``, ``rows``), its ``quiz`` flag and the sections it scores by level. The
site's progress page gets :func:`progress_meta` as data on each row (``data-words``,
``data-levels``, ``data-quiz``; ``sphinx_ext/checklists.py``) and ``checklist.js`` says the lines
with the page's copy of :data:`~sop_helpers.wording.TEXTS`; the widget says
:func:`progress_lines`. A new kind needs no change here.
"""

from __future__ import annotations

from typing import Any

from .checklists import Checklist
from .checklists.kinds import CHECKLIST_KINDS, ITEM_KINDS, rule_of
from .scoring import Score
from .team_states import met_count
from .wording import TEXTS, Digits, answer, digits, say


def progress_meta(checklist: Checklist) -> dict[str, Any]:
    """What the progress line of ``checklist`` needs besides its score: ``words`` (the kind's
    wording key), ``quiz`` (a quiz kind: its score, or that it is not sent yet) and ``levels``
    (section id -> the number of the standard each level-scored section is), and ``met`` (the
    same for its single standards judged met / not met, said as the team view says them:
    :func:`sop_helpers.team_states.met_count`; empty when it has none)."""
    kind = CHECKLIST_KINDS[checklist.kind]
    met = {
        section.id: section.number if section.number is not None else index + 1
        for index, section in enumerate(checklist.sections)
        if rule_of(section) == "met"
        and any(ITEM_KINDS[item.kind].words == "met" for item in section.items)
    }
    levels = {
        section.id: section.number if section.number is not None else index + 1
        for index, section in enumerate(checklist.sections)
        if rule_of(section) == "level"
    }
    return {"words": kind.progress, "quiz": kind.quiz, "levels": levels, "met": met}


def progress_lines(
    checklist: Checklist,
    result: Score,
    quiz: tuple[int, int] | None = None,
    *,
    met: bool = False,
    style: Digits = "thai",
) -> list[str]:
    """The progress of ``checklist`` as lines, as "my progress" says it: its progress in its
    kind's words, each level-scored standard's level (``ยังไม่ได้ประเมิน`` when nothing of it is
    answered), how many single standards are met (not assessed when none is answered, the
    answered counted apart when some are: :func:`~sop_helpers.team_states.met_count`), then the
    quiz score ``quiz`` (correct, total) of a quiz kind, or that it is not sent yet.

    ``met=True`` adds, in the sections' order, each yes-no section's answer by the section's name
    (what the website's form shows under it): the widget's summary.
    """
    meta = progress_meta(checklist)
    done, total = result.progress.done, result.progress.total
    lines = [say(meta["words"], style, done=done, total=total)]
    for section in checklist.sections:
        level = result.levels.get(section.id)
        if section.id in meta["levels"] and level is not None:
            number = meta["levels"][section.id]
            if not result.sections[section.id].done:  # nobody answered it: not assessed
                lines.append(say("level.standard.none", style, number=number))
                continue
            lines.append(
                say("level.standard", style, number=number, level=level.level, max=level.max_level)
            )
        elif met and rule_of(section) == "met":
            name = section.title.split(" (", 1)[0]  # "มาตรฐานข้อ ๓", without a scale note
            for item in section.items:
                said = answer(ITEM_KINDS[item.kind].words, result.met.get(item.id))
                lines.append(f"{name}: {said}")
    judged = dict(result.met) if meta["met"] else {}
    # the standards judged met / not met, counted; the widget already named each blank one
    if judged and not (met and all(v is None for v in judged.values())):
        numbers = [digits(meta["met"].get(k, k), style) for k in judged]
        lines += met_count(judged, numbers, style)
    if quiz is not None:
        lines.append(say("quiz", style, correct=quiz[0], total=quiz[1]))
    elif meta["quiz"]:
        lines.append(TEXTS["quiz.unsubmitted"])
    return lines
