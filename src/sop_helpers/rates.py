"""Rates, targets, thresholds and office facts read from ``book/data/rates/*.yml`` and
``book/data/office.yml``.

Every record names its source, its date and a confidence tag (verified / secondary /
unverified, as in the domain-facts file). A record tagged ``unverified`` must be marked
``illustrative: true``: pages print the label :data:`ILLUSTRATIVE_LABEL` beside such values.
Money is written as a string in YAML (``"1836"``) and read as ``Decimal``; a YAML float is
rejected so that no amount passes through binary floating point.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from ._errors import RatesError
from ._paths import data_folder
from ._validate import FROZEN, Text, require_unique, validate
from ._yaml import load_yaml

ILLUSTRATIVE_LABEL = "ตัวเลขสมมุติเพื่อประกอบคำอธิบาย (ยังไม่ยืนยันจากหนังสือราชการ)"
"""Label printed next to every value whose record has ``illustrative: true``."""

CONFIDENCE_TH: dict[str, str] = {
    "verified": "ยืนยันจากเอกสารทางราชการ",
    "secondary": "ยังไม่เห็นหนังสือราชการฉบับจริง",
    "unverified": "ยังไม่ยืนยัน",
}

SOURCE_TYPE_TH: dict[str, str] = {
    "official": "เอกสารทางราชการ",
    "news": "ข่าว",
    "website": "เว็บไซต์",
    "none": "ไม่มีแหล่งที่มา",
}
"""What kind of document a record cites (``source_type``), as readers see it."""

USABLE_LABEL = "ใช้อ้างอิงได้"
"""Status of a value read from an official document (verified, not illustrative)."""

STATUS_TH: dict[str, str] = {
    "news": "ข่าว รอหนังสือราชการยืนยัน",
    "website": "เว็บไซต์ รอหนังสือราชการยืนยัน",
    "official": "เอกสารทางราชการ รอตรวจสอบฉบับจริง",
    "unknown": "ยังไม่ทราบค่า รอข้อมูลของสำนักงาน",
}


def _money(value: Any) -> Any:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, (bool, float)):
        raise ValueError('จำนวนเงิน/ตัวเลขต้องเขียนเป็นข้อความ เช่น "1836" หรือ "0.5"')
    if isinstance(value, int | str):
        try:
            return Decimal(str(value).replace(",", ""))
        except InvalidOperation:
            raise ValueError(f"อ่าน '{value}' เป็นตัวเลขไม่ได้") from None
    raise ValueError("ต้องเป็นตัวเลขในรูปข้อความ")


Amount = Annotated[Decimal | None, BeforeValidator(_money)]
Key = Annotated[StrictStr, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")]
FiscalYear = Annotated[StrictInt, Field(ge=2500, le=2700)]


class _Sourced(BaseModel):
    model_config = FROZEN

    source_title: Text
    source_url: StrictStr = ""
    source_date: date | None = None
    source_type: Literal["official", "news", "website", "none"]
    """The kind of document cited: an official one, a news report, another website, none."""
    confidence: Literal["verified", "secondary", "unverified"]
    illustrative: StrictBool
    note: StrictStr = ""

    @model_validator(mode="after")
    def _unverified_is_illustrative(self) -> _Sourced:
        if self.confidence == "unverified" and not self.illustrative:
            raise ValueError("ค่าที่ confidence เป็น unverified ต้องตั้ง illustrative: true")
        if self.confidence == "verified" and self.source_type != "official":
            raise ValueError(
                "ค่าที่ confidence เป็น verified ต้องอ้างเอกสารทางราชการ (source_type: official)"
                f" ไม่ใช่ {SOURCE_TYPE_TH[self.source_type]}"
            )
        return self

    @property
    def label(self) -> str:
        """The illustrative label, or "" for a value that may be shown as fact."""
        return ILLUSTRATIVE_LABEL if self.illustrative else ""

    @property
    def status(self) -> str:
        """What a reader may do with the value: "ใช้อ้างอิงได้" only for an official document
        that was seen (verified); news and other websites say so and wait for the letter."""
        if self.illustrative:
            return ILLUSTRATIVE_LABEL
        if getattr(self, "value", True) is None:
            return STATUS_TH["unknown"]
        if self.confidence == "verified":
            return USABLE_LABEL
        return STATUS_TH[self.source_type if self.source_type != "none" else "unknown"]

    @property
    def citation(self) -> str:
        """Source title, date in B.E. and confidence in Thai, for printing under a table."""
        from .thai import thai_date

        parts = [self.source_title]
        if self.source_type in ("news", "website"):
            parts.append(SOURCE_TYPE_TH[self.source_type])
        if self.source_date is not None:
            parts.append(thai_date(self.source_date, "full"))
        parts.append(CONFIDENCE_TH[self.confidence])
        return " · ".join(parts)


class RateRecord(_Sourced):
    """One rate, target or threshold, valid from a fiscal year on."""

    key: Key
    label_th: Text
    value: Amount
    unit: Text
    applies_from_fy: FiscalYear
    applies_to: StrictStr = ""
    level: StrictStr = ""
    band_min: Annotated[StrictInt, Field(ge=0)] | None = None
    band_max: Annotated[StrictInt, Field(ge=0)] | None = None
    quarter: Annotated[StrictInt, Field(ge=1, le=4)] | None = None

    @model_validator(mode="after")
    def _band(self) -> RateRecord:
        if (
            self.band_min is not None
            and self.band_max is not None
            and self.band_max < self.band_min
        ):
            raise ValueError("band_max ต้องไม่น้อยกว่า band_min")
        return self


class RateFile(BaseModel):
    """A data file of rate records with a title."""

    model_config = FROZEN

    title: Text
    description: StrictStr = ""
    records: Annotated[tuple[RateRecord, ...], Field(min_length=1)]

    def __iter__(self) -> Iterator[RateRecord]:  # type: ignore[override]
        return iter(self.records)

    def record(self, key: str) -> RateRecord:
        """The record with this key (``KeyError`` naming the key if none)."""
        for record in self.records:
            if record.key == key:
                return record
        raise KeyError(f"ไม่มี key '{key}' ใน {self.title}")

    def value(self, key: str) -> Decimal:
        """The value of a record; a record whose value is unknown (null) raises RatesError."""
        record = self.record(key)
        if record.value is None:
            raise RatesError(f"ค่า '{key}' ยังไม่ทราบ (null): ต้องให้สำนักงานกรอก")
        return record.value

    def select(self, **fields: object) -> tuple[RateRecord, ...]:
        """Records whose fields equal all the given values: ``select(applies_from_fy=2567)``."""
        return tuple(r for r in self.records if all(getattr(r, k) == v for k, v in fields.items()))

    def for_year(self, fiscal_year: int, prefix: str = "", **fields: object) -> RateRecord:
        """The record in force in ``fiscal_year``: among records whose key starts with
        ``prefix`` and whose fields match, the one with the latest ``applies_from_fy`` not after
        that year. ``KeyError`` (in Thai) when none applies yet."""
        candidates = [
            r
            for r in self.select(**fields)
            if r.key.startswith(prefix) and r.applies_from_fy <= fiscal_year
        ]
        if not candidates:
            wanted = ", ".join(f"{k}={v}" for k, v in fields.items())
            raise KeyError(f"ไม่มีอัตรา {prefix}* ({wanted}) ที่ใช้ในปีงบประมาณ {fiscal_year}")
        return max(candidates, key=lambda r: r.applies_from_fy)

    def bands(self) -> tuple[tuple[int, int | None, RateRecord], ...]:
        """Records with ``band_min`` as ``(low, high, record)``, sorted, for ``budget.band_for``."""
        banded = [(r.band_min, r.band_max, r) for r in self.records if r.band_min is not None]
        return tuple(sorted(banded, key=lambda band: band[0]))


FactValue = StrictStr | StrictInt | tuple[StrictStr, ...] | None


class OfficeFact(_Sourced):
    """One fact about the office (districts, counts, website)."""

    key: Key
    label_th: Text
    value: FactValue


class OfficeFile(BaseModel):
    """``book/data/office.yml``: the office's name and facts with sources."""

    model_config = FROZEN

    name: Text
    short_name: Text
    facts: Annotated[tuple[OfficeFact, ...], Field(min_length=1)]

    def fact(self, key: str) -> OfficeFact:
        """The fact with this key (``KeyError`` if none)."""
        for fact in self.facts:
            if fact.key == key:
                return fact
        raise KeyError(f"ไม่มีข้อมูล '{key}' ใน office.yml")


def data_dir(start: str | Path | None = None) -> Path:
    """``$SOP_DATA_DIR``, else ``book/data`` (with ``rates/``) in the nearest folder upwards."""
    return data_folder(RatesError, start)


def load_rates(name_or_path: str | Path) -> RateFile:
    """Read one rates file by name (``"lunch"`` -> book/data/rates/lunch.yml) or by path."""
    path = Path(name_or_path)
    if path.suffix != ".yml":
        path = data_dir() / "rates" / f"{name_or_path}.yml"
    located = load_yaml(path, RatesError)
    rates = validate(RateFile, located, RatesError)
    require_unique(located, RatesError, "key", ("records",), "key '{value}' ซ้ำกับรายการที่ {first}")
    return rates


def load_office(path: str | Path | None = None) -> OfficeFile:
    """Read ``book/data/office.yml`` (or the given file)."""
    target = Path(path) if path is not None else data_dir() / "office.yml"
    return validate(OfficeFile, load_yaml(target, RatesError), RatesError)
