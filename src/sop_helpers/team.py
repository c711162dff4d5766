"""The director's team view: many staff members' exported self-checks in one table.

Pure functions over already-read data; :func:`read_folder` is the only one that touches files.
A file that cannot be used (not JSON, not a results file, a checklist the handbook does not have,
answers of the wrong kind) is listed as rejected with its reason, and the others still count.

Support rule (the office may change the thresholds here): a staff member needs support on a
standard written as cumulative levels when the level reached is below :data:`SUPPORT_LEVEL`, and
on any other standard when it is assessed as not met. A level the blank statement above it may
still raise (:func:`provisional`) reads "(ยังตอบไม่ครบ)" and is not flagged; an unanswered
single standard is not assessed, never "not met".
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._errors import ResultsError
from .checklists import Checklist
from .checklists.kinds import CHECKLIST_KINDS, kind_order, rule_of
from .checklists.kinds import KIND_LABELS as KIND_LABELS  # the team notebook imports it here
from .names import person_key
from .results import MESSAGES, Bundle, Loaded, Results, check_file, message, migrate
from .results.read import is_csv_name
from .scoring import Score, score
from .targets import indicator_status as indicator_status  # the notebook imports it here
from .team_states import THAILAND as THAILAND  # importable from here
from .team_states import assessed as assessed  # still importable from here
from .team_states import by_number, met_lines, provisional, standard_label, thai_day
from .thai import thai_date
from .wording import TEXTS, met, say

HANDBOOK_LABEL = next(k.label for k in CHECKLIST_KINDS.values() if k.handbook)
"""The column of the lists over the whole handbook (the first week)."""

SUPPORT_LEVEL = 3
"""A cumulative standard below this level (of 5) is flagged as needing support."""


@dataclass(frozen=True)
class Rejected:
    """A file that was not used, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class Entry:
    """One staff member's results for one checklist, scored."""

    file: str
    name: str
    position: str
    checklist: Checklist
    score: Score
    updated: dt.datetime
    dropped: tuple[str, ...]
    rows: tuple[Mapping[str, Any], ...] = ()
    quiz: Any = None
    """The knowledge check's submission state of the file (``Quiz``: submitted, attempts, score)."""
    answers: Mapping[str, Any] = field(default_factory=dict)


def parse_entries(data: object, source: str, checklists: Mapping[str, Checklist]) -> list[Entry]:
    """Validate one file's data (results or a bundle) against the handbook's checklists and
    score it (pure); raises ResultsError with a Thai reason naming the field."""
    checked = check_file(data, source)
    files = checked.results if isinstance(checked, Bundle) else (checked,)
    raw = data.get("results", []) if isinstance(data, dict) else []
    entries = []
    for index, results in enumerate(files):
        where = say("team.in_bundle", n=index + 1) if isinstance(checked, Bundle) else ""
        checklist = checklists.get(results.checklist.id)
        try:
            if checklist is None:
                raise ResultsError(
                    message("unknown_checklist", "/checklist/id", found=results.checklist.id),
                    source=source,
                    pointer="/checklist/id",
                    key="unknown_checklist",
                )
            loaded: Loaded = migrate(results, checklist, source)
        except ResultsError as exc:
            if not where:
                raise
            raise ResultsError(
                where + exc.message, source=source, pointer=exc.pointer, key=exc.key
            ) from None
        _attributable(results, raw[index] if isinstance(checked, Bundle) else data, where, source)
        answers = {k: v for k, v in loaded.results.values().items() if v is not None}
        rows = answers.get("rows") or []
        entries.append(
            Entry(
                file=source,
                name=loaded.results.person.name.strip(),
                position=loaded.results.person.position.strip(),
                checklist=checklist,
                score=score(checklist, answers),
                updated=loaded.results.updated,
                dropped=loaded.dropped,
                rows=tuple(rows) if isinstance(rows, list) else (),
                quiz=loaded.results.quiz,
                answers=answers,
            )
        )
    return entries


def parse_entry(data: object, source: str, checklists: Mapping[str, Checklist]) -> Entry:
    """The one entry of a single results file (see :func:`parse_entries`)."""
    return parse_entries(data, source, checklists)[0]


def _attributable(results: Results, raw: object, where: str, source: str) -> None:
    """The director's table needs whose answers these are, and the answers: a results file
    without a name or without its answers (our exports always carry both) is refused."""
    for key, place, missing in (
        ("no_person", "/person/name", not results.person.name.strip()),
        ("no_answers", "/answers", not (isinstance(raw, dict) and "answers" in raw)),
    ):
        if missing:
            raise ResultsError(where + message(key, place), source=source, pointer=place, key=key)


