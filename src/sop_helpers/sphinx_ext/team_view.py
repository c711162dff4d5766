"""``{team-view}``: the director's page that reads many exported self-check files in the browser.

The files are read with the browser's File API and never leave the computer. The page scores
them with the same JavaScript as the checklists (``checklist.js``) and lays out the same table
as :func:`sop_helpers.team.matrix_table` (``team.js``, ``team-matrix.js``). The page's frame is the
template ``templates/team/view.html`` (autoescape, :mod:`sop_helpers.render`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from sop_helpers.checklists import KIND_LABELS, Checklist, load_checklists
from sop_helpers.checklists.kinds import CHECKLIST_KINDS
from sop_helpers.render import render
from sop_helpers.targets import patterns
from sop_helpers.team import SUPPORT_LEVEL
from sop_helpers.wording import TEXTS, digits, wording_script

from .assets import declare
from .handbook_data import checklists_folder, depend
from .handbook_data import procedures as handbook_procedures
from .html_nodes import add_html_node


class team_view(nodes.General, nodes.Element):  # type: ignore[misc]
    """Placeholder for the team view; HTML comes from the visitor, other builders get text."""


def team_models(
    checklists: Mapping[str, Checklist], procedures: Mapping[str, Any]
) -> dict[str, dict[str, Any]]:
    """The checklist models the page scores against, with their section titles and numbers."""
    return {
        cid: {
            **c.to_json(),
            "procedure": c.procedure,
            "section_titles": {s.id: s.title for s in c.sections},
            # standard number per section (as written: ๑, ๒ ...), for the matrix cells
            "section_numbers": {s.id: digits(s.number) for s in c.sections if s.number is not None},
        }
        for cid, c in checklists.items()
    }


class TeamViewDirective(SphinxDirective):
    """Render the drop zone and the checklist models the page scores against."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        folder = checklists_folder(self.env.app)
        depend(self.env.app, sorted(folder.glob("*.yml")))
        procedures = handbook_procedures(self.env.app)
        checklists = load_checklists(folder, procedures)
        node = team_view()
        node["models"] = team_models(checklists, procedures)
        node["procedures"] = [
            {"id": p.id, "short_title": p.short_title} for p in procedures.values()
        ]
        # a list over the whole handbook (the first week) has its own column, first
        handbook = [c for c in checklists.values() if not c.procedure]
        if handbook:
            label = CHECKLIST_KINDS[handbook[0].kind].label
            node["procedures"].insert(0, {"id": "", "short_title": label})
        node += nodes.paragraph(text="หน้านี้อ่านไฟล์ผลการตรวจสอบตนเองในเบราว์เซอร์ (ต้องเปิด JavaScript)")
        return [node]


def visit_team_view_html(self: Any, node: team_view) -> None:
    payload = {
        "models": node["models"],
        "procedures": node["procedures"],
        "kinds": KIND_LABELS,
        "support_level": SUPPORT_LEVEL,
        "targets": patterns(),  # how targets are read (sop_helpers.targets), for team.js
    }
    self.body.append(render("team/view.html", payload=payload, texts=TEXTS))
    self.body.append(wording_script())  # every word the scripts show (SopCore.say)
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    add_html_node(app, team_view, visit_team_view_html)
    app.add_directive("team-view", TeamViewDirective)
    declare(
        app,
        "team",
        scripts=("sop-core.js", "checklist.js", "team-matrix.js", "team.js"),
        styles=("team.css",),
        nodes=(team_view,),
    )
