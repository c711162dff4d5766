"""Flowchart of a procedure as plain HTML: standard symbols, real text, no script.

:func:`build_flow` lays a procedure out as a top-to-bottom sequence of nodes (start, one activity
per step, a document after steps that produce a report or plan, a decision after steps that have
one, end). A "not approved" branch goes back to an earlier step through a lettered connector (ก, ข,
...) drawn at both ends, as flowcharts do instead of long crossing lines. :func:`render_html`
turns the layout into an ordered list inside a ``<figure>``; the look (terminator, rectangle,
diamond, wavy-bottom document, arrows) is CSS only, so the text stays selectable, reflows on a
phone and prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Literal

from ._html import element
from .procedures import Procedure
from .schedule import timing_label
from .thai import thai_number

NodeKind = Literal["terminator", "activity", "document", "decision"]

CONNECTOR_LABELS = "กขคงจฉชซ"
"""Letters of loop connectors, in the order the loops appear."""

DOCUMENT_KINDS = frozenset({"report", "plan"})
"""Document kinds a step *produces*, drawn as a document symbol after the step."""


@dataclass(frozen=True)
class FlowNode:
    """One symbol of the flowchart."""

    kind: NodeKind
    text: str
    step_id: str = ""
    """The step this node belongs to (activity, its document and its decision)."""
    number: int = 0
    meta: str = ""
    """Small text under an activity: the step's timing."""
    connector: str = ""
    """Connector letter: on an activity, where a loop comes back; on a decision, where it goes."""
    yes_label: str = ""
    no_label: str = ""
    no_action: str = ""
    no_goes_to: str = ""
    no_goes_to_number: int = 0


@dataclass(frozen=True)
class Flow:
    """A procedure's flowchart layout."""

    procedure_id: str
    title: str
    nodes: tuple[FlowNode, ...]

    def activities(self) -> tuple[FlowNode, ...]:
        """The activity nodes, one per step."""
        return tuple(n for n in self.nodes if n.kind == "activity")


def build_flow(procedure: Procedure) -> Flow:
    """Lay out a procedure as flowchart nodes (pure)."""
    loops: dict[str, str] = {}
    for step in procedure.steps:
        if step.decision is not None:
            loops[step.id] = CONNECTOR_LABELS[len(loops) % len(CONNECTOR_LABELS)]
    incoming: dict[str, str] = {}
    for step in procedure.steps:
        if step.decision is not None:
            target = step.decision.no_goes_to
            incoming[target] = " ".join(filter(None, (incoming.get(target, ""), loops[step.id])))
    docs = {d.id: d for d in procedure.documents}
    drawn: set[str] = set()
    nodes: list[FlowNode] = [FlowNode("terminator", "เริ่มต้น")]
    for step in procedure.steps:
        timing = timing_label(step.timing)
        nodes.append(
            FlowNode(
                "activity",
                step.short,
                step_id=step.id,
                number=step.number,
                meta="" if timing == "ยังไม่กำหนด" else timing,
                connector=incoming.get(step.id, ""),
            )
        )
        # A document is drawn where it is first produced, not again where it is sent on; a step
        # that ends in a decision leaves its document to the next step (the approved version).
        produced = [d for d in step.documents if docs[d].kind in DOCUMENT_KINDS and d not in drawn]
        if produced and step.decision is None:
            drawn.update(produced)
            title = " / ".join(docs[d].title for d in produced)
            nodes.append(FlowNode("document", title, step_id=step.id))
        if step.decision is not None:
            decision = step.decision
            nodes.append(
                FlowNode(
                    "decision",
                    decision.question,
                    step_id=step.id,
                    number=step.number,
                    connector=loops[step.id],
                    yes_label=decision.yes_label,
                    no_label=decision.no_label,
                    no_action=decision.no_action,
                    no_goes_to=decision.no_goes_to,
                    no_goes_to_number=procedure.step(decision.no_goes_to).number,
                )
            )
    nodes.append(FlowNode("terminator", "สิ้นสุด"))
    return Flow(procedure.id, procedure.title, tuple(nodes))


