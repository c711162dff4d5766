"""Reading checklist files from disk: where they are, one file, a whole folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from .._errors import ChecklistError
from .._paths import find_folder
from .._validate import require_id_matches_file
from .._yaml import data_files, load_yaml
from ..procedures import Procedure, load_procedures
from .kinds import KINDS
from .model import Checklist
from .parse import parse_checklist


def checklists_dir(start: str | Path | None = None) -> Path:
    """``$SOP_CHECKLISTS_DIR``, else the nearest ``checklists/`` walking up from ``start``/cwd."""
    return find_folder("SOP_CHECKLISTS_DIR", "checklists", ChecklistError, start)


def checklist_path(path_or_id: str | Path) -> Path:
    """The file of a checklist given as a path, or as an id looked up in :func:`checklists_dir`."""
    text = str(path_or_id)
    if isinstance(path_or_id, Path) or text.endswith((".yml", ".yaml")) or os.sep in text:
        return Path(path_or_id)
    return checklists_dir() / f"{text}.yml"


def load_checklist(
    path_or_id: str | Path, procedures: Mapping[str, Procedure] | None = None
) -> Checklist:
    """Read, validate and resolve one checklist; errors name file, line and place.

    Procedures default to :func:`sop_helpers.load_procedures` (``$SOP_PROCEDURES_DIR`` or the
    book's data).
    """
    path = checklist_path(path_or_id)
    located = load_yaml(path, ChecklistError)
    if procedures is None:
        procedures = load_procedures()
    checklist = parse_checklist(located, procedures)
    require_id_matches_file(checklist.id, path, located, ChecklistError)
    return checklist


def load_checklists(
    folder: str | Path | None = None, procedures: Mapping[str, Procedure] | None = None
) -> dict[str, Checklist]:
    """Every checklist of a folder, keyed by id, sorted by procedure order then kind."""
    folder = Path(folder) if folder is not None else checklists_dir()
    if procedures is None:
        procedures = load_procedures()
    found = [load_checklist(path, procedures) for path in data_files(folder, ChecklistError)]
    order = {pid: index for index, pid in enumerate(procedures)}
    found.sort(key=lambda c: (order.get(c.procedure, 99), KINDS.index(c.kind), c.id))
    return {c.id: c for c in found}
