"""Checklist files (``checklists/*.yml``): the file models, the resolved checklist, the loader.

A checklist file holds only what is its own (evidence to keep, when, questions, explanations); the
text of steps and standards comes from the procedure data by id. :func:`parse_checklist` is pure:
it validates plain data against the procedures and returns immutable :class:`Checklist` objects
whose items carry stable ids and a content hash (:func:`content_hash`) that results files and the
website compare to decide whether an old answer still applies.

Split by subject: ``files`` (the file format and its JSON Schema), ``model`` (the resolved,
immutable checklist), ``parse`` (validation against the procedures) and ``load`` (reading files).
The public names are re-exported here.
"""

from .files import (
    CHOICE_HINTS,
    KINDS,
    THAI_LETTERS,
    ChecklistFile,
    IndicatorsFile,
    KnowledgeFile,
    StandardsFile,
    StepsFile,
    json_schema,
    schema_text,
)
from .load import checklist_path, checklists_dir, load_checklist, load_checklists
from .model import INDICATOR_COLUMNS, Checklist, Item, Option, Section, content_hash
from .parse import parse_checklist

__all__ = [
    "CHOICE_HINTS",
    "INDICATOR_COLUMNS",
    "KINDS",
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
    "checklist_path",
    "checklists_dir",
    "content_hash",
    "json_schema",
    "load_checklist",
    "load_checklists",
    "parse_checklist",
    "schema_text",
]
