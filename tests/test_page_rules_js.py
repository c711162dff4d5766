"""The browser's page rules have one home: sop.js (issue 11, "One home for each rule").

Digits (both ways), the B.E. year, Thai dates, today's fiscal year and quarter, a wording's
``{fields}`` and the small element maker are written once, in sop.js, which every page loads
before the feature scripts; SopCore and the checklist, team, calculator, calendar and search
scripts use them through ``window.sop``. These tests check that sop.js comes first on every
built page, that no other script writes one of those rules again, and that in Chromium the rules
give what Python's ``sop_helpers.thai`` / ``fiscal`` / ``team_states`` give, whatever the
reader's time zone.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from sop_helpers import fiscal, thai
from sop_helpers.team_states import thai_day

from .conftest import site_pages

STATIC = Path(__file__).resolve().parents[1] / "src" / "sop_helpers" / "sphinx_ext" / "static"
OURS = sorted(p.name for p in STATIC.glob("*.js"))

# A rule written again, by the shape its code takes.
COPIES = {
    "digit conversion": re.compile(r"0x0e50|\\u0e50-\\u0e59|\[๐-๙\]"),
    "the B.E. offset": re.compile(r"\b543\b"),
    "a Thai date format": re.compile(r"Intl\.DateTimeFormat\([^)]*buddhist"),
    "a {fields} filler": re.compile(r"replace\(/\\\{\(\\w\+\)\\\}/g"),
    "the fiscal quarter": re.compile(r"% 12\) / 3\)"),
    "an element maker": re.compile(r"createElement\(tag\)"),
}


def _code(name: str) -> str:
    """The script without its comments (a comment may name a rule)."""
    text = (STATIC / name).read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"(?m)(^|[^:\\])//.*$", r"\1", text)


@pytest.mark.parametrize("rule", sorted(COPIES))
def test_sop_js_writes_each_page_rule_once_and_no_other_script_does(rule: str) -> None:
    pattern = COPIES[rule]
    assert pattern.search(_code("sop.js")), f"sop.js should hold {rule}"
    again = [n for n in OURS if n != "sop.js" and pattern.search(_code(n))]
    assert again == [], f"{rule} written again in {again} (use window.sop)"


def _our_scripts(html: str) -> list[str]:
    tags = re.findall(r"<script\b[^>]*\bsrc=\"[^\"]*_static/([\w.-]+\.js)[^\"]*\"[^>]*>", html)
    return [t for t in tags if t in OURS]


def test_sop_js_loads_first_and_deferred_on_every_page(site_dir: Path) -> None:
    pages = site_pages(site_dir)
    assert len(pages) > 20, pages
    seen_features = 0
    for name in pages:
        html = (site_dir / name).read_text(encoding="utf-8")
        scripts = _our_scripts(html)
        assert scripts and scripts[0] == "sop.js", (name, scripts)
        seen_features += len(scripts) > 1
        for script in scripts:
            tag = re.search(rf"<script\b[^>]*_static/{re.escape(script)}[^>]*>", html)
            assert tag and "defer" in tag.group(0), (name, script)  # run in document order
    assert seen_features >= 10  # the checklist, team, calculator, calendar and search pages


DAYS = [
    dt.date(2026, 9, 30),
    dt.date(2026, 10, 1),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
    dt.date(2027, 3, 31),
    dt.date(2027, 4, 1),
    dt.date(2027, 6, 30),
    dt.date(2027, 7, 1),
    dt.date(2028, 2, 29),
]


@pytest.fixture(params=["Asia/Bangkok", "America/New_York"], ids=["bangkok", "new-york"])
def rules_page(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Any:
    """A plain page (only sop.js of ours), opened by a reader in a given time zone."""
    ctx = browser.new_context(locale="th-TH", timezone_id=request.param)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url + "glossary.html")
    page.wait_for_function("window.sop && typeof window.sop.date === 'function'")
    yield page
    ctx.close()
    assert errors == []


def test_fiscal_year_quarter_and_dates_agree_with_python(rules_page: Any) -> None:
    got = rules_page.evaluate(
        """days => days.map(([y, m, d]) => {
            const day = new Date(y, m - 1, d);
            return [sop.fiscalYear(day), sop.fiscalQuarter(m), sop.beYear(day),
                    sop.date(day), sop.date(day, "short"), sop.date(day, "brief")];
        })""",
        [[d.year, d.month, d.day] for d in DAYS],
    )
    for day, (year, quarter, be, long, short, brief) in zip(DAYS, got, strict=True):
        assert year == fiscal.fiscal_year(day), day
        assert quarter == fiscal.fiscal_quarter(day), day
        assert be == thai.be_year(day.year), day
        assert long == thai.thai_date(day, "official"), day  # the site's digits: Thai
        months = thai.month_name(day.month, short=True)
        assert short == thai.thai_digits(f"{day.day} {months} {thai.be_year(day.year)}"), day
        assert brief == thai.thai_digits(thai.thai_date(day, "short")), day


INSTANTS = [
    "2026-11-20T20:00:00Z",  # 21 Nov in Thailand
    "2026-09-30T17:30:00Z",  # 1 Oct: the new fiscal year in Thailand, not yet in UTC
    "2026-10-01T06:59:00+07:00",
    "2027-01-01T00:30:00+09:00",  # 31 Dec in Thailand
]


def test_a_files_day_is_the_day_in_thailand_in_every_time_zone(rules_page: Any) -> None:
    got = rules_page.evaluate(
        "xs => xs.map(x => sop.date(new Date(x), 'brief', 'Asia/Bangkok'))", INSTANTS
    )
    for instant, shown in zip(INSTANTS, got, strict=True):
        day = thai_day(dt.datetime.fromisoformat(instant.replace("Z", "+00:00")))
        assert shown == thai.thai_digits(thai.thai_date(day, "short")), instant


def test_digits_and_fields_follow_the_sites_digit_style(rules_page: Any) -> None:
    thai_style = rules_page.evaluate(
        """() => [sop.digits("ปี 2569 ไตรมาส 1"), sop.arabicDigits("๑๒"), sop.thaiDigits("12"),
                  sop.fill("{n} จาก {total} ข้อ {gone}", {n: 3, total: "10"}),
                  sop.fill("{n}", {n: 3}, String)]"""
    )
    assert thai_style == ["ปี ๒๕๖๙ ไตรมาส ๑", "12", "๑๒", "๓ จาก 10 ข้อ ", "3"]
    arabic_style = rules_page.evaluate(
        """() => { document.body.dataset.sopDigits = "arabic";
                   return [sop.digits("ปี ๒๕๖๙"), sop.fill("{n}", {n: 3}),
                           sop.date(new Date(2026, 9, 1))]; }"""
    )
    assert arabic_style == ["ปี 2569", "3", thai.thai_date(dt.date(2026, 10, 1), "full")]


@pytest.mark.parametrize(
    ("when", "year", "quarter"),
    [("2026-09-30T23:59:00+07:00", "๒๕๖๙", "๔"), ("2026-10-01T00:01:00+07:00", "๒๕๗๐", "๑")],
)
def test_todays_line_turns_with_the_fiscal_year(
    browser: Any, site_url: str, when: str, year: str, quarter: str
) -> None:
    ctx = browser.new_context(locale="th-TH", timezone_id="Asia/Bangkok")
    page = ctx.new_page()
    page.clock.set_fixed_time(when)
    page.goto(site_url + "fiscal-year.html")
    line = page.locator(".sop-fiscal-today")
    page.wait_for_function("!document.querySelector('.sop-fiscal-today .sop-ft-built')")
    assert line.locator(".sop-ft-year").inner_text() == year
    assert line.locator(".sop-ft-quarter").inner_text() == quarter
    ctx.close()


def test_sphinx_search_fallback_reads_thai_digits_through_sop_js(page: Any, site_url: str) -> None:
    """Sphinx's own query splitter (language_data.js, used only if search-th.js did not load)
    folds digits by sop.js's rule too, written nowhere else."""
    from sop_helpers.sphinx_ext.search_th import _JS_SPLITTER

    assert not COPIES["digit conversion"].search(_JS_SPLITTER)
    page.goto(site_url + "search.html")
    page.wait_for_function("window.sop && typeof splitQuery === 'function'")
    assert "5" in page.evaluate("splitQuery('แผน ๕ ปี')")
