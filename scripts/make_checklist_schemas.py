"""Write checklists/schema.json and checklists/results.schema.json from the pydantic models."""

from __future__ import annotations

from pathlib import Path

from sop_helpers.checklists import schema_text
from sop_helpers.results import schema_text as results_schema_text

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    (ROOT / "checklists" / "schema.json").write_text(schema_text(), encoding="utf-8")
    (ROOT / "checklists" / "results.schema.json").write_text(
        results_schema_text(), encoding="utf-8"
    )
