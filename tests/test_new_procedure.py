"""Adding a procedure as README.md's "Add a procedure" says works: a fifth, fake procedure in a
small project is built strictly and appears everywhere the handbook lists procedures.

Its step ๒ runs from สิงหาคม to พฤศจิกายน, across the fiscal-year end, so the same build checks
that such a timing renders in the step table, the flowchart, the fiscal-year table and the
calendar (it used to stop the build with a traceback in the table).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from .fixture_project import BOOK_DATA, ROOT, build, handbook_pages, make_project

pytestmark = pytest.mark.build

NEW = "demo"
TITLE = "การทดสอบเพิ่มกระบวนงาน"
SHORT = "ทดสอบเพิ่มกระบวนงาน"


def _procedure() -> dict[str, object]:
    """Step 1 of the README: the data file, here made from an existing one."""
    data = yaml.safe_load((BOOK_DATA / "procedures" / "action-plan.yml").read_text("utf-8"))
    data.update(id=NEW, order=5, title=TITLE, short_title=SHORT)
    data["steps"][1]["timing"] = {"kind": "months", "from_month": 8, "to_month": 11}
    return data


def _checklists(folder: Path) -> None:
    """Step 3: the procedure's three self-checks, next to the handbook's own."""
    shutil.copytree(ROOT / "checklists", folder)
    for kind in ("steps", "standards", "knowledge"):
        data = yaml.safe_load((folder / f"action-plan-{kind}.yml").read_text("utf-8"))
        data.update(id=f"{NEW}-{kind}", procedure=NEW)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (folder / f"{NEW}-{kind}.yml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("new-procedure")
    procedures = {
        p.stem: yaml.safe_load(p.read_text("utf-8"))
        for p in sorted((BOOK_DATA / "procedures").glob("*.yml"))
    }
    procedures[NEW] = _procedure()
    pages = {
        "index": "# คู่มือ\n\n```{sop-procedure-list}\n```\n",
        # Step 2: the procedure's page (and the other pages a procedure page links to).
        **handbook_pages(procedures),
        # Step 4: its self-check page.
        f"self-check/{NEW}": "# แบบตรวจสอบตนเอง\n\n"
        + "".join(
            f"```{{checklist}} {NEW}-{k}\n```\n\n" for k in ("steps", "standards", "knowledge")
        ),
        "fiscal-year": "# ปฏิทินปีงบประมาณ\n\n```{fiscal-months}\n```\n\n```{sop-fiscal-year}\n```\n\n"
        "```{operations-calendar}\n```\n",
    }
    src = make_project(root, pages, "sop_calendar_years = [2570]\n", procedures)
    _checklists(root / "checklists")
    done = build(src, root / "html", checklists=root / "checklists")
    assert done.returncode == 0, done.stderr
    return root / "html"


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text("utf-8"), "html.parser")


def test_the_procedure_has_its_page_and_is_listed(site: Path) -> None:
    page = _soup(site, f"procedures/{NEW}.html")
    assert TITLE in page.get_text()
    listing = _soup(site, "index.html").get_text()
    assert TITLE in listing


def test_a_range_across_the_fiscal_year_end_shows_in_the_step_table_and_the_flowchart(
    site: Path,
) -> None:
    page = _soup(site, f"procedures/{NEW}.html")
    label = "เดือนสิงหาคม–พฤศจิกายน"
    step = page.find(id=f"proc-{NEW}-s2")
    assert step is not None and label in step.find_parent().get_text()
    flow = page.select_one(".sop-flow")
    assert flow is not None and label in flow.get_text()


def test_the_fiscal_year_table_shows_the_step_in_each_of_its_months(site: Path) -> None:
    page = _soup(site, "fiscal-year.html")
    table = next(t for t in page.select("table") if "ตุลาคม" in t.get_text())
    months = {}
    for row in table.select("tbody tr"):
        month = row.find("td").get_text().split()[0]
        months[month] = any(a.get("href", "").endswith(f"#proc-{NEW}-s2") for a in row.select("a"))
    shown = {m for m, has in months.items() if has}
    assert shown == {"สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน"}


def test_the_calendar_keeps_both_pieces_inside_the_fiscal_year(site: Path) -> None:
    from icalendar import Calendar

    from sop_helpers.calendar import ics_file_name

    (ics,) = site.glob(f"_downloads/*/{ics_file_name(2570)}")
    events = [
        e
        for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
        if str(e["SUMMARY"]).startswith(f"{SHORT} ขั้นตอนที่ ๒:")
    ]
    spans = sorted((e.decoded("DTSTART"), e.decoded("DTEND")) for e in events)
    # FY 2570 runs 1 Oct 2026 - 30 Sep 2027: ต.ค.-พ.ย. at its start, ส.ค.-ก.ย. at its end
    # (all-day events end the day after, as iCalendar counts).
    assert [(s.isoformat(), e.isoformat()) for s, e in spans] == [
        ("2026-10-01", "2026-12-01"),
        ("2027-08-01", "2027-10-01"),
    ]


def test_the_self_checks_render(site: Path) -> None:
    page = _soup(site, f"self-check/{NEW}.html")
    ids = {form["data-checklist-id"] for form in page.select("form.sop-checklist")}
    assert ids == {f"{NEW}-steps", f"{NEW}-standards", f"{NEW}-knowledge"}


def test_procedure_styles_are_declared_by_the_generated_content(site: Path) -> None:
    import pickle

    from sop_helpers.sphinx_ext.assets import needs

    def doctree(page: str) -> object:
        return pickle.loads((site / ".doctrees" / f"{page}.doctree").read_bytes())

    # The pages made from the procedure and errata templates declare {sop-assets} procedure,
    # which is how the extension finds the pages that get procedure.css (by node, not class).
    assert needs(doctree(f"procedures/{NEW}"), "procedure")  # type: ignore[arg-type]
    assert needs(doctree("errata"), "procedure")  # type: ignore[arg-type]
    assert not needs(doctree("glossary"), "procedure")  # type: ignore[arg-type]