def collect(
    files: Iterable[tuple[str, bytes]], checklists: Mapping[str, Checklist]
) -> tuple[list[Entry], list[Rejected]]:
    """Entries and rejections from ``(name, content)`` pairs.

    When one person (the same :func:`~sop_helpers.names.person_key`) sent the same checklist
    twice, the newest (by the instant of ``updated``) counts and the older is listed as rejected.
    """
    entries: list[Entry] = []
    rejected: list[Rejected] = []
    for name, content in files:
        if is_csv_name(name):
            rejected.append(Rejected(name, TEXTS["import.csv"]))
            continue
        try:
            data = json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            rejected.append(Rejected(name, MESSAGES["not_json"]))
            continue
        try:
            entries.extend(parse_entries(data, name, checklists))
        except ResultsError as exc:
            rejected.append(Rejected(name, _reason(exc)))
    newest: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (person_key(entry.name), entry.checklist.id)
        if key not in newest or entry.updated > newest[key].updated:
            newest[key] = entry
    replaced: dict[str, list[tuple[Entry, Entry]]] = {}  # file -> (its older entry, the newer)
    for entry in entries:
        newer = newest[(person_key(entry.name), entry.checklist.id)]
        if newer is not entry:
            replaced.setdefault(entry.file, []).append((entry, newer))
    forms = Counter(e.file for e in entries)
    rejected += [Rejected(f, _older(pairs, forms[f])) for f, pairs in replaced.items()]
    kept = sorted(newest.values(), key=lambda e: (person_key(e.name), e.name, e.checklist.id))
    return kept, sorted(rejected, key=lambda r: r.file)


def _older(pairs: list[tuple[Entry, Entry]], forms: int) -> str:
    # Said to the director, once per file: which file counts instead, and why (same person,
    # same checklist); for a bundle, which of its forms were replaced and whether the rest count.
    def when(e: Entry) -> str:
        return thai_date(thai_day(e.updated), "short")

    if forms == 1:
        return say("team.older", file=pairs[0][1].file, date=when(pairs[0][1]))
    said = " ".join(
        say("team.older.form", title=old.checklist.title, file=new.file, date=when(new))
        for old, new in pairs
    )
    return say("team.older.all" if len(pairs) >= forms else "team.older.some", forms=said)


def _reason(exc: ResultsError) -> str:
    # The director reads this: the message itself, without the JSON pointer.
    return exc.message


def read_folder(
    folder: str | Path, checklists: Mapping[str, Checklist]
) -> tuple[list[Entry], list[Rejected]]:
    """Read every ``*.json`` of a folder (the staff's exported files)."""
    paths = sorted(Path(folder).glob("*.json"))
    return collect(((p.name, p.read_bytes()) for p in paths), checklists)


def standard_cells(entry: Entry) -> dict[str, str]:
    """Each standard's state in the handbook's wording: ``ระดับ ๓ จาก ๕``, ``ได้ตามมาตรฐาน``, or
    ``ยังไม่ได้ประเมิน`` when nothing of it was answered."""
    cells: dict[str, str] = {}
    for section in entry.checklist.sections:  # in the checklist's order
        if section.id in entry.score.levels and not assessed(entry, section.id):
            cells[section.title] = met(None)
        elif section.id in entry.score.levels:
            level = entry.score.levels[section.id]
            words = "level.partial" if provisional(entry, section.id) else "level"
            cells[section.title] = say(words, level=level.level, max=level.max_level)
        elif section.id in entry.score.met:
            cells[section.title] = met(entry.score.met[section.id])
    return cells


def needs_support(entry: Entry) -> list[str]:
    """Titles of the standards on which this person needs support (see the module's rule)."""
    return [s.title for s in entry.checklist.sections if _flagged(entry, s.id)]


def _flagged(entry: Entry, section_id: str) -> bool:
    # the support rule: an assessed level below SUPPORT_LEVEL, or a standard assessed as not met
    level = entry.score.levels.get(section_id)
    if level is not None:
        low = level.level < SUPPORT_LEVEL and assessed(entry, section_id)
        return low and not provisional(entry, section_id)
    return entry.score.met.get(section_id) is False


def team_rows(entries: Iterable[Entry]) -> list[dict[str, Any]]:
    """One plain row per entry: the team table (what the notebook and the web page show)."""
    rows = []
    for entry in entries:
        progress = entry.score.progress
        knowledge = entry.score.knowledge
        statuses = [x for x in map(indicator_status, entry.rows) if x is not None]
        rows.append(
            {
                "ชื่อ": entry.name,
                "ตำแหน่ง": entry.position,
                "แบบตรวจสอบ": entry.checklist.title,
                "ความก้าวหน้า": say("progress", done=progress.done, total=progress.total),
                "ร้อยละ": round(100 * progress.done / progress.total) if progress.total else 0,
                "มาตรฐาน": "; ".join(f"{k}: {v}" for k, v in standard_cells(entry).items()),
                "ความรู้": say("quiz", correct=knowledge.correct, total=knowledge.total)
                if knowledge
                else "",
                "ตัวชี้วัด (บรรลุ/ทั้งหมด)": (
                    say("progress", done=sum(1 for s in statuses if s), total=len(statuses))
                    if entry.rows
                    else ""
                ),
                "ควรได้รับการสนับสนุน": ", ".join(needs_support(entry)),
                "ปรับปรุงล่าสุด": thai_date(thai_day(entry.updated), "short"),
            }
        )
    return rows


# --------------------------------------------------------------------------- person x procedure


