"""The office's worklist page lists every item the data marks as unconfirmed, and no text a
reader sees names a configuration setting (decision 11: setting names are for maintainers)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sop_helpers.worklist import KINDS

from .conftest import site_pages
from .test_digits import visible_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "book" / "data"
OFFICE_SETTINGS = [
    "sop_site_url",
    "sop_report_problem_url",
    "sop_contact",
    "sop_licence",
    "sop_director_name",
]


def _expected_counts() -> dict[str, int]:
    """Counted straight from the YAML files, without the package."""
    counts = dict.fromkeys(("timing", "law", "drafted", "question", "figure", "setting"), 0)
    for path in (DATA / "procedures").glob("*.yml"):
        p = yaml.safe_load(path.read_text(encoding="utf-8"))
        counts["timing"] += sum(s["timing"]["kind"] == "pending" for s in p["steps"])
        counts["law"] += sum(not r.get("confirmed", False) for r in p.get("references", []))
        counts["drafted"] += len(p.get("drafted_sections", []))
        counts["question"] += len(p.get("to_confirm", []))
    terms = yaml.safe_load((DATA / "glossary.yml").read_text(encoding="utf-8"))
    counts["law"] += sum(t.get("source_confirmed") is False for t in terms)
    records = [
        r
        for path in sorted((DATA / "rates").glob("*.yml"))
        for r in yaml.safe_load(path.read_text(encoding="utf-8"))["records"]
    ]
    records += yaml.safe_load((DATA / "office.yml").read_text(encoding="utf-8"))["facts"]
    counts["figure"] = sum(
        r["confidence"] != "verified" or r["illustrative"] or r["value"] is None for r in records
    )
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    values = config["sphinx"]["config"]
    counts["setting"] = sum(not values.get(name) for name in OFFICE_SETTINGS)
    return counts


# Each section's heading, as the page writes it (the counts above are the independent side).
TITLES = KINDS


def _sections(html: str) -> dict[str, int]:
    """Number of list items under each h2 of the worklist page."""
    found = {}
    article = html[html.index("<article") :]
    pattern = r"<h2>(.*?)<a.*?</h2>(.*?)(?=<section|</section>\s*</div>)"
    for title, body in re.findall(pattern, article, re.S):
        found[re.sub(r"<[^>]+>|\s", "", title)] = body.count("<li>")
    return found


def test_the_worklist_lists_every_unconfirmed_item(site_dir: Path) -> None:
    html = (site_dir / "worklist.html").read_text(encoding="utf-8")
    sections = _sections(html)
    expected = _expected_counts()
    for kind, count in expected.items():
        if count:
            assert sections.get(TITLES[kind]) == count, (kind, sections)
    total = sum(expected.values())
    digits = str(total).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert f"ขณะนี้มี {digits} เรื่อง" in visible_text(html)
    # The action plan's step 6/7 order question is on it (decision 8).
    assert "ขั้นตอนที่ ๖" in html and "ขั้นตอนที่ ๗" in html and "พร้อมกัน" in html


def test_only_the_maintainers_part_names_settings(site_dir: Path) -> None:
    problems = []
    for rel in site_pages(site_dir):
        html = (site_dir / rel).read_text(encoding="utf-8")
        if rel == "worklist.html":
            html = html.split("สำหรับผู้ดูแลเว็บไซต์", 1)[0]
        text = visible_text(html)
        titles = re.findall(r'title="([^"]*)"', html)
        named = re.findall(r"\bsop_(?!helpers)[a-z_]+|_config\.yml", " ".join([text, *titles]))
        if named:
            problems.append(f"{rel}: {sorted(set(named))}")
    assert not problems, "\n".join(problems)
    maintainers = (site_dir / "worklist.html").read_text(encoding="utf-8")
    assert "sphinx.config.sop_contact" in maintainers


def test_an_unchecked_glossary_source_is_marked_and_listed(site_dir: Path) -> None:
    # The Act is the official home of ปีงบประมาณ's meaning, but the office has not yet checked
    # the citation against the published Act: the glossary says so and the worklist lists it.
    glossary = visible_text((site_dir / "glossary.html").read_text(encoding="utf-8"))
    entry = glossary[glossary.index("พ.ร.บ.วิธีการงบประมาณ") :][:200]
    assert "ยังไม่ยืนยัน" in entry, entry
    worklist = visible_text((site_dir / "worklist.html").read_text(encoding="utf-8"))
    assert 'ที่มาของคำว่า "ปีงบประมาณ"' in worklist
