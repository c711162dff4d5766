"""Rates and office-facts data files: the shipped files load; malformed ones fail with a place."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from sop_helpers import RatesError
from sop_helpers.rates import ILLUSTRATIVE_LABEL, data_dir, load_office, load_rates

RATE_FILES = sorted((data_dir() / "rates").glob("*.yml"))


@pytest.mark.parametrize("path", RATE_FILES, ids=lambda p: p.stem)
def test_shipped_files_load(path: Path) -> None:
    table = load_rates(path)
    for record in table:
        assert record.label == (ILLUSTRATIVE_LABEL if record.illustrative else "")
        if record.confidence == "unverified":
            assert record.illustrative
        assert record.value is None or isinstance(record.value, Decimal)


def test_office_facts() -> None:
    office = load_office()
    districts = office.fact("districts")
    assert districts.value == ("เชียงคำ", "จุน", "ปง", "เชียงม่วน", "ภูซาง")
    assert districts.illustrative
    assert office.fact("school_count").illustrative


def test_known_values_and_unknowns() -> None:
    targets = load_rates("disbursement_targets")
    assert targets.value("fy2568_overall") == Decimal("94")
    assert [
        r.quarter for r in targets.select(applies_from_fy=2568, level="ภาพรวม") if r.quarter
    ] == [1, 2, 3, 4]
    assert all(r.illustrative for r in targets if r.quarter)
    with pytest.raises(RatesError, match="ยังไม่ทราบ"):
        targets.value("fy2570_overall")
    with pytest.raises(KeyError):
        targets.record("nope")


GOOD = """\
title: ทดสอบ
records:
  - key: a_rate
    label_th: อัตรา
    value: "1836"
    unit: บาท/คน/ปี
    applies_from_fy: 2567
    source_title: แหล่ง
    source_date: 2024-04-26
    confidence: secondary
    illustrative: false
    source_type: news
"""


@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("confidence: secondary", "confidence: unverified", 3, "illustrative: true"),
        ('value: "1836"', "value: 1836.5", 5, "ข้อความ"),
        ('value: "1836"', 'value: "12x"', 5, "อ่าน '12x'"),
        ("applies_from_fy: 2567", "applies_from_fy: 2024-01-01", 7, "จำนวนเต็ม"),
        ("applies_from_fy: 2567", 'applies_from_fy: "2567"', 7, "จำนวนเต็ม"),
        ("illustrative: false", 'illustrative: "false"', 11, "true หรือ false"),
        ("confidence: secondary", "confidence: rumour", 10, "verified"),
        # a news report is not an official document, however sure it sounds
        ("confidence: secondary", "confidence: verified", 3, "source_type: official"),
        ("source_type: news", "source_type: blog", 12, "official"),
        ("    unit: บาท/คน/ปี\n", "", 3, "ขาดช่อง"),
        ("source_title: แหล่ง", "source_title: แหล่ง\n    colour: red", 9, "ไม่รู้จักช่อง"),
        (
            "applies_from_fy: 2567",
            "applies_from_fy: 2567\n    band_min: 10\n    band_max: 5",
            3,
            "band_max",
        ),
    ],
)
def test_bad_files(tmp_path: Path, old: str, new: str, line: int, message: str) -> None:
    path = tmp_path / "bad.yml"
    assert old in GOOD
    path.write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(RatesError, match=message) as info:
        load_rates(path)
    assert info.value.source == str(path)
    assert info.value.line == line


def test_duplicate_key(tmp_path: Path) -> None:
    path = tmp_path / "dup.yml"
    body = GOOD.split("records:\n", 1)[1]
    path.write_text(GOOD + body, encoding="utf-8")
    with pytest.raises(RatesError, match="ซ้ำ"):
        load_rates(path)


def test_good_fixture_parses(tmp_path: Path) -> None:
    path = tmp_path / "good.yml"
    path.write_text(GOOD, encoding="utf-8")
    record = load_rates(path).record("a_rate")
    assert record.value == Decimal("1836")
    assert "26 เมษายน 2567" in record.citation


def test_rate_in_force_for_a_year(tmp_path: Path) -> None:
    later = GOOD.split("records:\n", 1)[1].replace("a_rate", "a_rate_2569")
    later = later.replace('"1836"', '"1900"').replace("2567", "2569")
    path = tmp_path / "years.yml"
    path.write_text(GOOD + later, encoding="utf-8")
    table = load_rates(path)
    assert table.for_year(2567, "a_rate").value == Decimal("1836")
    assert table.for_year(2568, "a_rate").value == Decimal("1836")
    assert table.for_year(2570, "a_rate").value == Decimal("1900")
    with pytest.raises(KeyError, match="2566"):
        table.for_year(2566, "a_rate")
    rates = load_rates("per_student")
    assert rates.for_year(2569, "teaching_", level="ประถมศึกษา").key == "teaching_primary"