@dataclass(frozen=True)
class Cell:
    """One person's results on one procedure: the files of its checklists, in kind order."""

    procedure: str
    entries: tuple[Entry, ...]

    def lines(self) -> list[str]:
        """The cell as lines of the handbook's wording (standards by ``Section.number``)."""
        if not self.entries:
            return [TEXTS["not.sent"]]
        lines: list[str] = []
        support: list[str] = []
        for entry in self.entries:
            # by the kind's declaration (checklists/kinds.py), as team-matrix.js: its progress
            # unless a level, a met standard or a quiz says the result; quiz; indicators; levels
            s = entry.score
            kind = CHECKLIST_KINDS[entry.checklist.kind]
            rules = {rule_of(section) for section in entry.checklist.sections}
            if not rules & {"level", "met", "quiz"}:
                lines.append(say(kind.progress, done=s.progress.done, total=s.progress.total))
            if kind.quiz and s.knowledge is not None:
                quiz = entry.quiz
                if quiz is not None and not quiz.submitted:
                    lines.append(TEXTS["quiz.unsubmitted"])
                else:
                    got = quiz.score if quiz is not None and quiz.score else s.knowledge
                    lines.append(say("quiz", correct=got.correct, total=got.total))
                if quiz is not None and quiz.attempts:
                    lines.append(say("quiz.attempts", attempts=quiz.attempts))
            # a target or result written in words is counted neither way (targets.py)
            statuses = [x for x in map(indicator_status, entry.rows) if x is not None]
            if "rows" in rules and statuses:
                reached = sum(1 for x in statuses if x)
                lines.append(say("indicators", reached=reached, total=len(statuses)))
            # standards by their number (Section.number); among levels a single standard is
            # said in its place, else the single standards are counted (met_lines)
            mixed = bool(s.levels) and any(x.id in s.met for x in entry.checklist.sections)
            for section in by_number(entry.checklist.sections):
                level = s.levels.get(section.id)
                number = standard_label(section)
                if mixed and section.id in s.met:
                    lines.append(say("met.standard", number=number, state=met(s.met[section.id])))
                elif level is not None and not assessed(entry, section.id):
                    lines.append(say("level.standard.none", number=number))
                elif level is not None:
                    words = "level.standard.partial" if provisional(entry, section.id) else ""
                    lines.append(
                        say(
                            words or "level.standard",
                            number=number,
                            level=level.level,
                            max=level.max_level,
                        )
                    )
            lines += [] if mixed else met_lines(entry)
            support += [
                standard_label(x)
                for x in by_number(entry.checklist.sections)
                if _flagged(entry, x.id)
            ]
        if support:
            lines.append(say("support.standards", numbers=", ".join(support)))
        return lines

    @property
    def needs_support(self) -> bool:
        """Whether any standard of this procedure is below the support rule."""
        return any(needs_support(e) for e in self.entries)


@dataclass(frozen=True)
class PersonRow:
    """One person of the team: the name as typed in the newest file, and a cell per procedure."""

    key: str
    name: str
    position: str
    updated: dt.datetime
    cells: tuple[Cell, ...]


def team_matrix(
    entries: Iterable[Entry], procedures: Iterable[str], key: Any = None
) -> list[PersonRow]:
    """One row per person (names matched by ``key``), a cell per procedure in ``procedures``.

    Rows are sorted by the matching key, so an honorific (นาย, นางสาว, ดร. ...) does not decide
    the order; the name and position shown are those of the person's newest file.
    """
    key = key or person_key
    entries = list(entries)
    order = list(procedures)
    # a list over the whole handbook (the first week) gets its own first column when sent
    if any(not e.checklist.procedure for e in entries):
        order.insert(0, "")
    people: dict[str, list[Entry]] = {}
    for entry in entries:
        people.setdefault(key(entry.name), []).append(entry)
    rows = []
    for person, mine in people.items():
        newest = max(mine, key=lambda e: e.updated)
        cells = tuple(
            Cell(
                pid,
                tuple(
                    sorted(
                        (e for e in mine if e.checklist.procedure == pid),
                        key=lambda e: (kind_order(e.checklist.kind), e.checklist.id),
                    )
                ),
            )
            for pid in order
        )
        rows.append(PersonRow(person, newest.name, newest.position, newest.updated, cells))
    return sorted(rows, key=lambda r: (r.key, r.name))


def matrix_table(
    people: Iterable[PersonRow], procedures: Mapping[str, Any]
) -> list[dict[str, list[str]]]:
    """The person x procedure table as plain lines per cell (what the web page and notebook show).

    Columns: ``ชื่อ`` (name, position), one per procedure (its short title), ``ส่งล่าสุด``.
    """
    table = []
    for person in people:
        row: dict[str, list[str]] = {
            TEXTS["team.name"]: [person.name, *([person.position] if person.position else [])]
        }
        for cell in person.cells:
            title = procedures[cell.procedure].short_title if cell.procedure else HANDBOOK_LABEL
            row[title] = cell.lines()
        row[TEXTS["team.sent"]] = [thai_date(thai_day(person.updated), "short")]
        table.append(row)
    return table
