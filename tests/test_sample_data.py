"""The synthetic sample data: reproducible byte for byte, and shaped as the README says."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from sop_helpers.budget import BUDGET_CATEGORIES
from sop_helpers.examples import read_sample, sample_dir
from sop_helpers.rates import load_office

ROOT = Path(__file__).parents[1]


def test_script_reproduces_committed_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sample_data.py"), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    committed = sorted(p.name for p in sample_dir().glob("*.csv"))
    assert committed == sorted(p.name for p in tmp_path.glob("*.csv"))
    for name in committed:
        assert (tmp_path / name).read_bytes() == (sample_dir() / name).read_bytes(), name


def test_readme_labels_synthetic() -> None:
    assert "ข้อมูลสมมุติ" in (sample_dir() / "README.md").read_text(encoding="utf-8")


def test_schools_and_districts() -> None:
    schools = read_sample("schools")
    assert 120 <= len(schools) <= 140
    assert schools["รหัสโรงเรียน"].is_unique
    assert set(schools["อำเภอ"]) == set(load_office().fact("districts").value or ())


def test_students_add_up() -> None:
    students = read_sample("students")
    levels = students[["ก่อนประถมศึกษา", "ประถมศึกษา", "มัธยมศึกษาตอนต้น"]].sum(axis=1)
    assert (levels == students["นักเรียนรวม"]).all()
    assert sorted(set(students["ปีงบประมาณ"])) == [2568, 2569]


def test_spending_categories_and_money() -> None:
    spending = read_sample("spending", money=["จำนวนเงิน"])
    assert set(spending["หมวดงบ"]) == set(BUDGET_CATEGORIES)
    assert all(isinstance(a, Decimal) and a >= 0 for a in spending["จำนวนเงิน"])


@pytest.mark.parametrize("name", ["projects", "activities", "indicators", "income"])
def test_other_files_read(name: str) -> None:
    assert len(read_sample(name)) > 0


def test_activities_plan_adds_to_budget() -> None:
    projects = read_sample("projects")
    activities = read_sample("activities")
    planned = activities.groupby("รหัสโครงการ")["แผนการใช้เงิน"].sum()
    for code, budget in zip(projects["รหัสโครงการ"], projects["งบประมาณ"], strict=True):
        assert planned[code] == budget
