"""Thai wording of timings and number lists on the generated pages (pure functions)."""

from __future__ import annotations

import pytest

from sop_helpers.procedures import DeadlineTiming, MonthsTiming, PendingTiming, QuarterlyTiming
from sop_helpers.schedule import timing_text
from sop_helpers.thai import number_list


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ([], ""),
        ([3], "๓"),
        ([1, 2], "๑ และ ๒"),
        ([1, 2, 4], "๑, ๒ และ ๔"),
        (["12", 3, 45, 6], "๑๒, ๓, ๔๕ และ ๖"),
    ],
)
def test_number_list_separates_every_number(numbers: list[int | str], expected: str) -> None:
    assert number_list(numbers) == expected


def _nesting(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        deepest = max(deepest, depth)
    assert depth == 0, text
    return deepest


DEADLINE = {"kind": "deadline", "month": 10, "day": 15}


@pytest.mark.parametrize(
    ("timing", "expected"),
    [
        (MonthsTiming(kind="months", from_month=10, to_month=12), "เดือนตุลาคม–ธันวาคม"),
        (
            DeadlineTiming(**DEADLINE, note="ตามกำหนดส่งรายงาน (ภายในวันที่ ๑๕ ตุลาคม)"),
            "ภายในวันที่ ๑๕ ตุลาคม (ตามกำหนดส่งรายงาน)",
        ),
        (
            DeadlineTiming(**DEADLINE, note="รูปเล่มเสร็จภายในวันที่ ๑๕ ตุลาคม (มาตรฐานข้อ ๕)"),
            "รูปเล่มเสร็จภายในวันที่ ๑๕ ตุลาคม (มาตรฐานข้อ ๕)",
        ),
        (
            PendingTiming(kind="pending", note="สำนักงานต้องกำหนด (ก่อนวันที่ ๑๕ ตุลาคม)"),
            "ยังไม่กำหนด: สำนักงานต้องกำหนด (ก่อนวันที่ ๑๕ ตุลาคม)",
        ),
        (PendingTiming(kind="pending", note="สำนักงานต้องกำหนด"), "ยังไม่กำหนด (สำนักงานต้องกำหนด)"),
        (
            QuarterlyTiming(kind="quarterly"),
            "ทุกไตรมาส (ต.ค.–ธ.ค., ม.ค.–มี.ค., เม.ย.–มิ.ย., ก.ค.–ก.ย.)",
        ),
    ],
)
def test_timing_text_never_nests_brackets(timing: object, expected: str) -> None:
    text = timing_text(timing)  # type: ignore[arg-type]
    assert text == expected
    assert _nesting(text) <= 1


def test_every_step_of_the_handbook_reads_without_nested_brackets() -> None:
    from pathlib import Path

    from sop_helpers.procedures import load_procedures

    folder = Path(__file__).resolve().parents[1] / "book" / "data" / "procedures"
    texts = [timing_text(s.timing) for p in load_procedures(folder).values() for s in p.steps]
    assert texts and all(_nesting(t) <= 1 for t in texts)
