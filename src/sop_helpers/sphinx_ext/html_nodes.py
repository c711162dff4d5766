"""Registering the extension's nodes: HTML visitors write them; every other builder shows the
node's plain children (its text fallback) or skips it.

Which builders those are, and what "plain" means, is written here once, so a node cannot be
registered for some of them and forgotten for others.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from docutils import nodes
from sphinx.application import Sphinx

OTHER_BUILDERS = ("latex", "text", "man", "texinfo")
"""The builders besides HTML that the handbook's pages are built with (or could be)."""

Visit = Callable[[Any, Any], None]


def _children(translator: Any, node: nodes.Element) -> None:
    """The node's children are written as they are (its plain fallback)."""


def _depart(translator: Any, node: nodes.Element) -> None:
    pass


def _skip(translator: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def add_html_node(
    app: Sphinx,
    node: type[nodes.Element],
    html: Visit | None,
    depart: Visit | None = None,
    *,
    elsewhere: Literal["children", "skip"] = "children",
) -> None:
    """Register ``node``: ``html`` (and ``depart``) write it in HTML (``None``: as elsewhere);
    every other builder writes its plain children (``elsewhere="children"``) or nothing
    (``"skip"``)."""
    other: tuple[Visit, Visit | None] = (
        (_children, _depart) if elsewhere == "children" else (_skip, None)
    )
    kwargs: dict[str, Any] = dict.fromkeys(OTHER_BUILDERS, other)
    app.add_node(node, html=(html, depart) if html is not None else other, **kwargs)
