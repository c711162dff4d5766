"""Thai dates, digits, money and amounts in words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pythainlp.util import thaiword_to_num

from sop_helpers.thai import (
    arabic_digits,
    baht_text,
    format_money,
    format_number,
    format_percent,
    money_with_words,
    month_name,
    thai_date,
    thai_digits,
)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("full", "15 ตุลาคม 2569"),
        ("official", "๑๕ ตุลาคม ๒๕๖๙"),
        ("short", "15 ต.ค. 69"),
        ("month", "ตุลาคม 2569"),
        ("month_short", "ต.ค. 69"),
    ],
)
def test_thai_date_styles(style: str, expected: str) -> None:
    assert thai_date(date(2026, 10, 15), style) == expected  # type: ignore[arg-type]


def test_unknown_style() -> None:
    with pytest.raises(ValueError, match="รูปแบบวันที่"):
        thai_date(date(2026, 10, 15), "long")  # type: ignore[arg-type]


def test_month_names() -> None:
    assert month_name(10) == "ตุลาคม"
    assert month_name(9, short=True) == "ก.ย."


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (Decimal("307800"), "สามแสนเจ็ดพันแปดร้อยบาทถ้วน"),  # domain facts 15.12
        (Decimal("1500"), "หนึ่งพันห้าร้อยบาทถ้วน"),
        (Decimal("1500.25"), "หนึ่งพันห้าร้อยบาทยี่สิบห้าสตางค์"),
        (Decimal("0.50"), "ห้าสิบสตางค์"),
        (Decimal("21"), "ยี่สิบเอ็ดบาทถ้วน"),
        (Decimal("0"), "ศูนย์บาทถ้วน"),
        (Decimal("1.005"), "หนึ่งบาทหนึ่งสตางค์"),  # half up to satang
        (Decimal("1.004"), "หนึ่งบาทถ้วน"),
        (459000, "สี่แสนห้าหมื่นเก้าพันบาทถ้วน"),
    ],
)
def test_baht_text(amount: Decimal, words: str) -> None:
    assert baht_text(amount) == words


def test_baht_text_rejects_float_and_negative() -> None:
    with pytest.raises(TypeError):
        baht_text(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        baht_text(Decimal("-1"))


@given(st.integers(min_value=0, max_value=10**12))
def test_baht_text_reads_back(amount: int) -> None:
    words = baht_text(Decimal(amount))
    assert words.endswith("บาทถ้วน")
    assert thaiword_to_num(words.removesuffix("บาทถ้วน")) == amount


def test_formats() -> None:
    assert format_money(Decimal("1234.5")) == "1,234.50"
    assert format_number(1836) == "1,836"
    assert format_number(Decimal("2.675"), 2) == "2.68"
    assert format_percent(Decimal("95.2")) == "95.20%"
    assert format_money(Decimal("307800"), 0, thai=True) == "๓๐๗,๘๐๐"
    assert money_with_words(1500) == "๑,๕๐๐ บาท (หนึ่งพันห้าร้อยบาทถ้วน)"


@given(st.text(alphabet="0123456789 ,.กขค", max_size=30))
def test_digits_round_trip(text: str) -> None:
    assert arabic_digits(thai_digits(text)) == text
    assert not any(c in "0123456789" for c in thai_digits(text))


@pytest.mark.parametrize(
    ("text", "width"),
    [("ครูเข้าร่วมชุมชนการเรียนรู้ทางวิชาชีพ", 12), ("O-NET ป.6 ภาษาไทย", 10), ("โรงเรียนปลอดภัย", 40)],
)
def test_wrap_thai_breaks_between_words(text: str, width: int) -> None:
    from pythainlp.tokenize import word_tokenize

    from sop_helpers.thai import wrap_thai

    wrapped = wrap_thai(text, width)
    lines = wrapped.split("\n")
    # Nothing lost or added but the breaks, every line within the width, no word cut in two.
    assert "".join(wrapped.split()) == "".join(text.split())
    assert all(len(line) <= width for line in lines)
    words = set(word_tokenize(text, keep_whitespace=False))
    assert all(set(word_tokenize(line, keep_whitespace=False)) <= words for line in lines)
    assert (len(lines) > 1) is (len(text) > width)
