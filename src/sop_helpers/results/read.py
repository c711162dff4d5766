"""Reading, migrating, making and writing results files and bundles."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .._errors import ResultsError
from .._files import write_text_atomic
from .._yaml import pointer
from ..checklists import Checklist, Item
from ..checklists.kinds import answer_of
from ..names import person_key
from ..thai import thai_digits
from ..wording import TEXTS
from . import models
from .messages import MESSAGES, _error, _fail
from .models import Answer, Bundle, ChecklistRef, Results


@dataclass(frozen=True)
class Loaded:
    """Results read for a checklist: the kept answers, the dropped ids, and what changed."""

    results: Results
    dropped: tuple[str, ...]
    from_version: int = 0
    """The checklist version the answers were made for (0: not recorded)."""
    from_format: int = models.FORMAT_VERSION
    """The file's format version (1: migrated to 2)."""

    @property
    def migrated(self) -> bool:
        """True when answers were dropped, the checklist version or the file format changed."""
        return (
            bool(self.dropped)
            or (self.from_version not in (0, self.results.checklist.version))
            or self.from_format != models.FORMAT_VERSION
        )

    @property
    def notes(self) -> tuple[str, ...]:
        """What the reader should be told (Thai): the format migration, dropped answers."""
        notes = []
        if self.from_format != models.FORMAT_VERSION:
            notes.append(MESSAGES["migrated"])
        return tuple(notes)


def check_file(data: object, source: str | None = None) -> Results | Bundle:
    """Validate a results file or a bundle against the contract (pure); v1 becomes v2."""
    if not isinstance(data, dict):
        raise _fail("not_object", "", source)
    if data.get("format") not in (models.FORMAT, models.BUNDLE_FORMAT):
        raise _fail("not_results", "/format", source)
    shape = "results" if data["format"] == models.FORMAT else "bundle"
    # Version 1 files could leave the version out (it was the default); bundles are new in 2.
    version = data.get("format_version", 1 if shape == "results" else None)
    allowed = models.KNOWN_VERSIONS if shape == "results" else (models.FORMAT_VERSION,)
    if isinstance(version, bool) or version not in allowed:
        raise _fail("format_version", "/format_version", source, found=_shown(version))
    model: type[Results] | type[Bundle] = Results if shape == "results" else Bundle
    try:
        checked = model.model_validate(data)
    except ValidationError:
        # The first problem is the one the browser finds first: validate again with every
        # object's names in the order JavaScript walks them.
        ordered = script_order(data)
        try:
            model.model_validate(ordered)
        except ValidationError as exc:
            raise _error(exc, ordered, source) from None
        raise  # pragma: no cover - the order of names cannot make a file valid
    if isinstance(checked, Bundle):
        who = person_key(checked.person.name)
        for index, inner in enumerate(checked.results):
            if person_key(inner.person.name) != who:
                raise _fail(
                    "bundle_person",
                    f"/results/{index}/person/name",
                    source,
                    found=inner.person.name,
                )
    return checked


_INDEX = re.compile(r"0|[1-9][0-9]{0,9}")


def script_order(value: Any) -> Any:
    """``value`` with every object's names in the order JavaScript enumerates them: names that
    are array indexes (``"0"``, ``"12"``) first, ascending, then the others as written."""
    if isinstance(value, list):
        return [script_order(v) for v in value]
    if not isinstance(value, dict):
        return value
    index = sorted(
        (k for k in value if isinstance(k, str) and _INDEX.fullmatch(k) and int(k) < 2**32 - 1),
        key=int,
    )
    rest = [k for k in value if k not in set(index)]
    return {k: script_order(value[k]) for k in index + rest}


def _shown(value: object) -> str:
    """A found value in a message, written as sop-core.js writes it (short)."""
    if value is None:
        text = TEXTS["value.none"]
    elif isinstance(value, int | float) and not isinstance(value, bool):
        whole = abs(value) < 1e15 and float(value).is_integer()
        text = str(int(value)) if whole else TEXTS["value.other"]
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = TEXTS["value.other"]
    return text if len(text) <= 20 else text[:20] + "…"


def _valid_value(item: Item, value: Any) -> bool:
    # What an answer may be is declared once, with the item's kind (checklists/kinds.py).
    return value is None or answer_of(item).valid(item, value)


