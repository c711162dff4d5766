"""The procedure data: fixed ids, the corrections' mappings, and errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from sop_helpers import ProcedureError, load_procedure, load_procedures
from sop_helpers.errata import load_errata
from sop_helpers.glossary import load_glossary
from sop_helpers.procedures import DeadlineTiming, MonthsTiming, PendingTiming, QuarterlyTiming

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "book" / "data"
PROCEDURES = load_procedures(DATA / "procedures")

SECTIONS = (
    "ข้อมูลหลักของงาน",
    "วัตถุประสงค์",
    "ขอบเขต",
    "คำจำกัดความ",
    "หน้าที่ความรับผิดชอบ",
    "แผนผังขั้นตอน",
    "ขั้นตอนการปฏิบัติงาน",
    "มาตรฐานงาน",
    "ระบบติดตามประเมินผล",
    "เอกสารและแบบฟอร์มที่เกี่ยวข้อง",
    "เอกสารอ้างอิง",
)


# ---- the data itself --------------------------------------------------------------------------

SHAPE = {
    # id: (order, steps, standards -> the steps each standard describes; E19-E21 for the last three)
    "director": (1, 4, {"std1": ("s1",), "std2": ("s2",), "std3": ("s3",), "std4": ("s4",)}),
    "development-plan": (
        2,
        9,
        {
            "std1": ("s1", "s2"),
            "std2": ("s3",),
            "std3": ("s4", "s5", "s6", "s7"),
            "std4": ("s8",),
            "std5": ("s9",),
        },
    ),
    "action-plan": (
        3,
        8,
        {
            "std1": ("s1",),
            "std2": ("s2",),
            "std3": ("s3",),
            "std4": ("s4", "s5"),
            "std5": ("s6",),
            "std6": ("s7",),
            "std7": ("s8",),
        },
    ),
    "budget-analysis": (4, 6, {f"std{n}": (f"s{n}",) for n in range(1, 7)}),
}


@pytest.mark.parametrize("procedure_id", list(SHAPE))
def test_ids_order_and_standard_mapping(procedure_id: str) -> None:
    order, steps, standards = SHAPE[procedure_id]
    procedure = PROCEDURES[procedure_id]
    assert procedure.order == order
    assert [s.id for s in procedure.steps] == [f"s{n}" for n in range(1, steps + 1)]
    assert {s.id: s.steps for s in procedure.standards} == standards
    assert all(procedure.standards_for(step.id) for step in procedure.steps), (
        "every step is described by a standard"
    )


def test_director_standards_are_cumulative_except_item_3() -> None:
    kinds = {s.id: (s.kind, len(s.levels)) for s in PROCEDURES["director"].standards}
    assert kinds == {
        "std1": ("cumulative", 5),
        "std2": ("cumulative", 5),
        "std3": ("single", 0),
        "std4": ("cumulative", 5),
    }


@pytest.mark.parametrize(
    ("procedure_id", "step_id", "back_to"),
    [
        ("action-plan", "s5", "s4"),
        ("development-plan", "s7", "s6"),
        ("budget-analysis", "s4", "s3"),
    ],
)
def test_decisions(procedure_id: str, step_id: str, back_to: str) -> None:
    procedure = PROCEDURES[procedure_id]
    decisions = {s.id: s.decision for s in procedure.steps if s.decision}
    assert list(decisions) == [step_id]
    assert decisions[step_id] is not None and decisions[step_id].no_goes_to == back_to


def _timing(procedure_id: str) -> list[object]:
    out: list[object] = []
    for step in PROCEDURES[procedure_id].steps:
        t = step.timing
        if isinstance(t, MonthsTiming):
            out.append((t.from_month, t.to_month))
        elif isinstance(t, DeadlineTiming):
            out.append(("by", t.month, t.day))
        else:
            out.append(t.kind)
    return out


def test_timing_is_what_the_source_states() -> None:
    assert _timing("action-plan") == [
        (10, 10), (10, 10), (10, 10), (10, 12), (10, 12), (12, 1), (10, 12), "quarterly",
    ]  # fmt: skip
    assert _timing("budget-analysis") == ["pending"] * 4 + [("by", 10, 15)] * 2
    for pid in ("director", "development-plan"):
        assert all(isinstance(s.timing, PendingTiming) for s in PROCEDURES[pid].steps)
    assert isinstance(PROCEDURES["action-plan"].step("s8").timing, QuarterlyTiming)


def test_definitions_and_errata_refer_to_existing_entries() -> None:
    glossary = load_glossary(DATA / "glossary.yml")
    errata = {e.id: e for e in load_errata(DATA / "errata.yml")}
    for procedure in PROCEDURES.values():
        assert set(procedure.definitions) <= set(glossary), procedure.id
        for item in (*procedure.steps, *procedure.standards):
            for erratum in item.errata:
                assert erratum in errata, (procedure.id, item.id, erratum)
                assert errata[erratum].procedure in (procedure.id, "development-plan"), erratum


def test_proposed_corrections_are_the_ones_awaiting_confirmation() -> None:
    statuses = {e.id: e.status for e in load_errata(DATA / "errata.yml")}
    assert [i for i, s in statuses.items() if s == "proposed-applied"] == [
        "E5", "E9", "E12", "E19", "E20", "E21",
    ]  # fmt: skip
    assert len(statuses) == 28


# ---- malformed files --------------------------------------------------------------------------

VALID = """\
id: sample
order: 1
title: งานตัวอย่าง
short_title: ตัวอย่าง
mission: ภารกิจ
position: ตำแหน่ง
objectives: [วัตถุประสงค์]
scope: ขอบเขต
responsibilities:
  - role: ผู้ปฏิบัติ
    duties: [ทำงาน]
