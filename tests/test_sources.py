"""Sources (issue 17, part 6): official documents first; a value from a news site says so and is
never shown as "ใช้อ้างอิงได้"; the glossary defines ปีงบประมาณ from the Act, not from news or
encyclopaedia sites. Checked in the data (read as plain YAML, not through the package) and on the
built example pages a reader sees."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from sop_helpers.rates import ILLUSTRATIVE_LABEL, USABLE_LABEL, load_office, load_rates

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "book" / "data"

# News outlets the handbook's sources have come from (domain-facts.md); a record citing one of
# them is a news report whatever its title says.
NEWS_HOSTS = (
    "thansettakij.com",
    "tna.mcot.net",
    "thaipost.net",
    "mthai.com",
    "freshnews93.com",
    "bangkokpost.com",
    "mgronline.com",
    "tnews.co.th",
    "komchadluek.net",
    "nationthailand.com",
    "dailynews.co.th",
    "jaihindnews2.com",
    "chiangmainews.co.th",
    "tigernews.tv",
    "mekhanews.com",
)
NOT_OFFICIAL = ("wikipedia.org", "itax.in.th", "วิกิพีเดีย", *NEWS_HOSTS)


def _records() -> list[tuple[str, dict]]:
    out = []
    for path in sorted((DATA / "rates").glob("*.yml")):
        out += [(path.name, r) for r in yaml.safe_load(path.read_text("utf-8"))["records"]]
    office = yaml.safe_load((DATA / "office.yml").read_text("utf-8"))
    out += [("office.yml", r) for r in office["facts"]]
    return out


def _is_news(url: str | None) -> bool:
    host = urlsplit(url or "").hostname or ""
    return any(host == h or host.endswith("." + h) for h in NEWS_HOSTS)


RECORDS = _records()


def test_there_are_news_sources_to_check() -> None:
    assert sum(_is_news(r.get("source_url")) for _, r in RECORDS) >= 10


@pytest.mark.parametrize(("name", "record"), RECORDS, ids=[f"{n}:{r['key']}" for n, r in RECORDS])
def test_a_news_site_is_marked_as_news(name: str, record: dict) -> None:
    if _is_news(record.get("source_url")):
        assert record["source_type"] == "news", f"{name}: {record['key']}"
        assert record["confidence"] != "verified", f"{name}: {record['key']}"


def test_no_news_or_website_value_is_labelled_usable() -> None:
    loaded = [r for path in (DATA / "rates").glob("*.yml") for r in load_rates(path)]
    loaded += list(load_office().facts)
    for record in loaded:
        if record.source_type != "official" or record.confidence != "verified":
            assert record.status != USABLE_LABEL, record.key
        if record.source_type == "news":
            assert record.status.startswith("ข่าว") or record.illustrative, record.key
            assert "ข่าว" in record.citation, record.key
    assert any(r.status == USABLE_LABEL for r in loaded)  # the official ones still are


def test_official_documents_come_first_where_the_data_has_them() -> None:
    """Where an official document gives the value, it is the one cited (home-schooling rates from
    OBEC's guideline, school sizes from the education office), not a report of it."""
    by_key = dict((r["key"], r) for _, r in RECORDS)
    for key in ("home_primary", "home_preprimary", "size_small"):
        assert by_key[key]["source_type"] == "official" and by_key[key]["confidence"] == "verified"


def test_the_glossary_defines_the_fiscal_year_from_the_act() -> None:
    terms = {t["term"]: t for t in yaml.safe_load((DATA / "glossary.yml").read_text("utf-8"))}
    source = terms["ปีงบประมาณ"]["source"]
    assert "พ.ร.บ.วิธีการงบประมาณ พ.ศ. ๒๕๖๑" in source
    for term in terms.values():
        cited = term.get("source", "")
        assert not any(site in cited for site in NOT_OFFICIAL) or "(ข่าว)" in cited, term["term"]


def test_pages_show_news_values_as_news(site_dir: Path) -> None:
    """In every sources table of the built site, a row citing news is not "ใช้อ้างอิงได้"."""
    checked = 0
    for page in sorted((site_dir / "examples").glob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for table in soup.find_all("table"):
            heads = [th.get_text(" ", strip=True) for th in table.find_all("th")]
            if "แหล่งที่มา" not in heads or "สถานะ" not in heads:
                continue
            source_at, status_at = heads.index("แหล่งที่มา"), heads.index("สถานะ")
            for row in table.find_all("tr"):
                cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
                if len(cells) <= max(source_at, status_at):
                    continue
                checked += 1
                news = re.search(r"(^| · )ข่าว( · |$)", cells[source_at])
                if news:
                    assert cells[status_at] != USABLE_LABEL, (page.name, cells)
                    shown = cells[status_at]
                    assert shown.startswith("ข่าว") or shown == ILLUSTRATIVE_LABEL, (
                        page.name,
                        cells,
                    )
    assert checked >= 5
