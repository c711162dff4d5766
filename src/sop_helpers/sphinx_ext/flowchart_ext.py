"""The ``{sop-flowchart}`` directive and its node: a procedure's flowchart, with a text fallback.

The node holds the layout (:class:`~sop_helpers.flowchart.Flow`), never markup; the HTML visitor
renders it with the template ``templates/flowchart.html`` through the package's one Jinja2
environment (:mod:`sop_helpers.render`, autoescape on), so data text reaches the page only escaped.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sop_helpers._errors import DataError
from sop_helpers.flowchart import Flow, build_flow, render_text
from sop_helpers.render import render
from sop_helpers.wording import STEP

from .handbook_data import depend, procedure_files, procedures
from .html_nodes import add_html_node

logger = logging.getLogger(__name__)


class flowchart(nodes.General, nodes.Element):  # type: ignore[misc]
    """A procedure's flowchart: ``flow`` holds the data (:class:`~sop_helpers.flowchart.Flow`),
    the children a text fallback; the HTML visitor renders the markup when the page is written."""


class FlowchartDirective(SphinxDirective):
    """``{sop-flowchart} <procedure-id>``: the procedure's flowchart."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        procedure_id = self.arguments[0]
        depend(self.env.app, procedure_files(self.env.app, [procedure_id]))  # even if missing
        try:
            procedure = procedures(self.env.app)[procedure_id]
        except (DataError, KeyError) as exc:
            logger.warning(
                f"สร้างแผนผังของ '{procedure_id}' ไม่ได้: {exc}",
                location=self.get_location(),
                type="sop",
                subtype="data",
            )
            return []
        flow = build_flow(procedure)
        node = flowchart(flow=flow)
        fallback = nodes.enumerated_list()
        for line in render_text(flow):
            fallback += nodes.list_item("", nodes.paragraph(text=line))
        node += fallback
        return [node]


def render_html(flow: Flow) -> str:
    """The flowchart as an HTML ``<figure>`` (escaped text; CSS classes ``sop-flow-*``)."""
    return render("flowchart.html", flow=flow, step_name=STEP)


def _visit_flowchart_html(self: Any, node: flowchart) -> None:
    self.body.append(render_html(node["flow"]))
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    """Register the flowchart directive and node (other builders show the text fallback)."""
    app.add_directive("sop-flowchart", FlowchartDirective)
    add_html_node(app, flowchart, _visit_flowchart_html)  # other builders: the text fallback
