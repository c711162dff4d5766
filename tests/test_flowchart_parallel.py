"""Steps the procedure data marks as running at the same time are drawn side by side (decision 8).

The action plan's steps ๖ (ธ.ค.–ม.ค.) and ๗ (ต.ค.–ธ.ค.) are the one such pair (the source's own
timings overlap; the office's worklist keeps the question): one row in the flowchart, in the
browser at 360 and 1,280 px and in print (what Chromium puts in the PDF).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sop_helpers import parse_procedure
from sop_helpers._errors import ProcedureError
from sop_helpers.flowchart import build_flow, render_text
from sop_helpers.sphinx_ext.flowchart_ext import render_html

from . import support
from .test_flowchart import _sample

ROOT = Path(__file__).resolve().parents[1]
PROCEDURES = support.procedures()


def test_the_action_plan_marks_steps_6_and_7_parallel_with_its_source() -> None:
    plan = PROCEDURES["action-plan"]
    assert plan.parallel_groups() == (("s6", "s7"),)
    parallel = plan.step("s7").parallel
    assert parallel is not None and "ธันวาคม" in parallel.source and "E20" in parallel.source
    # the office still decides: the question stays on its worklist, saying what the chart shows
    assert any("ขั้นตอนที่ ๗" in q and "คู่กัน" in q for q in plan.to_confirm)
    # no other procedure draws steps side by side: only where the data says so
    assert all(not p.parallel_groups() for pid, p in PROCEDURES.items() if pid != "action-plan")


def test_the_layout_puts_the_parallel_steps_in_lanes_of_one_node() -> None:
    flow = build_flow(PROCEDURES["action-plan"])
    (node,) = [n for n in flow.nodes if n.kind == "parallel"]
    assert [[m.step_id for m in lane if m.kind == "activity"] for lane in node.lanes] == [
        ["s6"],
        ["s7"],
    ]
    assert node.text == "ทำพร้อมกัน: ขั้นตอนที่ ๖ และ ๗"
    order = [n.step_id for n in flow.nodes if n.kind in ("activity", "parallel")]
    assert order == ["s1", "s2", "s3", "s4", "s5", "s6", "s8"]
    assert [n.step_id for n in flow.activities()] == [s.id for s in PROCEDURES["action-plan"].steps]
    lines = render_text(flow)
    assert lines.index("ทำพร้อมกัน: ขั้นตอนที่ ๖ และ ๗:") < lines.index(
        "ขั้นตอนที่ ๖: เผยแพร่ ประชาสัมพันธ์แผนปฏิบัติการ"
    )


def test_parallel_steps_must_be_next_to_each_other() -> None:
    data = _sample()
    steps = data["steps"]
    assert isinstance(steps, list)
    steps[2]["parallel"] = {"steps": ["s1"], "source": "ทดสอบ"}
    with pytest.raises(ProcedureError) as info:
        parse_procedure(data)
    assert info.value.pointer == "/steps/2/parallel/steps"
    assert "ติดกัน" in info.value.message


def test_lane_text_is_escaped() -> None:
    data = _sample()
    steps = data["steps"]
    assert isinstance(steps, list)
    steps[1]["text"] = "ข <i>x</i>"
    steps[2]["parallel"] = {"steps": ["s2"], "source": "ทดสอบ"}
    html = render_html(build_flow(parse_procedure(data)))
    assert 'class="sop-flow-lanes"' in html
    assert "<i>" not in html and "&lt;i&gt;x&lt;/i&gt;" in html


# ---- as readers see it --------------------------------------------------------------------

BOXES = """() => {
  const box = (sel) => { const r = document.querySelector(sel).getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width}; };
  const s6 = document.querySelector('#flow-action-plan-s6 .sop-flow-shape');
  return {
    s5: box('[data-decision-for="s5"]'), s6: box('#flow-action-plan-s6'),
    s7: box('#flow-action-plan-s7'), s8: box('#flow-action-plan-s8'),
    lanes: box('.sop-flow-lanes'), page: document.documentElement.clientWidth,
    font: parseFloat(getComputedStyle(s6).fontSize),
    overflow: [...document.querySelectorAll('.sop-flow-lane .sop-flow-activity .sop-flow-shape')]
      .filter((e) => e.scrollWidth > e.clientWidth + 1).length,
  };
}"""


def _one_row(b: dict[str, Any]) -> None:
    assert abs(b["s6"]["top"] - b["s7"]["top"]) <= 2, (b["s6"], b["s7"])
    assert b["s6"]["right"] <= b["s7"]["left"], "step ๖ is left of step ๗, not above it"
    assert b["s5"]["bottom"] <= b["lanes"]["top"] and b["lanes"]["bottom"] <= b["s8"]["top"]
    assert b["lanes"]["right"] <= b["page"] + 1
    assert b["overflow"] == 0


@pytest.mark.parametrize("width", [360, 1280])
def test_the_action_plan_flowchart_shows_steps_6_and_7_in_one_row(
    browser: Any, site_url: str, width: int
) -> None:
    ctx = browser.new_context(viewport={"width": width, "height": 800}, locale="th-TH")
    page = ctx.new_page()
    page.goto(site_url + "procedures/action-plan.html")
    page.locator("#flow-action-plan-s7").wait_for()
    boxes = page.evaluate(BOXES)
    _one_row(boxes)
    # readable on a phone: each lane keeps room for Thai words at the body's size
    assert boxes["s6"]["width"] >= 140 and boxes["font"] >= 14
    ctx.close()


def test_the_printed_flowchart_keeps_the_parallel_steps_side_by_side(
    browser: Any, site_url: str
) -> None:
    ctx = browser.new_context(viewport={"width": 794, "height": 1123}, locale="th-TH")
    page = ctx.new_page()
    page.goto(site_url + "procedures/action-plan.html")
    page.emulate_media(media="print")
    page.locator("#flow-action-plan-s7").wait_for()
    _one_row(page.evaluate(BOXES))
    ctx.close()
