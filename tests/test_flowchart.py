"""Flowcharts: one activity per step, decisions with their loop back, plain selectable HTML."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
from bs4 import BeautifulSoup

from sop_helpers import parse_procedure
from sop_helpers.flowchart import build_flow, render_text
from sop_helpers.sphinx_ext.flowchart_ext import render_html

from . import support

ROOT = Path(__file__).resolve().parents[1]
PROCEDURES = support.procedures()


def _sample(text: str = "ขั้นแรก") -> dict[str, object]:
    return {
        "id": "sample",
        "order": 1,
        "title": "งาน <ตัวอย่าง> & ทดสอบ",
        "short_title": "ตัวอย่าง",
        "mission": "ภารกิจ",
        "position": "ตำแหน่ง",
        "objectives": ["ข้อ"],
        "scope": "ขอบเขต",
        "responsibilities": [{"role": "ผู้ปฏิบัติ", "duties": ["ทำ"]}],
        "steps": [
            {"id": "s1", "number": 1, "text": text, "role": "ก", "timing": {"kind": "pending"}},
            {
                "id": "s2",
                "number": 2,
                "text": "ขั้นสอง",
                "role": "ก",
                "timing": {"kind": "deadline", "month": 10, "day": 15},
                "documents": ["rep"],
                "decision": {"question": "เห็นชอบ?", "no_goes_to": "s1", "no_action": "แก้"},
            },
            {
                "id": "s3",
                "number": 3,
                "text": "ขั้นสาม",
                "role": "ก",
                "timing": {"kind": "quarterly"},
                "documents": ["rep"],
            },
        ],
        "standards": [{"id": "std1", "number": 1, "kind": "single", "steps": ["s1"], "text": "ม"}],
        "documents": [{"id": "rep", "title": "รายงาน", "purpose": "ใช้", "kind": "report"}],
        "monitoring": ["ติดตาม"],
    }


def test_layout_of_a_small_procedure() -> None:
    flow = build_flow(parse_procedure(_sample()))
    kinds = [(n.kind, n.step_id) for n in flow.nodes]
    assert kinds == [
        ("terminator", ""),
        ("activity", "s1"),
        ("activity", "s2"),
        ("decision", "s2"),
        ("activity", "s3"),
        ("document", "s3"),
        ("terminator", ""),
    ]
    decision = flow.nodes[3]
    assert (decision.no_goes_to, decision.no_goes_to_number) == ("s1", 1)
    # The loop's connector letter is drawn at both ends.
    assert decision.connector == flow.nodes[1].connector == "ก"
    assert flow.nodes[2].meta == "ภายในวันที่ ๑๕ ตุลาคม"
    assert flow.nodes[1].meta == ""  # pending: no time shown


def test_html_escapes_text_and_is_well_formed() -> None:
    html = render_html(build_flow(parse_procedure(_sample("ก <b>ข</b> & ค"))))
    assert "<b>" not in html and "&lt;b&gt;ข&lt;/b&gt; &amp; ค" in html
    assert "<style" not in html and "<script" not in html and "style=" not in html

    class Checker(HTMLParser):
        void: ClassVar[frozenset[str]] = frozenset({"br", "img", "hr"})

        def __init__(self) -> None:
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag not in self.void:
                self.stack.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.stack.pop() == tag

    checker = Checker()
    checker.feed(html)
    assert checker.stack == []


@pytest.mark.parametrize("procedure_id", list(PROCEDURES))
def test_one_activity_per_step_in_data_order(procedure_id: str) -> None:
    procedure = PROCEDURES[procedure_id]
    flow = build_flow(procedure)
    assert [n.step_id for n in flow.activities()] == [s.id for s in procedure.steps]
    assert [n.kind for n in (flow.nodes[0], flow.nodes[-1])] == ["terminator", "terminator"]
    lines = render_text(flow)
    assert sum(line.startswith("ขั้นตอนที่") for line in lines) == len(procedure.steps)


@pytest.mark.parametrize("procedure_id", list(PROCEDURES))
def test_built_flowchart(site_dir: Path, procedure_id: str) -> None:
    procedure = PROCEDURES[procedure_id]
    html = (site_dir / "procedures" / f"{procedure_id}.html").read_text(encoding="utf-8")
    figures = BeautifulSoup(html, "html.parser").select("figure.sop-flow")
    assert len(figures) == 1
    figure = figures[0]
    assert figure.find("figcaption") is not None
    nodes = figure.select("[data-step-id]")
    assert [n["data-step-id"] for n in nodes] == [s.id for s in procedure.steps]
    for node, step in zip(nodes, procedure.steps, strict=True):
        assert step.short in node.get_text()
    decisions = figure.select(".sop-flow-decision")
    expected = [s for s in procedure.steps if s.decision]
    assert [d["data-decision-for"] for d in decisions] == [s.id for s in expected]
    for decision, step in zip(decisions, expected, strict=True):
        assert step.decision is not None
        link = decision.select_one("a")
        assert link is not None
        assert link["href"] == f"#flow-{procedure_id}-{step.decision.no_goes_to}"
        assert figure.select_one(link["href"]) is not None
    assert len(figure.select(".sop-flow-terminator")) == 2


def test_flowchart_fits_a_phone(site_url: str, page: Any) -> None:
    """At 360 px no flowchart makes the page scroll sideways; every symbol is inside the page."""
    pg = page
    pg.set_viewport_size({"width": 360, "height": 800})
    for procedure_id in PROCEDURES:
        pg.goto(f"{site_url}procedures/{procedure_id}.html")
        overflow = pg.evaluate(
            """() => {
              const w = document.documentElement.clientWidth;
              const out = (e) => {
                const r = e.getBoundingClientRect();
                return r.left < 0 || r.right > w;
              };
              const bad = [...document.querySelectorAll('.sop-flow-shape')].filter(out);
              return {scroll: document.documentElement.scrollWidth, width: w, bad: bad.length};
            }"""
        )
        assert overflow["scroll"] <= overflow["width"], (procedure_id, overflow)
        assert overflow["bad"] == 0, (procedure_id, overflow)