def _anchor(flow: Flow, step_id: str) -> str:
    return f"flow-{flow.procedure_id}-{step_id}"


def _span(cls: str, inner: str, **attrs: str) -> str:
    return element("span", inner, class_=cls, **attrs)


def _connector(letter: str) -> str:
    return _span("sop-flow-connector", escape(letter), title=f"จุดเชื่อมต่อ {letter}")


def _li(kind: str, inner: str, **attrs: str) -> str:
    return element("li", inner, class_=f"sop-flow-node sop-flow-{kind}", **attrs)


def _node_html(flow: Flow, node: FlowNode) -> str:
    e = escape
    if node.kind == "terminator":
        return _li("terminator", _span("sop-flow-shape", e(node.text)))
    if node.kind == "document":
        label = _span("sop-flow-kind", "เอกสาร")
        return _li(
            "document",
            _span("sop-flow-shape", f"{label} {e(node.text)}"),
            data_doc_for=node.step_id,
        )
    if node.kind == "activity":
        connector = ""
        if node.connector:
            letters = "".join(_connector(c) for c in node.connector.split())
            note = _span("sop-flow-connector-text", "กลับมาที่ขั้นตอนนี้เมื่อไม่เห็นชอบ")
            connector = _span("sop-flow-connector-in", letters + note)
        meta = _span("sop-flow-meta", e(node.meta)) if node.meta else ""
        number = _span("sop-flow-num", f"ขั้นตอนที่ {thai_number(node.number)}")
        shape = _span("sop-flow-shape", f"{number} {_span('sop-flow-text', e(node.text))}{meta}")
        return _li(
            "activity", connector + shape, id=_anchor(flow, node.step_id), data_step_id=node.step_id
        )
    target = f"#{_anchor(flow, node.no_goes_to)}"
    back = element("a", f"ไปขั้นตอนที่ {thai_number(node.no_goes_to_number)}", href=target)
    no = _span(
        "sop-flow-branch sop-flow-no",
        f"{_span('sop-flow-branch-label', e(node.no_label))} {e(node.no_action)} {back} "
        + _connector(node.connector),
    )
    yes = _span(
        "sop-flow-branch sop-flow-yes",
        f"{_span('sop-flow-branch-label', e(node.yes_label))} ดำเนินการต่อ",
    )
    diamond = _span("sop-flow-shape", _span("sop-flow-diamond-text", e(node.text)))
    return _li("decision", diamond + no + yes, data_decision_for=node.step_id)


def render_html(flow: Flow) -> str:
    """The flowchart as an HTML ``<figure>`` (escaped text; CSS classes ``sop-flow-*``)."""
    steps = len(flow.activities())
    caption = (
        f"แผนผังขั้นตอน: {flow.title} ({thai_number(steps)} ขั้นตอน)"
        " รายละเอียดของแต่ละขั้นตอนอยู่ในหัวข้อขั้นตอนการปฏิบัติงาน"
    )
    items = "\n".join(_node_html(flow, node) for node in flow.nodes)
    return (
        f'<figure class="sop-flow" id="flow-{escape(flow.procedure_id)}">\n'
        f'<figcaption class="sop-flow-caption">{escape(caption)}</figcaption>\n'
        f'<ol class="sop-flow-list" aria-label="{escape("ลำดับขั้นตอนของ" + flow.title)}">\n'
        f"{items}\n</ol>\n</figure>"
    )


def render_text(flow: Flow) -> list[str]:
    """The flowchart as plain lines, for builders other than HTML."""
    lines = []
    for node in flow.nodes:
        if node.kind == "activity":
            lines.append(f"ขั้นตอนที่ {thai_number(node.number)}: {node.text}")
        elif node.kind == "decision":
            lines.append(
                f"  {node.text} {node.yes_label}: ดำเนินการต่อ; {node.no_label}: {node.no_action}"
                f" (ไปขั้นตอนที่ {thai_number(node.no_goes_to_number)})"
            )
        elif node.kind == "document":
            lines.append(f"  เอกสาร: {node.text}")
        else:
            lines.append(node.text)
    return lines
