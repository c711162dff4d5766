"""The handbook's settings: declared once, documented from the declaration, checked, and a
changed value reaches the next incremental build."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.errors import ConfigError

from sop_helpers.sphinx_ext.config import OPTIONS, check, readme_table

from .fixture_project import build, handbook_pages, make_project, set_conf

ROOT = Path(__file__).resolve().parents[1]


def test_readme_settings_table_is_the_declared_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(
        r"<!-- settings table:[^\n]*-->\n(.*?)<!-- end of settings table -->", readme, re.S
    )
    assert match, "README.md has no generated settings table"
    assert match.group(1) == readme_table(), (
        "README.md's settings table differs from sop_helpers/sphinx_ext/config.py; paste:\n"
        + readme_table()
    )


def test_options_read_while_reading_pages_rebuild_the_environment() -> None:
    kinds = {o.name: o.rebuild for o in OPTIONS}
    for name in ("sop_calendar_years", "sop_director_name", "sop_review_months"):
        assert kinds[name] == "env", name


def _config(**values: object) -> SimpleNamespace:
    return SimpleNamespace(**({o.name: o.default for o in OPTIONS} | values))


def test_defaults_pass_the_validators() -> None:
    check(_config())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("sop_calendar_years", [2026], "ปี พ.ศ."),
        ("sop_calendar_years", "2569", "รายการปี"),
        ("sop_review_months", 0, "1 ถึง 120"),
        ("sop_review_months", "12", "1 ถึง 120"),
        ("sop_site_url", "www.example.org", "https://"),
        ("sop_contact", 5, "ข้อความ"),
    ],
)
def test_a_wrong_value_names_the_setting(name: str, value: object, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        check(_config(**{name: value}))  # type: ignore[arg-type]
    assert f"{name}: " in str(caught.value) and message in str(caught.value)


CALENDAR = "# ปฏิทิน\n\n```{operations-calendar}\n```\n"


@pytest.mark.build
@pytest.mark.parametrize(
    ("setting", "page", "before", "after", "shown"),
    [
        ("sop_calendar_years", "index", "[2569]", "[2569, 2570]", "ปีงบประมาณ ๒๕๗๐"),
        (
            "sop_director_name",
            "procedures/action-plan",
            '""',
            '"นางสาวทดสอบ ตัวอย่าง"',
            "(นางสาวทดสอบ ตัวอย่าง)",
        ),
        ("sop_review_months", "procedures/action-plan", "12", "24", "๒๘ พฤศจิกายน ๒๕๗๑"),
    ],
)
def test_a_changed_setting_reaches_an_incremental_build(
    tmp_path: Path, setting: str, page: str, before: str, after: str, shown: str
) -> None:
    pages = {"index": CALENDAR, **handbook_pages()}
    src = make_project(tmp_path, pages, f"sop_calendar_years = [2569]\n{setting} = {before}\n")
    out = tmp_path / "html"
    for _ in range(2):  # the second build proves the saved environment is kept
        done = build(src, out)
        assert done.returncode == 0, done.stderr
    assert "reading sources... [" not in done.stdout, "an unchanged build re-read pages"
    html = out / f"{page}.html"
    assert shown not in html.read_text(encoding="utf-8")
    set_conf(src, f"{setting} = {after}")
    done = build(src, out)
    assert done.returncode == 0, done.stderr
    assert shown in html.read_text(encoding="utf-8")
