"""Data for the worked-example notebooks: input fingerprints, sample-data readers and the
source notes printed under tables (pure; the notebook glue is :mod:`sop_helpers.views.notebook`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import pandas as pd

from .rates import ILLUSTRATIVE_LABEL, OfficeFact, RateRecord, data_dir


def data_fingerprint(paths: Iterable[str | Path]) -> str:
    """Short SHA-256 over the names and bytes of the given files (folders: their files).

    A notebook prints it in a cell so that the execution cache, which keys on the code and
    its outputs' inputs, sees a change whenever a data file it reads changes.
    """
    digest = hashlib.sha256()
    files: list[Path] = []
    for item in paths:
        path = Path(item)
        files.extend(sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path])
    for path in files:
        digest.update(path.name.encode("utf-8"))
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def sample_dir() -> Path:
    """The folder of the synthetic sample data (``book/data/sample``)."""
    return data_dir() / "sample"


def read_sample(name: str, money: Sequence[str] = ()) -> pd.DataFrame:
    """Read ``book/data/sample/<name>.csv``; columns named in ``money`` become ``Decimal``."""
    frame = pd.read_csv(sample_dir() / f"{name}.csv", dtype=str, keep_default_na=False)
    for column in frame.columns:
        if column in money:
            frame[column] = pd.Series(
                [Decimal(v) for v in frame[column]], index=frame.index, dtype=object
            )
        elif all(v.lstrip("-").isdigit() for v in frame[column]) and len(frame):
            frame[column] = frame[column].astype(int)
    return frame


def source_note(records: Iterable[RateRecord | OfficeFact]) -> str:
    """Markdown lines naming each record's source; illustrative ones carry the Thai label."""
    lines = []
    for record in records:
        line = f"- **{record.label_th}**: {record.citation}"
        if record.source_url:
            line += f" <{record.source_url}>"
        if record.illustrative:
            line += f" — **{ILLUSTRATIVE_LABEL}**"
        lines.append(line)
    return "\n".join(lines)


PREFIX_UNITS = frozenset({"ร้อยละ"})
"""Units written before the number in Thai ("ร้อยละ 30"); the others follow it ("36 บาท/คน/วัน")."""


def with_unit(number: str, unit: str) -> str:
    """A number with its unit in Thai order: "ร้อยละ 30", "1,836 บาท/คน/ปี"."""
    if not unit:
        return number
    return f"{unit} {number}" if unit in PREFIX_UNITS else f"{number} {unit}"


def percent_text(value: Decimal | int, places: int = 2) -> str:
    """A percentage the one way the handbook writes it: "ร้อยละ 83.95"."""
    from .thai import format_number

    return f"ร้อยละ {format_number(Decimal(value), places)}"


def document_names(records: Iterable[RateRecord | OfficeFact]) -> str:
    """The documents the records come from, each once, in order: "ก; ข" (for a page's prose)."""
    names = dict.fromkeys(record.source_title for record in records)
    return "; ".join(names)


def sources_table(records: Iterable[RateRecord | OfficeFact]) -> pd.DataFrame:
    """One row per record: what, value, source (title and B.E. date), status (with the label)."""
    rows = []
    for record in records:
        value = record.value
        if isinstance(value, tuple):
            shown = ", ".join(value)
        elif value is None:
            shown = "ยังไม่ทราบ"
        else:
            shown = f"{value:,}" if not isinstance(value, str) else value
            if isinstance(record, RateRecord):
                shown = with_unit(shown, record.unit)
                if record.band_min is not None and record.unit == "คน":
                    # a class of schools: show its range of pupils, not the lower bound alone
                    high = f"–{record.band_max:,}" if record.band_max is not None else " ขึ้นไป"
                    shown = f"{record.band_min:,}{high} คน"
        rows.append(
            {
                "รายการ": record.label_th,
                "ค่า": shown,
                "แหล่งที่มา": record.citation,
                "ที่อยู่แหล่งที่มา": record.source_url or "-",
                "สถานะ": record.status,
            }
        )
    return pd.DataFrame(rows)