steps:
  - id: s1
    number: 1
    text: ขั้นแรก
    role: ผู้ปฏิบัติ
    timing: {kind: pending}
  - id: s2
    number: 2
    text: ขั้นสอง
    role: ผู้ปฏิบัติ
    timing: {kind: months, from_month: 10, to_month: 12}
    decision:
      question: เห็นชอบหรือไม่
      no_goes_to: s1
      no_action: แก้ไข
standards:
  - id: std1
    number: 1
    kind: single
    steps: [s1, s2]
    text: มาตรฐาน
monitoring: [ติดตาม]
"""


def test_valid_sample_loads(tmp_path: Path) -> None:
    path = tmp_path / "sample.yml"
    path.write_text(VALID, encoding="utf-8")
    assert [s.id for s in load_procedure(path).steps] == ["s1", "s2"]


_S2_TIMING = "    timing: {kind: months, from_month: 10, to_month: 12}\n"

# (replace this text of VALID, by this, expected line, expected pointer, words of the message)
BAD = [
    ("    role: ผู้ปฏิบัติ\n    timing: {kind: pending}", "    timing: {kind: pending}", 13,
     "/steps/0/role", "ขาดช่อง"),
    ("steps: [s1, s2]", "steps: [s1, s9]", 31, "/standards/0/steps/1", "s9"),
    ("no_goes_to: s1", "no_goes_to: s7", 25, "/steps/1/decision/no_goes_to", "s7"),
    ("kind: single\n", "kind: cumulative\n", 28, "/standards/0", "cumulative"),
    ("{kind: pending}", "{kind: someday}", 17, "/steps/0/timing", "someday"),
    ("  - id: s2\n    number: 2", "  - id: s2\n    number: 3", 19, "/steps/1/number", "1..n"),
    ("  - id: s2\n", "  - id: s1\n", 18, "/steps/1/id", "ซ้ำ"),
    ("from_month: 10", "from_month: 13", 22, "/steps/1/timing/from_month", "12"),
    ("text: ขั้นแรก", "text: ขั้นแรก\n    errata: [X1]", 16, "/steps/0/errata/0", "รูปแบบ"),
    ("id: sample", "id: other", 1, "/id", "ชื่อไฟล์"),
    ("scope: ขอบเขต", "scope: 2569", 8, "/scope", "ข้อความ"),
    ("mission: ภารกิจ", "mission: ภารกิจ\nmission: ซ้ำ", 6, "/mission", "ซ้ำ"),
    # steps drawn side by side must be steps of this procedure, other than itself
    (_S2_TIMING, _S2_TIMING + "    parallel:\n      steps: [s9]\n      source: ต้นฉบับ\n", 24,
     "/steps/1/parallel/steps/0", "s9"),
    (_S2_TIMING, _S2_TIMING + "    parallel:\n      steps: [s2]\n      source: ต้นฉบับ\n", 24,
     "/steps/1/parallel/steps/0", "ตัวเอง"),
    (_S2_TIMING, _S2_TIMING + "    parallel:\n      steps: [s1]\n", 23, "/steps/1/parallel/source",
     "ขาดช่อง"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "line", "pointer", "words"), BAD)
def test_malformed_file_names_file_line_and_field(
    tmp_path: Path, old: str, new: str, line: int, pointer: str, words: str
) -> None:
    assert old in VALID
    path = tmp_path / "sample.yml"
    path.write_text(VALID.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProcedureError) as info:
        load_procedure(path)
    error = info.value
    assert error.source == str(path)
    assert error.pointer == pointer
    assert error.line == line, str(error)
    assert words in error.message
    assert str(error).startswith(f"{path}:{line}: {pointer}: ")


def test_real_files_are_valid_yaml_mappings() -> None:
    for path in sorted((DATA / "procedures").glob("*.yml")):
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path


# ---- the built pages --------------------------------------------------------------------------


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _headings(soup: BeautifulSoup, level: str) -> list[str]:
    article = soup.select_one("article")
    assert article is not None
    return [h.get_text().replace("#", "").strip() for h in article.find_all(level)]


@pytest.mark.parametrize("procedure_id", list(PROCEDURES))
def test_procedure_page_has_every_template_section(site_dir: Path, procedure_id: str) -> None:
    soup = _soup(site_dir, f"procedures/{procedure_id}.html")
    headings = _headings(soup, "h2")
    assert [h for h in headings if h in SECTIONS] == list(SECTIONS)
    # The sections are in the page's contents (right-hand table of contents) too.
    toc = soup.select_one("#pst-page-toc-nav")
    assert toc is not None
    toc_text = toc.get_text()
    assert all(section in toc_text for section in SECTIONS)


@pytest.mark.parametrize("procedure_id", list(PROCEDURES))
def test_procedure_page_shows_owner_review_dates_and_changelog(
    site_dir: Path, procedure_id: str
) -> None:
    soup = _soup(site_dir, f"procedures/{procedure_id}.html")
    article = soup.select_one("article")
    assert article is not None
    text = article.get_text(" ")
    assert "ผู้อำนวยการกลุ่มนโยบายและแผน" in text
    assert "๒๘ พฤศจิกายน ๒๕๖๙" in text and "๒๘ พฤศจิกายน ๒๕๗๐" in text
    assert "รอนนท์" not in text and "รนนท์" not in text, "no name unless configured"
    assert any(a.get("href", "").endswith("changelog.html") for a in article.find_all("a"))
    drafted = PROCEDURES[procedure_id].drafted_sections
    notes = article.select(".sop-drafted")
    assert len(notes) == len([s for s in drafted if s != "timing"])


@pytest.mark.parametrize(
    ("page", "must_have"),
    [
        ("index.html", ["งานธุรการ", "การเปิดห้องเรียนพิเศษ", "การบริหารจัดการโรงเรียนขนาดเล็ก"]),
        ("fiscal-year.html", ["ตุลาคม", "กันยายน", "ภายในวันที่ ๑๕ ตุลาคม", "ปฏิทินการดำเนินงาน"]),
        ("glossary.html", ["กศจ.", "คณะกรรมการศึกษาธิการจังหวัด", "ผอ.สพป."]),
        ("errata.html", ["รายการแก้ไขที่ ๑ ", "รายการแก้ไขที่ ๒๘", "ลำพูน", "รอยืนยัน"]),
    ],
)
def test_generated_pages(site_dir: Path, page: str, must_have: list[str]) -> None:
    text = _soup(site_dir, page).get_text(" ")
    missing = [m for m in must_have if m not in text]
    assert not missing


def test_index_links_every_procedure(site_dir: Path) -> None:
    article = _soup(site_dir, "index.html").select_one("article")
    assert article is not None
    hrefs = {a.get("href", "") for a in article.find_all("a")}
    for pid in PROCEDURES:
        assert f"procedures/{pid}.html" in hrefs


def test_fiscal_year_table_has_twelve_months_in_order(site_dir: Path) -> None:
    table = _soup(site_dir, "fiscal-year.html").select_one("table.sop-year-table")
    assert table is not None
    # months with no step share one short row (เมษายน–พฤษภาคม)
    months = [row.find("td").get_text().split()[0] for row in table.select("tbody tr")]
    assert "–".join(months).split("–") == [
        "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม",
        "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
    ]  # fmt: skip
    assert _headings(_soup(site_dir, "fiscal-year.html"), "h2")[-1] == "ปฏิทินการดำเนินงาน"


def test_glossary_terms_cover_the_source_acronyms() -> None:
    import re

    source = (ROOT / "tests" / "data" / "source" / "000_d86ef5c68f33fdcd.txt").read_text()
    acronyms = set(re.findall(r"(?<![ก-๙])(?:[ก-ฮ]{1,4}\.)+", source))
    glossary = load_glossary(DATA / "glossary.yml")
    assert acronyms and acronyms <= set(glossary), acronyms - set(glossary)


# ---- the generated MyST text (no Sphinx build needed) -----------------------------------------


class _Env:
    def __init__(self, found: set[str]) -> None:
        self.found_docs = found
        self.dependencies: list[str] = []

    def note_dependency(self, path: str) -> None:
        self.dependencies.append(path)


def _generate(procedure_id: str, *, director: str = "", found: frozenset[str] = frozenset()) -> str:
    from types import SimpleNamespace

    from sop_helpers.sphinx_ext.procedure_pages import expand_markers

    app = SimpleNamespace(
        srcdir=str(ROOT / "book"),
        env=_Env(set(found)),
        config=SimpleNamespace(sop_review_months=12, sop_director_name=director),
    )
    source = [
        f"---\nlast_reviewed: 2569-11-28\n---\n# t\n\n```{{sop-procedure}} {procedure_id}\n```\n"
    ]
    expand_markers(app, f"procedures/{procedure_id}", source)  # type: ignore[arg-type]
    assert any(p.endswith(f"{procedure_id}.yml") for p in app.env.dependencies)
    return source[0]


@pytest.mark.parametrize(
    ("director", "owner"),
    [
        ("", "ผู้อำนวยการกลุ่มนโยบายและแผน"),
        ("นางสาวทดสอบ ตัวอย่าง", "ผู้อำนวยการกลุ่มนโยบายและแผน (นางสาวทดสอบ ตัวอย่าง)"),
    ],
)
def test_director_name_only_when_configured(director: str, owner: str) -> None:
    text = _generate("action-plan", director=director)
    assert text.split("เจ้าของงาน\n: ", 1)[1].splitlines()[0] == owner


@pytest.mark.parametrize(
    ("found", "links"),
    [
        (frozenset(), []),
        (frozenset({"self-check/budget-analysis"}), ["</self-check/budget-analysis>"]),
        (
            frozenset({"self-check/budget-analysis", "examples/budget-analysis-report"}),
            ["</self-check/budget-analysis>", "`/examples/budget-analysis-report`"],
        ),
    ],
)
def test_self_check_and_example_links_only_to_existing_pages(
    found: frozenset[str], links: list[str]
) -> None:
    text = _generate("budget-analysis", found=found)
    section = text.split("## แบบตรวจสอบตนเองและตัวอย่าง", 1)[1].split("\n## ", 1)[0]
    assert all(link in section for link in links)
    assert ("{doc}" in section) is bool(links)


def _expand(marker: str, docname: str) -> str:
    from types import SimpleNamespace

    from sop_helpers.sphinx_ext.procedure_pages import expand_markers

    app = SimpleNamespace(srcdir=str(ROOT / "book"), env=_Env(set()))
    source = [f"# t\n\n```{{{marker}}}\n```\n"]
    expand_markers(app, docname, source)  # type: ignore[arg-type]
    return source[0]


def _depth(text: str) -> int:
    depth = deepest = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        deepest = max(deepest, depth)
    return deepest


@pytest.mark.parametrize("procedure_id", list(PROCEDURES))
def test_generated_lists_and_timings_read_clearly(procedure_id: str) -> None:
    from sop_helpers.thai import number_list

    text = _generate(procedure_id)
    procedure = PROCEDURES[procedure_id]
    for standard in procedure.standards:
        steps = number_list(procedure.step(s).number for s in standard.steps)
        assert f"(ขั้นตอนที่ {steps})" in text
    timings = [line for line in text.splitlines() if line.startswith(":ระยะเวลา:")]
    assert len(timings) == len(procedure.steps)
    assert all(_depth(line) <= 1 for line in timings), timings


def test_errata_page_names_places_staff_can_find() -> None:
    text = _expand("sop-errata", "errata")
    assert "ต้นฉบับบรรทัดที่" not in text
    errata = load_errata(DATA / "errata.yml")
    blocks = {b.split(")=")[0].upper(): b for b in text.split("(erratum-")[1:]}
    assert sorted(blocks) == sorted(e.id for e in errata)
    for erratum in errata:
        block = blocks[erratum.id]
        head = next(line for line in block.splitlines() if line.startswith(f"**{erratum.label}**"))
        assert erratum.where in head.replace("\\", "")
        # The line number is only a maintainers' note after the fields staff read.
        assert block.index(":หมายเหตุ: สำหรับผู้ดูแลคู่มือ") > block.index(":เหตุผล:")
        cited = [
            f"<proc-{p.id}-{item.id}>"
            for p in PROCEDURES.values()
            for item in (*p.steps, *p.standards)
            if erratum.id in item.errata
        ]
        assert all(label in block for label in cited), erratum.id
        assert (":ดูในคู่มือ:" in block) is bool(cited)


def test_glossary_cites_only_sources_staff_can_get() -> None:
    text = _expand("sop-glossary", "glossary")
    assert "เอกสารข้อเท็จจริง" not in text
    terms = load_glossary(DATA / "glossary.yml")
    assert text.count("ที่มา: ") == sum(1 for t in terms.values() if t.source)


def test_fiscal_year_table_uses_procedure_titles_and_thai_numbers(site_dir: Path) -> None:
    import re

    table = _soup(site_dir, "fiscal-year.html").select_one("table.sop-year-table")
    assert table is not None
    links = [re.fullmatch(r"(.+) ขั้นตอนที่ (\S+)", a.get_text()) for a in table.select("td a")]
    assert links and all(links)
    titles = {p.title for p in PROCEDURES.values()}
    assert {m.group(1) for m in links if m} <= titles
    assert all(re.fullmatch("[๐-๙]+", m.group(2)) for m in links if m)
    assert re.search(r"ไตรมาสที่ [0-9]", table.get_text()) is None
