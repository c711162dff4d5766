"""What the team view says of a standard a person answered only in part, or not at all (pure).

Entries are :class:`sop_helpers.team.Entry` (a score, the answers and the checklist). A standard
nobody answered is not assessed; a level whose next statement is blank may still rise, so it reads
"(ยังตอบไม่ครบ)" and is not flagged for support; single standards left blank are counted apart
from those not met.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .wording import Digits, digits, say


def assessed(entry: Any, section_id: str) -> bool:
    """Whether the person answered anything of a standard: one nobody answered is not assessed
    (``ยังไม่ได้ประเมิน``), never level 0 and never "needs support"."""
    progress = entry.score.sections.get(section_id)
    return progress is None or progress.done > 0


def provisional(entry: Any, section_id: str) -> bool:
    """Whether a cumulative level may still rise: the statement above it is unanswered (once a
    statement is not true, the higher ones cannot count, so the level is decided)."""
    level = entry.score.levels.get(section_id)
    above = level.next_missing if level is not None else None
    return above is not None and not isinstance(entry.answers.get(above.id), bool)


def standard_label(section: Any) -> str:
    """How a cell names a standards section: its standard's number (``Section.number``) as the
    site writes it (๓), else the section's id."""
    return digits(section.number) if section.number is not None else str(section.id)


def met_lines(entry: Any) -> list[str]:
    """The single standards of a cell: unanswered ones counted apart, never as "not met";
    all blank reads ``มาตรฐานข้อ ๓: ยังไม่ได้ประเมิน``."""
    met = entry.score.met
    blank = [standard_label(x) for x in entry.checklist.sections if x.id in met]
    return met_count(met, blank)


def met_count(
    met: Mapping[str, bool | None], numbers: Sequence[str], style: Digits = "thai"
) -> list[str]:
    """How the single (yes-no) standards ``met`` (id -> True, False or None when unanswered)
    are said, the one rule of the team view, "my progress" and the notebook widget: none
    answered is not assessed (``มาตรฐานข้อ ๓, ๕: ยังไม่ได้ประเมิน``, ``numbers`` as written),
    some answered counts the answered apart, all answered ``ได้ตามมาตรฐาน ๒ จาก ๓ ข้อ``."""
    answered = [v for v in met.values() if v is not None]
    if not met:
        return []
    if not answered:
        return [say("level.standard.none", style, number=", ".join(numbers))]
    got = sum(1 for v in answered if v)
    if len(answered) < len(met):
        return [say("met.count.answered", style, done=len(answered), total=len(met), met=got)]
    return [say("met.count", style, met=got, total=len(met))]


THAILAND = dt.timezone(dt.timedelta(hours=7), "Asia/Bangkok")
"""Thailand's time (+07:00, no daylight saving): the day a file was saved is the day there."""


def thai_day(moment: dt.datetime) -> dt.date:
    """The date in Thailand of a saved time, whatever offset the file wrote it in (team.js and
    team-matrix.js ``shortDate`` take the same rule)."""
    return moment.astimezone(THAILAND).date()


def by_number(sections: Iterable[Any]) -> list[Any]:
    """Sections in their standard's number order (``Section.number``); unnumbered ones after,
    as the checklist lists them (team-matrix.js sorts alike)."""
    return sorted(sections, key=lambda x: (x.number is None, x.number or 0))
