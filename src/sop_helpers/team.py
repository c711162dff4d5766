"""The director's team view: many staff members' exported self-checks in one table.

Pure functions over already-read data; :func:`read_folder` is the only one that touches files.
A file that cannot be used (not JSON, not a results file, a checklist the handbook does not have,
answers of the wrong kind) is listed as rejected with its reason, and the others still count.

Support rule (the office may change the thresholds here): a staff member needs support on a
standard written as cumulative levels when the level reached is below :data:`SUPPORT_LEVEL`, and
on any other standard when it is assessed as not met.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ._errors import ResultsError
from .checklists import Checklist
from .results import Loaded, parse_results
from .scoring import Score, score
from .thai import arabic_digits, thai_date

KIND_LABELS = {
    "steps": "ขั้นตอน",
    "standards": "มาตรฐาน",
    "knowledge": "ความรู้",
    "indicators": "ตัวชี้วัดรายบุคคล",
}
"""Short Thai names of the checklist kinds, for labels."""

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


def parse_entry(data: object, source: str, checklists: Mapping[str, Checklist]) -> Entry:
    """Validate one file's data against the handbook's checklists and score it (pure)."""
    if not isinstance(data, dict) or data.get("format") != "sop-checklist-results":
        raise ResultsError("ไม่ใช่ไฟล์ผลการตรวจสอบตนเองของคู่มือนี้", source=source, pointer="/format")
    ref = data.get("checklist")
    checklist_id = ref.get("id") if isinstance(ref, dict) else None
    if not isinstance(checklist_id, str) or checklist_id not in checklists:
        raise ResultsError(
            f"ไม่รู้จักแบบตรวจสอบ '{checklist_id}' ในคู่มือนี้", source=source, pointer="/checklist/id"
        )
    checklist = checklists[checklist_id]
    loaded: Loaded = parse_results(data, checklist, source)
    answers = loaded.results.values()
    rows = answers.get("rows") or []
    return Entry(
        file=source,
        name=loaded.results.person.name.strip() or "(ไม่ระบุชื่อ)",
        position=loaded.results.person.position.strip(),
        checklist=checklist,
        score=score(checklist, answers),
        updated=loaded.results.updated,
        dropped=loaded.dropped,
        rows=tuple(rows) if isinstance(rows, list) else (),
    )


def collect(
    files: Iterable[tuple[str, bytes]], checklists: Mapping[str, Checklist]
) -> tuple[list[Entry], list[Rejected]]:
    """Entries and rejections from ``(name, content)`` pairs.

    When one person sent the same checklist twice, the newest (by ``updated``) counts and the
    older is listed as rejected.
    """
    entries: list[Entry] = []
    rejected: list[Rejected] = []
    for name, content in files:
        try:
            data = json.loads(content.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            rejected.append(Rejected(name, "ไฟล์เสียหรือไม่ใช่ JSON"))
            continue
        try:
            entries.append(parse_entry(data, name, checklists))
        except ResultsError as exc:
            rejected.append(Rejected(name, _reason(exc)))
    newest: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.name, entry.checklist.id)
        if key in newest and newest[key].updated >= entry.updated:
            rejected.append(Rejected(entry.file, f"ซ้ำกับไฟล์ที่ใหม่กว่า ({newest[key].file})"))
            continue
        if key in newest:
            rejected.append(Rejected(newest[key].file, f"ซ้ำกับไฟล์ที่ใหม่กว่า ({entry.file})"))
        newest[key] = entry
    kept = sorted(newest.values(), key=lambda e: (e.name, e.checklist.id))
    return kept, sorted(rejected, key=lambda r: r.file)


def _reason(exc: ResultsError) -> str:
    # The director reads this: the message itself, without the JSON pointer.
    return exc.message


def read_folder(
    folder: str | Path, checklists: Mapping[str, Checklist]
) -> tuple[list[Entry], list[Rejected]]:
    """Read every ``*.json`` of a folder (the staff's exported files)."""
    paths = sorted(Path(folder).glob("*.json"))
    return collect(((p.name, p.read_bytes()) for p in paths), checklists)


_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _number(text: str) -> Decimal | None:
    """A plain number written with Thai or Arabic digits, commas or a % sign; else None."""
    cleaned = re.sub(r"[,%\s]", "", arabic_digits(text))
    return Decimal(cleaned) if _NUMBER.fullmatch(cleaned) else None


def indicator_status(row: Mapping[str, Any]) -> bool | None:
    """True when a row's result reaches its target (both numbers), False when not, else None."""
    target = _number(str(row.get("target", "")))
    result = _number(str(row.get("result", "")))
    if target is None or result is None:
        return None
    return result >= target


def standard_cells(entry: Entry) -> dict[str, str]:
    """Each standard's state as text: ``ระดับ 3/5``, ``ผ่าน``, ``ไม่ผ่าน`` or ``ยังไม่ประเมิน``."""
    cells: dict[str, str] = {}
    for section in entry.checklist.sections:  # in the checklist's order
        if section.id in entry.score.levels:
            level = entry.score.levels[section.id]
            cells[section.title] = f"ระดับ {level.level}/{level.max_level}"
        elif section.id in entry.score.met:
            met = entry.score.met[section.id]
            cells[section.title] = {True: "ผ่าน", False: "ไม่ผ่าน", None: "ยังไม่ประเมิน"}[met]
    return cells


def needs_support(entry: Entry) -> list[str]:
    """Titles of the standards on which this person needs support (see the module's rule)."""
    flagged = []
    for section in entry.checklist.sections:  # in the checklist's order
        level = entry.score.levels.get(section.id)
        if (level is not None and level.level < SUPPORT_LEVEL) or entry.score.met.get(
            section.id
        ) is False:
            flagged.append(section.title)
    return flagged


def team_rows(entries: Iterable[Entry]) -> list[dict[str, Any]]:
    """One plain row per entry: the team table (what the notebook and the web page show)."""
    rows = []
    for entry in entries:
        progress = entry.score.progress
        knowledge = entry.score.knowledge
        statuses = [indicator_status(r) for r in entry.rows]
        rows.append(
            {
                "ชื่อ": entry.name,
                "ตำแหน่ง": entry.position,
                "แบบตรวจสอบ": entry.checklist.title,
                "ความก้าวหน้า": f"{progress.done}/{progress.total}",
                "ร้อยละ": round(100 * progress.done / progress.total) if progress.total else 0,
                "มาตรฐาน": "; ".join(f"{k}: {v}" for k, v in standard_cells(entry).items()),
                "ความรู้": f"{knowledge.correct}/{knowledge.total}" if knowledge else "",
                "ตัวชี้วัด (บรรลุ/ทั้งหมด)": (
                    f"{sum(1 for s in statuses if s)}/{len(statuses)}" if entry.rows else ""
                ),
                "ควรได้รับการสนับสนุน": ", ".join(needs_support(entry)),
                "ปรับปรุงล่าสุด": thai_date(entry.updated.date(), "short"),
            }
        )
    return rows
