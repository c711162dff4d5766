"""The contract as data: the JSON Schema (committed) and the browser's copy in sop-core.js."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .messages import FIELD_LABELS, MESSAGES
from .models import BUNDLE_FORMAT, FORMAT, FORMAT_VERSION, KNOWN_VERSIONS, Bundle, Results


def json_schema() -> dict[str, Any]:
    """JSON Schema of a results file (``checklists/results.schema.json``)."""
    schema = Results.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    """The results schema as committed."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def contract() -> dict[str, Any]:
    """What the browser needs to check a file exactly as Python does (see the module doc)."""
    return {
        "formats": {FORMAT: "results", BUNDLE_FORMAT: "bundle"},
        "versions": {"results": list(KNOWN_VERSIONS), "bundle": [FORMAT_VERSION]},
        "current": FORMAT_VERSION,
        "schemas": {"results": _compact(Results), "bundle": _compact(Bundle)},
        "messages": MESSAGES,
        "labels": FIELD_LABELS,
    }


_SCHEMA_NOISE = ("title", "description", "default")


def _compact(model: type[BaseModel]) -> dict[str, Any]:
    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: strip(v)
                for k, v in node.items()
                if k not in _SCHEMA_NOISE or (k == "title" and isinstance(v, dict))
            }
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    stripped: dict[str, Any] = strip(model.model_json_schema())
    return stripped


_BEGIN = "  // BEGIN CONTRACT"
_END = "  // END CONTRACT"


def contract_js() -> str:
    """The ``CONTRACT`` constant of sop-core.js (one line of JSON)."""
    text = json.dumps(contract(), ensure_ascii=False, separators=(",", ":"))
    return f"  const CONTRACT = /** @type {{any}} */ ({text});"


def with_contract(script: str, block: str) -> str:
    """``script`` (sop-core.js) with its generated CONTRACT block replaced by ``block``."""
    start = script.index(_BEGIN)
    start = script.index("\n", start) + 1
    end = script.index(_END)
    return script[:start] + block + "\n" + script[end:]
