"""Write the schemas and the browser's copy of the results contract from the pydantic models.

- checklists/schema.json and checklists/results.schema.json (for editors and readers);
- the CONTRACT block of src/sop_helpers/sphinx_ext/static/sop-core.js (what the browser checks).
"""

from __future__ import annotations

from pathlib import Path

from sop_helpers.checklists import schema_text
from sop_helpers.results import contract_js, with_contract
from sop_helpers.results import schema_text as results_schema_text

ROOT = Path(__file__).resolve().parents[1]
CORE_JS = ROOT / "src" / "sop_helpers" / "sphinx_ext" / "static" / "sop-core.js"

if __name__ == "__main__":
    (ROOT / "checklists" / "schema.json").write_text(schema_text(), encoding="utf-8")
    (ROOT / "checklists" / "results.schema.json").write_text(
        results_schema_text(), encoding="utf-8"
    )
    CORE_JS.write_text(with_contract(CORE_JS.read_text("utf-8"), contract_js()), encoding="utf-8")
