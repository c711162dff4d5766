"""Write tests/vectors/calculators.json: the cases both calculator implementations must pass.

Each case below is written by hand with the figures that matter worked out on paper (``check``);
this script fails if the Python calculators disagree with any of them, then stores the full
expected result (values, worked lines, words, errors) of ``sop_helpers.calculators`` for every
case. tests/test_examples_calculators.py runs the Python functions against the file and the
browser calculators (calculator.js in Chromium) against the same file.

Usage: .venv/bin/python scripts/make_calculator_vectors.py   (review the diff before committing)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "tests" / "vectors" / "calculators.json"

# Fixed data, so the vectors test the arithmetic and rules whatever the rates files say today.
SUBSIDY = {
    "year": 2567,
    "levels": [
        {
            "key": "preprimary",
            "label": "ก่อนประถมศึกษา",
            "rate": "1836",
            "illustrative": False,
            "source": "",
            "from_fy": 2567,
        },
        {
            "key": "primary",
            "label": "ประถมศึกษา",
            "rate": "2052",
            "illustrative": False,
            "source": "",
            "from_fy": 2567,
        },
        {
            "key": "lower_secondary",
            "label": "มัธยมศึกษาตอนต้น",
            "rate": "3780",
            "illustrative": True,
            "source": "",
            "from_fy": 2567,
        },
    ],
}
SUBSIDY_ODD = {
    "year": 2567,
    "levels": [
        {
            "key": "a",
            "label": "ระดับก",
            "rate": "7767",
            "illustrative": False,
            "source": "",
            "from_fy": 2567,
        },
        {
            "key": "b",
            "label": "ระดับข",
            "rate": "918.25",
            "illustrative": False,
            "source": "",
            "from_fy": 2567,
        },
        {
            "key": "c",
            "label": "ระดับค",
            "rate": None,
            "illustrative": True,
            "source": "",
            "from_fy": 2567,
        },
    ],
}
TARGETS = {
    "targets": [
        {"quarter": 1, "percent": "30", "illustrative": True, "source": ""},
        {"quarter": 2, "percent": "54", "illustrative": True, "source": ""},
        {"quarter": 3, "percent": "77.5", "illustrative": True, "source": ""},
        {"quarter": 4, "percent": None, "illustrative": True, "source": ""},
    ]
}
VERIFIED_TARGETS = {
    "targets": [{"quarter": 4, "percent": "94", "illustrative": False, "source": ""}]
}
SIZES = {
    "small_max": 120,
    "sizes": [
        {"min": 1, "max": 120, "label": "ขนาดเล็ก"},
        {"min": 121, "max": 600, "label": "ขนาดกลาง"},
        {"min": 601, "max": 1500, "label": "ขนาดใหญ่"},
        {"min": 1501, "max": None, "label": "ขนาดใหญ่พิเศษ"},
    ],
    "lunch": [
        {"min": 1, "max": 40, "rate": "36", "illustrative": False},
        {"min": 41, "max": 100, "rate": "27", "illustrative": False},
        {"min": 101, "max": 120, "rate": "24", "illustrative": False},
        {"min": 121, "max": None, "rate": "22", "illustrative": False},
    ],
    "days": "200",
    "days_illustrative": True,
    "source": "",
}


def sub(p: str, s: str, m: str) -> dict[str, str]:
    return {"preprimary": p, "primary": s, "lower_secondary": m}


E = "errors"
# (id, calculator, data, inputs, check): check holds hand-worked values or the errors expected.
CASES: list[tuple[str, str, dict[str, Any], dict[str, Any], dict[str, Any]]] = [
    # --- subsidy: pupils × rate per level ---
    (
        "subsidy-issue-example",
        "subsidy",
        SUBSIDY,
        sub("12", "85", "40"),
        {
            "total": "347652.00",
            "per_term": "173826.00",
            "words": "สามแสนสี่หมื่นเจ็ดพันหกร้อยห้าสิบสองบาทถ้วน",
            "illustrative": True,
        },
    ),
    ("subsidy-thai-digits", "subsidy", SUBSIDY, sub("๑๒", "๘๕", "๔๐"), {"total": "347652.00"}),
    (
        "subsidy-primary-only",
        "subsidy",
        SUBSIDY,
        sub("0", "150", "0"),
        {"total": "307800.00", "illustrative": False, "words": "สามแสนเจ็ดพันแปดร้อยบาทถ้วน"},
    ),
    ("subsidy-page-default", "subsidy", SUBSIDY, sub("30", "150", "0"), {"total": "362880.00"}),
    (
        "subsidy-one-pupil",
        "subsidy",
        SUBSIDY,
        sub("1", "0", "0"),
        {"total": "1836.00", "per_term": "918.00", "words": "หนึ่งพันแปดร้อยสามสิบหกบาทถ้วน"},
    ),
    (
        "subsidy-all-zero",
        "subsidy",
        SUBSIDY,
        sub("0", "0", "0"),
        {"total": "0.00", "words": "ศูนย์บาทถ้วน"},
    ),
    (
        "subsidy-separators",
        "subsidy",
        SUBSIDY,
        sub("1,000", " 2 000 ", "0"),
        {"total": "5940000.00", "words": "ห้าล้านเก้าแสนสี่หมื่นบาทถ้วน"},
    ),
    ("subsidy-max-pupils", "subsidy", SUBSIDY, sub("100000", "0", "0"), {"total": "183600000.00"}),
    (
        "subsidy-too-many",
        "subsidy",
        SUBSIDY,
        sub("100001", "0", "0"),
        {E: {"preprimary": "ตัวเลขมากเกินไป (ไม่เกิน 100,000)"}},
    ),
    ("subsidy-empty", "subsidy", SUBSIDY, sub("", "10", "0"), {E: {"preprimary": "กรุณากรอกตัวเลข"}}),
    (
        "subsidy-negative",
        "subsidy",
        SUBSIDY,
        sub("0", "-5", "0"),
        {E: {"primary": "ตัวเลขต้องไม่ติดลบ"}},
    ),
    (
        "subsidy-letters",
        "subsidy",
        SUBSIDY,
        sub("abc", "10", "0"),
        {E: {"preprimary": "กรอกได้เฉพาะตัวเลข (เลขไทยหรือเลขอารบิก)"}},
    ),
    (
        "subsidy-fraction",
        "subsidy",
        SUBSIDY,
        sub("1.5", "10", "0"),
        {E: {"preprimary": "กรอกเป็นจำนวนเต็ม ไม่มีทศนิยม"}},
    ),
    ("subsidy-whole-with-zeros", "subsidy", SUBSIDY, sub("2.00", "0", "0"), {"total": "3672.00"}),
    (
        "subsidy-exponent",
        "subsidy",
        SUBSIDY,
        sub("1e3", "0", "0"),
        {E: {"preprimary": "กรอกได้เฉพาะตัวเลข (เลขไทยหรือเลขอารบิก)"}},
    ),
    (
        "subsidy-huge",
        "subsidy",
        SUBSIDY,
        sub("99999999999999999999999", "0", "0"),
        {E: {"preprimary": "ตัวเลขมากเกินไป (ไม่เกิน 100,000)"}},
    ),
    (
        "subsidy-every-field-wrong",
        "subsidy",
        SUBSIDY,
        sub("", "x", "-1"),
        {
            E: {
                "preprimary": "กรุณากรอกตัวเลข",
                "primary": "กรอกได้เฉพาะตัวเลข (เลขไทยหรือเลขอารบิก)",
                "lower_secondary": "ตัวเลขต้องไม่ติดลบ",
            }
        },
    ),
    (
        "subsidy-odd-rate-halves",
        "subsidy",
        SUBSIDY_ODD,
        {"a": "1", "b": "0", "c": "0"},
        {"total": "7767.00", "per_term": "3883.50"},
    ),
    (
        "subsidy-satang-rate",
        "subsidy",
        SUBSIDY_ODD,
        {"a": "0", "b": "3", "c": "0"},
        {"total": "2754.75", "per_term": "1377.38", "words": "สองพันเจ็ดร้อยห้าสิบสี่บาทเจ็ดสิบห้าสตางค์"},
    ),
    (
        "subsidy-half-satang-up",
        "subsidy",
        SUBSIDY_ODD,
        {"a": "0", "b": "1", "c": "0"},
        {"total": "918.25", "per_term": "459.13"},
    ),
    (
        "subsidy-missing-rate",
        "subsidy",
        SUBSIDY_ODD,
        {"a": "1", "b": "0", "c": "5"},
        {E: {"c": "ยังไม่มีอัตราของระดับนี้ในข้อมูล"}},
    ),
    (
        "subsidy-missing-rate-unused",
        "subsidy",
        SUBSIDY_ODD,
        {"a": "1", "b": "0", "c": "0"},
        {"total": "7767.00"},
    ),
    # --- allocation: largest remainder ---
    (
        "alloc-even",
        "allocation",
        {},
        {"total": "900", "weights": ["1", "1", "1"]},
        {"parts": {"0": "300", "1": "300", "2": "300"}, "left": "0"},
    ),
    (
        "alloc-tie-first-row",
        "allocation",
        {},
        {"total": "10", "weights": ["1", "1", "1"]},
        {"parts": {"0": "4", "1": "3", "2": "3"}, "left": "1"},
    ),
    (
        "alloc-largest-remainder",
        "allocation",
        {},
        {"total": "10", "weights": ["1", "2"]},
        {"parts": {"0": "3", "1": "7"}},
    ),
    (
        "alloc-tie-larger-weight",
        "allocation",
        {},
        {"total": "4", "weights": ["1", "5", "2"]},
        {"parts": {"0": "0", "1": "3", "2": "1"}},
    ),
    (
        "alloc-two-left",
        "allocation",
        {},
        {"total": "3", "weights": ["1", "5", "2"]},
        {"parts": {"0": "0", "1": "2", "2": "1"}},
    ),
    (
        "alloc-tie-equal-weights",
        "allocation",
        {},
        {"total": "5", "weights": ["1", "1", "2"]},
        {"parts": {"0": "1", "1": "1", "2": "3"}},
    ),
    (
        "alloc-requests",
        "allocation",
        {},
        {"total": "100000", "weights": ["350000", "250000", "150000", "", ""]},
        {"parts": {"0": "46667", "1": "33333", "2": "20000"}},
    ),
    (
        "alloc-empty-rows-skipped",
        "allocation",
        {},
        {"total": "7", "weights": ["", "3", "", "4"]},
        {"parts": {"1": "3", "3": "4"}},
    ),
    (
        "alloc-decimal-weights",
        "allocation",
        {},
        {"total": "100", "weights": ["0.5", "1.25", "0.25"]},
        {"parts": {"0": "25", "1": "63", "2": "12"}},
    ),
    (
        "alloc-zero-weight-row",
        "allocation",
        {},
        {"total": "10", "weights": ["0", "3"]},
        {"parts": {"0": "0", "1": "10"}},
    ),
    (
        "alloc-one-baht-many",
        "allocation",
        {},
        {"total": "1", "weights": ["1", "1", "1", "1"]},
        {"parts": {"0": "1", "1": "0", "2": "0", "3": "0"}},
    ),
    (
        "alloc-zero-total",
        "allocation",
        {},
        {"total": "0", "weights": ["1", "2"]},
        {"parts": {"0": "0", "1": "0"}},
    ),
    (
        "alloc-thai-digits",
        "allocation",
        {},
        {"total": "๑,๐๐๐", "weights": ["๑", "๓"]},
        {"parts": {"0": "250", "1": "750"}},
    ),
    (
        "alloc-big",
        "allocation",
        {},
        {"total": "1000000000000", "weights": ["1", "2", "4"]},
        {"parts": {"0": "142857142857", "1": "285714285714", "2": "571428571429"}},
    ),
    (
        "alloc-no-rows",
        "allocation",
        {},
        {"total": "10", "weights": ["", ""]},
        {E: {"weight-0": "กรอกน้ำหนักอย่างน้อยหนึ่งรายการ"}},
    ),
    (
        "alloc-all-zero",
        "allocation",
        {},
        {"total": "10", "weights": ["", "0", "0"]},
        {E: {"weight-1": "ผลรวมน้ำหนักต้องมากกว่าศูนย์"}},
    ),
    (
        "alloc-total-fraction",
        "allocation",
        {},
        {"total": "10.50", "weights": ["1"]},
        {E: {"total": "กรอกเป็นจำนวนเต็ม ไม่มีทศนิยม"}},
    ),
    (
        "alloc-bad-weight",
        "allocation",
        {},
        {"total": "10", "weights": ["1", "สอง", "-3"]},
        {E: {"weight-1": "กรอกได้เฉพาะตัวเลข (เลขไทยหรือเลขอารบิก)", "weight-2": "ตัวเลขต้องไม่ติดลบ"}},
    ),
    (
        "alloc-weight-places",
        "allocation",
        {},
        {"total": "10", "weights": ["1.125"]},
        {E: {"weight-0": "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"}},
    ),
    (
        "alloc-total-huge",
        "allocation",
        {},
        {"total": "1000000000001", "weights": ["1"]},
        {E: {"total": "ตัวเลขมากเกินไป (ไม่เกิน 1,000,000,000,000)"}},
    ),
    (
        "alloc-total-empty",
        "allocation",
        {},
        {"total": "", "weights": ["1"]},
        {E: {"total": "กรุณากรอกตัวเลข"}},
    ),
    # --- disbursement against the quarter's target ---
    (
        "disb-below",
        "disbursement",
        TARGETS,
        {"allocated": "1,000,000", "disbursed": "450,000", "quarter": "2"},
        {
            "rate": "45.00",
            "target": "54.00",
            "shortfall": "90000.00",
            "met": False,
            "words": "เก้าหมื่นบาทถ้วน",
            "illustrative": True,
        },
    ),
    (
        "disb-exactly-met",
        "disbursement",
        TARGETS,
        {"allocated": "1000000", "disbursed": "540000", "quarter": "2"},
        {"rate": "54.00", "shortfall": "0.00", "met": True, "words": ""},
    ),
    (
        "disb-one-satang-short",
        "disbursement",
        TARGETS,
        {"allocated": "1000000", "disbursed": "539999.99", "quarter": "2"},
        {"rate": "54.00", "shortfall": "0.01", "met": False, "words": "หนึ่งสตางค์"},
    ),
    (
        "disb-rate-half-up",
        "disbursement",
        TARGETS,
        {"allocated": "800", "disbursed": "1", "quarter": "1"},
        {"rate": "0.13", "shortfall": "239.00", "met": False},
    ),
    (
        "disb-rate-third",
        "disbursement",
        TARGETS,
        {"allocated": "3", "disbursed": "1", "quarter": "1"},
        {"rate": "33.33", "met": True},
    ),
    (
        "disb-rate-two-thirds",
        "disbursement",
        TARGETS,
        {"allocated": "3", "disbursed": "2", "quarter": "3"},
        {"rate": "66.67", "target": "77.50", "shortfall": "0.33", "met": False},
    ),
    (
        "disb-shortfall-half-satang",
        "disbursement",
        TARGETS,
        {"allocated": "0.05", "disbursed": "0", "quarter": "1"},
        {"rate": "0.00", "shortfall": "0.02", "met": False},
    ),
    (
        "disb-over-100",
        "disbursement",
        TARGETS,
        {"allocated": "100", "disbursed": "150", "quarter": "1"},
        {"rate": "150.00", "met": True},
    ),
    (
        "disb-thai-quarter",
        "disbursement",
        TARGETS,
        {"allocated": "๒๐๐", "disbursed": "๖๐", "quarter": "๑"},
        {"rate": "30.00", "met": True},
    ),
    (
        "disb-no-target",
        "disbursement",
        TARGETS,
        {"allocated": "100", "disbursed": "50", "quarter": "4"},
        {E: {"quarter": "ยังไม่มีเป้าหมายของไตรมาสนี้ในข้อมูล"}},
    ),
    (
        "disb-bad-quarter",
        "disbursement",
        TARGETS,
        {"allocated": "100", "disbursed": "50", "quarter": "5"},
        {E: {"quarter": "เลือกไตรมาส 1 ถึง 4"}},
    ),
    (
        "disb-zero-allocated",
        "disbursement",
        TARGETS,
        {"allocated": "0", "disbursed": "0", "quarter": "1"},
        {E: {"allocated": "ต้องมากกว่าศูนย์"}},
    ),
    (
        "disb-three-places",
        "disbursement",
        TARGETS,
        {"allocated": "100.005", "disbursed": "1", "quarter": "1"},
        {E: {"allocated": "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง"}},
    ),
    (
        "disb-verified-target",
        "disbursement",
        VERIFIED_TARGETS,
        {"allocated": "2500000", "disbursed": "2300000", "quarter": "4"},
        {"rate": "92.00", "shortfall": "50000.00", "met": False, "illustrative": False},
    ),
    (
        "disb-all-wrong",
        "disbursement",
        TARGETS,
        {"allocated": "", "disbursed": "เยอะ", "quarter": ""},
        {
            E: {
                "allocated": "กรุณากรอกตัวเลข",
                "disbursed": "กรอกได้เฉพาะตัวเลข (เลขไทยหรือเลขอารบิก)",
                "quarter": "เลือกไตรมาส 1 ถึง 4",
            }
        },
    ),
    # --- indicator progress ---
    (
        "ind-rising",
        "indicator",
        {},
        {"baseline": "70", "target": "80", "actual": "76"},
        {"progress": "60.00", "met": False},
    ),
    (
        "ind-rising-met",
        "indicator",
        {},
        {"baseline": "70", "target": "80", "actual": "80"},
        {"progress": "100.00", "met": True},
    ),
    (
        "ind-beyond",
        "indicator",
        {},
        {"baseline": "70", "target": "80", "actual": "85"},
        {"progress": "150.00", "met": True},
    ),
    (
        "ind-falling",
        "indicator",
        {},
        {"baseline": "10", "target": "5", "actual": "7"},
        {"progress": "60.00", "met": False},
    ),
    (
        "ind-falling-met",
        "indicator",
        {},
        {"baseline": "10", "target": "5", "actual": "4.5"},
        {"progress": "110.00", "met": True},
    ),
    (
        "ind-backwards",
        "indicator",
        {},
        {"baseline": "50", "target": "60", "actual": "45"},
        {"progress": "-50.00", "met": False},
    ),
    (
        "ind-negative-half-away",
        "indicator",
        {},
        {"baseline": "8", "target": "16", "actual": "7.99"},
        {"progress": "-0.13", "met": False},
    ),
    (
        "ind-half-up",
        "indicator",
        {},
        {"baseline": "0", "target": "8", "actual": "0.01"},
        {"progress": "0.13", "met": False},
    ),
    (
        "ind-third",
        "indicator",
        {},
        {"baseline": "0", "target": "3", "actual": "1"},
        {"progress": "33.33"},
    ),
    (
        "ind-equal-met",
        "indicator",
        {},
        {"baseline": "5", "target": "5", "actual": "5"},
        {"progress": "100.00", "met": True},
    ),
    (
        "ind-equal-not-met",
        "indicator",
        {},
        {"baseline": "5", "target": "5", "actual": "4"},
        {"progress": "0.00", "met": False},
    ),
    (
        "ind-thai",
        "indicator",
        {},
        {"baseline": "๗๐.๕", "target": "๘๐", "actual": "๗๕.๒๕"},
        {"progress": "50.00"},
    ),
    (
        "ind-errors",
        "indicator",
        {},
        {"baseline": "", "target": "-1", "actual": "1.234"},
        {
            E: {
                "baseline": "กรุณากรอกตัวเลข",
                "target": "ตัวเลขต้องไม่ติดลบ",
                "actual": "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
            }
        },
    ),
    (
        "ind-huge",
        "indicator",
        {},
        {"baseline": "0", "target": "1000000001", "actual": "1"},
        {E: {"target": "ตัวเลขมากเกินไป (ไม่เกิน 1,000,000,000)"}},
    ),
    # --- school size and lunch ---
    (
        "size-40",
        "school-size",
        SIZES,
        {"pupils": "40"},
        {
            "size": "ขนาดเล็ก",
            "small": True,
            "lunch_rate": "36.00",
            "lunch_day": "1440.00",
            "lunch_year": "288000.00",
            "illustrative": True,
        },
    ),
    (
        "size-41",
        "school-size",
        SIZES,
        {"pupils": "41"},
        {"lunch_rate": "27.00", "lunch_day": "1107.00", "lunch_year": "221400.00"},
    ),
    (
        "size-1",
        "school-size",
        SIZES,
        {"pupils": "1"},
        {"size": "ขนาดเล็ก", "lunch_day": "36.00", "words": "เจ็ดพันสองร้อยบาทถ้วน"},
    ),
    ("size-100", "school-size", SIZES, {"pupils": "100"}, {"lunch_rate": "27.00"}),
    ("size-101", "school-size", SIZES, {"pupils": "101"}, {"lunch_rate": "24.00"}),
    ("size-120", "school-size", SIZES, {"pupils": "120"}, {"size": "ขนาดเล็ก", "small": True}),
    (
        "size-121",
        "school-size",
        SIZES,
        {"pupils": "121"},
        {"size": "ขนาดกลาง", "small": False, "lunch_rate": "22.00"},
    ),
    ("size-600", "school-size", SIZES, {"pupils": "600"}, {"size": "ขนาดกลาง"}),
    ("size-601", "school-size", SIZES, {"pupils": "601"}, {"size": "ขนาดใหญ่"}),
    (
        "size-1501",
        "school-size",
        SIZES,
        {"pupils": "1,501"},
        {"size": "ขนาดใหญ่พิเศษ", "lunch_year": "6604400.00"},
    ),
    ("size-thai", "school-size", SIZES, {"pupils": "๘๕"}, {"lunch_day": "2295.00"}),
    ("size-zero", "school-size", SIZES, {"pupils": "0"}, {E: {"pupils": "ต้องมากกว่าศูนย์"}}),
    ("size-empty", "school-size", SIZES, {"pupils": "  "}, {E: {"pupils": "กรุณากรอกตัวเลข"}}),
    (
        "size-letters",
        "school-size",
        SIZES,
        {"pupils": "๘๕ คน"},
        {E: {"pupils": "กรอกได้เฉพาะตัวเลข (เลขไทยหรือเลขอารบิก)"}},
    ),
    # --- spending per pupil and change ---
    (
        "spend-default",
        "spending",
        {},
        {"amount": "2,500,000", "previous": "2,300,000", "pupils": "1,250"},
        {
            "per_pupil": "2000.00",
            "change": "200000.00",
            "change_percent": "8.70",
            "words": "สองพันบาทถ้วน",
        },
    ),
    (
        "spend-third",
        "spending",
        {},
        {"amount": "1000", "previous": "800", "pupils": "3"},
        {
            "per_pupil": "333.33",
            "change_percent": "25.00",
            "words": "สามร้อยสามสิบสามบาทสามสิบสามสตางค์",
        },
    ),
    (
        "spend-half-satang",
        "spending",
        {},
        {"amount": "0.05", "previous": "0.05", "pupils": "2"},
        {"per_pupil": "0.03", "change": "0.00", "change_percent": "0.00", "words": "สามสตางค์"},
    ),
    (
        "spend-fall",
        "spending",
        {},
        {"amount": "900", "previous": "1200", "pupils": "9"},
        {"per_pupil": "100.00", "change": "-300.00", "change_percent": "-25.00"},
    ),
    (
        "spend-fall-half",
        "spending",
        {},
        {"amount": "1", "previous": "8", "pupils": "1"},
        {"change_percent": "-87.50"},
    ),
    (
        "spend-prev-zero",
        "spending",
        {},
        {"amount": "500", "previous": "0", "pupils": "5"},
        {"change_percent": None},
    ),
    (
        "spend-eleven",
        "spending",
        {},
        {"amount": "1100011", "previous": "0", "pupils": "1"},
        {"words": "หนึ่งล้านหนึ่งแสนสิบเอ็ดบาทถ้วน"},
    ),
    (
        "spend-million-one",
        "spending",
        {},
        {"amount": "1000001", "previous": "0", "pupils": "1"},
        {"words": "หนึ่งล้านเอ็ดบาทถ้วน"},
    ),
    (
        "spend-trillion",
        "spending",
        {},
        {"amount": "1000000000000", "previous": "1", "pupils": "1"},
        {"words": "หนึ่งล้านล้านบาทถ้วน"},
    ),
    (
        "spend-21-satang",
        "spending",
        {},
        {"amount": "121.21", "previous": "1", "pupils": "1"},
        {"words": "หนึ่งร้อยยี่สิบเอ็ดบาทยี่สิบเอ็ดสตางค์"},
    ),
    (
        "spend-errors",
        "spending",
        {},
        {"amount": "1,000.999", "previous": "", "pupils": "0"},
        {
            E: {
                "amount": "ทศนิยมได้ไม่เกิน 2 ตำแหน่ง",
                "previous": "กรุณากรอกตัวเลข",
                "pupils": "ต้องมากกว่าศูนย์",
            }
        },
    ),
]


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from sop_helpers.calculators import compute

    cases = []
    wrong = []
    for case_id, kind, data, inputs, check in CASES:
        result = compute(kind, data, inputs)
        for key, expected in check.items():
            if key == E:
                got = result.get("errors")
            elif key in ("words", "illustrative"):
                got = result.get(key)
            else:
                got = (result.get("values") or {}).get(key)
            if got != expected:
                wrong.append(f"{case_id}: {key} = {got!r}, worked out {expected!r}")
        cases.append(
            {"id": case_id, "calculator": kind, "data": data, "inputs": inputs, "expect": result}
        )
    if wrong:
        print("\n".join(wrong), file=sys.stderr)
        return 1
    TARGET.write_text(
        json.dumps({"version": 1, "cases": cases}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"{TARGET.relative_to(ROOT)}: {len(cases)} cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
