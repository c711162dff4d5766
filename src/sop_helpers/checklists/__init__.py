"""Checklist files (``checklists/*.yml``): the file models, the resolved checklist, the loader.

A checklist file holds only what is its own (evidence to keep, when, questions, explanations); the
text of steps and standards comes from the procedure data by id. :func:`parse_checklist` is pure:
it validates plain data against the procedures and returns immutable :class:`Checklist` objects
whose items carry stable ids and a content hash (:func:`content_hash`) that results files and the
website compare to decide whether an old answer still applies.

Split by subject: ``files`` (the file format and its JSON Schema), ``model`` (the resolved,
immutable checklist), ``kinds`` (every kind declared once), ``build`` (the sections of each
kind), ``parse`` (validation against the procedures) and ``load`` (reading files).
The public names are re-exported here.
"""

from .files import (
    CHOICE_HINTS,
    THAI_LETTERS,
    ChecklistFile,
    IndicatorsFile,
    KnowledgeFile,
    StandardsFile,
    StepsFile,
    json_schema,
    schema_text,
)
from .kinds import (
    ANSWERS,
    CHECKLIST_KINDS,
    ITEM_KINDS,
    KIND_LABELS,
    KINDS,
    SECTION_KINDS,
    answer_of,
    chosen,
    complete_row,
    kinds_json,
    rule_of,
)
from .load import checklist_path, checklists_dir, load_checklist, load_checklists
from .model import INDICATOR_COLUMNS, Checklist, Item, Option, Section, content_hash
from .parse import parse_checklist

__all__ = [
    "ANSWERS",
    "CHECKLIST_KINDS",
    "CHOICE_HINTS",
    "INDICATOR_COLUMNS",
    "ITEM_KINDS",
    "KINDS",
    "KIND_LABELS",
    "SECTION_KINDS",
    "THAI_LETTERS",
    "Checklist",
    "ChecklistFile",
    "IndicatorsFile",
    "Item",
    "KnowledgeFile",
    "Option",
    "Section",
    "StandardsFile",
    "StepsFile",
    "answer_of",
    "checklist_path",
    "checklists_dir",
    "chosen",
    "complete_row",
    "content_hash",
    "json_schema",
    "kinds_json",
    "load_checklist",
    "load_checklists",
    "parse_checklist",
    "rule_of",
    "schema_text",
]
