"""Flowchart of a procedure as plain HTML: standard symbols, real text, no script.

:func:`build_flow` lays a procedure out as a top-to-bottom sequence of nodes (start, one activity
per step, a document after steps that produce a report or plan, a decision after steps that have
one, end); steps the data marks as running at the same time are one ``parallel`` node holding a
lane per step, drawn side by side. A "not approved" branch goes back to an earlier step through a
lettered connector (ก, ข, ...) drawn at both ends, as flowcharts do instead of long crossing
lines. The HTML view (``sphinx_ext/flowchart_ext``: ``templates/flowchart.html`` rendered by
``sop_helpers.render`` with autoescape) turns the layout into an ordered list inside a
``<figure>``; the look (terminator, rectangle, diamond, wavy-bottom document, arrows) is CSS only,
so the text stays selectable, reflows on a phone and prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .procedures import Procedure, Step
from .schedule import timing_label
from .thai import number_list, thai_number
from .wording import STEP

NodeKind = Literal["terminator", "activity", "document", "decision", "parallel"]

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
    lanes: tuple[tuple[FlowNode, ...], ...] = ()
    """On a ``parallel`` node: the symbols of each step that runs at the same time, in order."""


@dataclass(frozen=True)
class Flow:
    """A procedure's flowchart layout."""

    procedure_id: str
    title: str
    nodes: tuple[FlowNode, ...]

    def activities(self) -> tuple[FlowNode, ...]:
        """The activity nodes, one per step (those in parallel lanes too), in step order."""
        return tuple(n for n in self.walk() if n.kind == "activity")

    def walk(self) -> tuple[FlowNode, ...]:
        """Every node, lanes opened in place (a parallel node before its lanes' nodes)."""
        out: list[FlowNode] = []
        for node in self.nodes:
            out.append(node)
            for lane in node.lanes:
                out.extend(lane)
        return tuple(out)


def build_flow(procedure: Procedure) -> Flow:
    """Lay out a procedure as flowchart nodes (pure).

    Steps the data marks as running at the same time (``parallel``) become one ``parallel``
    node whose ``lanes`` hold each step's own symbols, drawn side by side.
    """
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

    def symbols(step: Step) -> list[FlowNode]:
        timing = timing_label(step.timing)
        out = [
            FlowNode(
                "activity",
                step.short,
                step_id=step.id,
                number=step.number,
                meta="" if timing == "ยังไม่กำหนด" else timing,
                connector=incoming.get(step.id, ""),
            )
        ]
        # A document is drawn where it is first produced, not again where it is sent on; a step
        # that ends in a decision leaves its document to the next step (the approved version).
        produced = [d for d in step.documents if docs[d].kind in DOCUMENT_KINDS and d not in drawn]
        if produced and step.decision is None:
            drawn.update(produced)
            title = " / ".join(docs[d].title for d in produced)
            out.append(FlowNode("document", title, step_id=step.id))
        if step.decision is not None:
            decision = step.decision
            out.append(
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
        return out

    groups = {sid: group for group in procedure.parallel_groups() for sid in group}
    nodes: list[FlowNode] = [FlowNode("terminator", "เริ่มต้น")]
    for step in procedure.steps:
        group = groups.get(step.id)
        if group is None:
            nodes.extend(symbols(step))
        elif step.id == group[0]:
            lanes = tuple(tuple(symbols(procedure.step(sid))) for sid in group)
            numbers = [procedure.step(sid).number for sid in group]
            nodes.append(
                FlowNode(
                    "parallel",
                    f"ทำพร้อมกัน: {STEP} {number_list(numbers)}",
                    step_id=step.id,
                    lanes=lanes,
                )
            )
    nodes.append(FlowNode("terminator", "สิ้นสุด"))
    return Flow(procedure.id, procedure.title, tuple(nodes))


def render_text(flow: Flow) -> list[str]:
    """The flowchart as plain lines, for builders other than HTML."""
    return _text_lines(flow.nodes)


def _text_lines(items: tuple[FlowNode, ...], indent: str = "") -> list[str]:
    lines = []
    for node in items:
        if node.kind == "parallel":
            lines.append(f"{indent}{node.text}:")
            for lane in node.lanes:
                lines.extend(_text_lines(lane, indent))
            continue
        if node.kind == "activity":
            lines.append(f"{indent}{STEP} {thai_number(node.number)}: {node.text}")
        elif node.kind == "decision":
            lines.append(
                f"{indent}  {node.text} {node.yes_label}: ดำเนินการต่อ;"
                f" {node.no_label}: {node.no_action}"
                f" (ไป{STEP} {thai_number(node.no_goes_to_number)})"
            )
        elif node.kind == "document":
            lines.append(f"{indent}  เอกสาร: {node.text}")
        else:
            lines.append(f"{indent}{node.text}")
    return lines
