"""The "แสดงโค้ด Python" toggle of hidden code cells, as valid HTML with a Thai name.

MyST-NB writes the toggle's two labels as ``<p>`` inside ``<summary>`` (the W3C checker rejects
block elements there) and names it "Toggle hidden content" for screen readers, over the Thai
label. This visitor writes the same ``<details>`` with ``<span>`` labels and no English name;
``sop.css`` shows one label at a time.
"""

from __future__ import annotations

from html import escape
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


def visit_toggle(translator: Any, node: nodes.Element) -> None:
    classes = " ".join(node["classes"])
    translator.body.append(
        f'<details class="admonition hide {escape(classes)}"><summary>'
        f'<span class="collapsed admonition-title">{escape(node["prompt_show"])}</span>'
        f'<span class="expanded admonition-title">{escape(node["prompt_hide"])}</span>'
        "</summary>\n"
    )


def depart_toggle(translator: Any, node: nodes.Element) -> None:
    translator.body.append("</details>\n")


def _override(app: Sphinx) -> None:
    from myst_nb.sphinx_ import HideCodeCellNode  # type: ignore[import-untyped]

    app.add_node(HideCodeCellNode, override=True, html=(visit_toggle, depart_toggle))


def setup(app: Sphinx) -> None:
    """Replace MyST-NB's HTML for the toggle once every extension is loaded."""
    app.connect("builder-inited", _override)