def make_results(
    checklist: Checklist,
    answers: Mapping[str, Any],
    *,
    name: str = "",
    position: str = "",
    now: dt.datetime | None = None,
    created: dt.datetime | None = None,
    quiz: Mapping[str, Any] | None = None,
) -> Results:
    """Results for plain answers (item id -> value); hashes come from the checklist."""
    moment = now or dt.datetime.now(dt.UTC)
    known = {item.id: item for item in checklist.items}
    data: dict[str, Any] = {
        "format": models.FORMAT,
        "format_version": models.FORMAT_VERSION,
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
    if quiz is not None:
        data["quiz"] = dict(quiz)
    return parse_results(data, checklist).results


def migrate(
    results: Results,
    checklist: Checklist,
    source: str | None = None,
    *,
    from_format: int = 2,
    titles: Mapping[str, str] | None = None,
) -> Loaded:
    """Keep the answers whose item and text are unchanged in ``checklist`` (pure).

    A file of another checklist is refused naming both by their Thai titles (``titles``: id ->
    title of the handbook's checklists; an id the handbook lacks is named as the file wrote it).
    """
    if results.checklist.id != checklist.id:
        found = results.checklist.id
        raise _fail(
            "other_checklist",
            "/checklist/id",
            source,
            found=(titles or {}).get(found, found),
            expected=checklist.title,
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
            raise _fail("value_kind", pointer(("answers", key, "value")), source, found=key)
        kept[key] = answer
    migrated = results.model_copy(
        update={
            "answers": kept,
            "format_version": models.FORMAT_VERSION,
            "checklist": ChecklistRef(id=checklist.id, version=checklist.version),
        }
    )
    return Loaded(migrated, tuple(dropped), results.checklist.version, from_format)


def parse_results(
    data: object,
    checklist: Checklist,
    source: str | None = None,
    *,
    titles: Mapping[str, str] | None = None,
) -> Loaded:
    """Validate one results file and migrate it to ``checklist`` (pure; ``titles``: see
    :func:`migrate`)."""
    checked = check_file(data, source)
    if isinstance(checked, Bundle):
        raise _fail("not_results", "/format", source)
    version = data.get("format_version", 1) if isinstance(data, dict) else models.FORMAT_VERSION
    return migrate(checked, checklist, source, from_format=int(version), titles=titles)


def item_names(checklist: Checklist, ids: list[str] | tuple[str, ...]) -> list[str]:
    """Items named in a message as the page shows them ("๑. <text>"), never by internal id; ids no
    longer in the checklist are counted as removed items (checklist.js ``itemNames``)."""
    known = {item.id: item for item in checklist.items}
    names = [
        TEXTS["item.named"].format(number=known[i].number, text=known[i].text)
        for i in ids
        if i in known
    ]
    gone = sum(1 for i in ids if i not in known)
    if gone:
        names.append(TEXTS["item.gone"].format(count=thai_digits(str(gone))))
    return names


def is_csv_name(name: str | Path) -> bool:
    """Whether a file given as a results file is a CSV export (refused by its name, with
    ``TEXTS["import.csv"]``; sop-core.js ``readJson`` takes the same rule for the browser)."""
    return str(name).lower().endswith(".csv")


def read_json(path: str | Path) -> object:
    """The JSON data of a file (UTF-8, a BOM allowed); errors are ResultsError naming the file
    (sop-core.js ``readJson`` reads a chosen file alike)."""
    source = str(path)
    if is_csv_name(path):
        raise ResultsError(TEXTS["import.csv"], source=source, key="csv_file")
    try:
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise ResultsError("ไม่พบไฟล์", source=source, key="not_found") from exc
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _fail("not_json", "", source) from exc


def load_results(
    path: str | Path, checklist: Checklist, *, titles: Mapping[str, str] | None = None
) -> Loaded:
    """Read a results file for ``checklist``; answers to changed or removed items are dropped."""
    return parse_results(read_json(path), checklist, str(path), titles=titles)


def results_json(results: Results | Bundle) -> str:
    """The JSON text of a results file or a bundle."""
    return json.dumps(results.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def make_bundle(results: list[Results], *, now: dt.datetime | None = None) -> Bundle:
    """All my results: one person's results files in one bundle (the first file's person)."""
    if not results:
        raise _fail("too_few", "/results", None, limit=1)
    data = {
        "format": models.BUNDLE_FORMAT,
        "format_version": models.FORMAT_VERSION,
        "person": results[0].person.model_dump(),
        "created": (now or dt.datetime.now(dt.UTC)).isoformat(),
        "results": [r.model_dump(mode="json") for r in results],
    }
    checked = check_file(data)
    assert isinstance(checked, Bundle)
    return checked


def save_results(results: Results | Bundle, path: str | Path) -> Path:
    """Write a results file or bundle (UTF-8 JSON) atomically; returns the path."""
    return write_text_atomic(path, results_json(results))
