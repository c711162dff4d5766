"""Results of a self-check: one person, one checklist, as JSON.

The schema is committed as checklists/results.schema.json.

Each answer keeps the content hash of the item it answered. Reading results made for another
version of the checklist keeps an answer only when its item id still exists and the hash is
unchanged (the item's text is the same); the others are reported as dropped. ``checklist.js``
applies the same rule to answers saved in the browser and to imported files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, Field, StrictBool, StrictInt, StrictStr

from ._errors import ResultsError
from ._validate import FROZEN, validate
from ._yaml import Located
from .checklists import Checklist, Item
from .checklists.kinds import answer_of

FORMAT: Literal["sop-checklist-results"] = "sop-checklist-results"


class _Model(BaseModel):
    model_config = FROZEN


class Row(_Model):
    """A personal-indicators row."""

    indicator: StrictStr = ""
    target: StrictStr = ""
    evidence: StrictStr = ""
    result: StrictStr = ""


class Answer(_Model):
    """One answer and the content hash of the item it answered."""

    value: StrictBool | StrictStr | tuple[StrictStr, ...] | tuple[Row, ...] | None
    hash: Annotated[StrictStr, Field(pattern=r"^[0-9a-f]{16}$")]


class Person(_Model):
    """Who filled the checklist."""

    name: StrictStr = ""
    position: StrictStr = ""


class ChecklistRef(_Model):
    """The checklist (and its version) the answers were made for."""

    id: Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    version: Annotated[StrictInt, Field(ge=1)]


class Results(_Model):
    """A results file."""

    format: Literal["sop-checklist-results"] = FORMAT
    format_version: Literal[1] = 1
    checklist: ChecklistRef
    person: Person = Person()
    created: AwareDatetime
    updated: AwareDatetime
    answers: Mapping[str, Answer] = Field(default_factory=dict)

    def values(self) -> dict[str, Any]:
        """Answers as plain values keyed by item id (what :func:`sop_helpers.score` takes)."""
        return {key: _plain(answer.value) for key, answer in self.answers.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [v.model_dump() if isinstance(v, Row) else v for v in value]
    return value


def json_schema() -> dict[str, Any]:
    """JSON Schema of a results file (``checklists/results.schema.json``)."""
    schema = Results.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    """The results schema as committed."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True)
class Loaded:
    """Results read for a checklist: the kept answers and the ids of the dropped ones."""

    results: Results
    dropped: tuple[str, ...]

    @property
    def migrated(self) -> bool:
        """True when answers were dropped or the version changed."""
        return bool(self.dropped)


def _valid_value(item: Item, value: Any) -> bool:
    return value is None or answer_of(item).valid(item, value)


def make_results(
    checklist: Checklist,
    answers: Mapping[str, Any],
    *,
    name: str = "",
    position: str = "",
    now: dt.datetime | None = None,
    created: dt.datetime | None = None,
) -> Results:
    """Results for plain answers (item id -> value); hashes come from the checklist."""
    moment = now or dt.datetime.now(dt.UTC)
    known = {item.id: item for item in checklist.items}
    data = {
        "checklist": {"id": checklist.id, "version": checklist.version},
        "person": {"name": name, "position": position},
        "created": (created or moment).isoformat(),
        "updated": moment.isoformat(),
        "answers": {
            key: {"value": value, "hash": known[key].hash}
            for key, value in answers.items()
            if key in known and value is not None
        },
    }
    return parse_results(data, checklist).results


def parse_results(data: object, checklist: Checklist, source: str | None = None) -> Loaded:
    """Validate results data and migrate it to ``checklist`` (pure)."""
    results = validate(Results, Located(data, {}, source), ResultsError)
    if results.checklist.id != checklist.id:
        raise ResultsError(
            f"ไฟล์นี้เป็นผลของแบบตรวจสอบ '{results.checklist.id}' ไม่ใช่ '{checklist.id}'",
            source=source,
            pointer="/checklist/id",
        )
    known = {item.id: item for item in checklist.items}
    kept: dict[str, Answer] = {}
    dropped: list[str] = []
    for key, answer in results.answers.items():
        item = known.get(key)
        if item is None or item.hash != answer.hash:
            dropped.append(key)
            continue
        if not _valid_value(item, answer.value):
            raise ResultsError(
                f"คำตอบของรายการ '{key}' ไม่ตรงชนิดของรายการ",
                source=source,
                pointer=f"/answers/{key}",
            )
        kept[key] = answer
    migrated = results.model_copy(
        update={
            "answers": kept,
            "checklist": ChecklistRef(id=checklist.id, version=checklist.version),
        }
    )
    return Loaded(migrated, tuple(dropped))


def load_results(path: str | Path, checklist: Checklist) -> Loaded:
    """Read a results file for ``checklist``; answers to changed or removed items are dropped."""
    source = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ResultsError("ไม่พบไฟล์", source=source) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResultsError(f"ไฟล์ไม่ใช่ JSON ที่อ่านได้ ({exc})", source=source) from exc
    return parse_results(data, checklist, source)


def results_json(results: Results) -> str:
    """The JSON text of a results file."""
    return json.dumps(results.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def save_results(results: Results, path: str | Path) -> Path:
    """Write a results file (UTF-8 JSON); returns the path."""
    target = Path(path)
    target.write_text(results_json(results), encoding="utf-8")
    return target
