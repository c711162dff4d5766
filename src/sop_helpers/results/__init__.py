"""Results of a self-check: one person, one checklist, as JSON (format version 2).

This module is the one definition of the results-file contract. The pydantic models below give
the fields, types and limits; :func:`contract` turns them into the JSON Schema that is committed as
``checklists/results.schema.json`` and generated into ``static/sop-core.js`` (by
``scripts/make_checklist_schemas.py``), so the browser checks the very same rules; the shared
vectors ``tests/vectors/results.json`` and a fuzz test prove that both accept and reject the same
files with the same message key.

Two shapes:

- a **results file** (``format: sop-checklist-results``): one person, one checklist;
- a **bundle** (``format: sop-checklist-bundle``, "ผลทั้งหมดของฉัน"): one person's results files
  of many checklists, each a complete results file.

Version 1 files (no quiz fields, no per-answer time) still load: they are migrated to version 2
and the load says so (:attr:`Loaded.notes`).

Each answer keeps the content hash of the item it answered. Reading results made for another
version of the checklist keeps an answer only when its item id still exists and the hash is
unchanged (the item's text is the same); the others are reported as dropped. ``checklist.js``
applies the same rule to answers saved in the browser and to imported files.
"""

from __future__ import annotations

from .contract import contract, contract_js, json_schema, schema_text, with_contract
from .fields import INSTANT
from .messages import FIELD_LABELS, MESSAGES, field_text, message
from .models import (
    BUNDLE_FORMAT,
    FORMAT,
    FORMAT_VERSION,
    KNOWN_VERSIONS,
    Answer,
    Bundle,
    ChecklistRef,
    Person,
    Quiz,
    QuizScore,
    Results,
    Row,
)
from .read import (
    Loaded,
    check_file,
    load_results,
    make_bundle,
    make_results,
    migrate,
    parse_results,
    read_json,
    results_json,
    save_results,
)

__all__ = [
    "BUNDLE_FORMAT",
    "FIELD_LABELS",
    "FORMAT",
    "FORMAT_VERSION",
    "INSTANT",
    "KNOWN_VERSIONS",
    "MESSAGES",
    "Answer",
    "Bundle",
    "ChecklistRef",
    "Loaded",
    "Person",
    "Quiz",
    "QuizScore",
    "Results",
    "Row",
    "check_file",
    "contract",
    "contract_js",
    "field_text",
    "json_schema",
    "load_results",
    "make_bundle",
    "make_results",
    "message",
    "migrate",
    "parse_results",
    "read_json",
    "results_json",
    "save_results",
    "schema_text",
    "with_contract",
]
