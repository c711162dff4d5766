"""One digit style for every number a page shows (decision 1, setting ``sop_digits``).

Python code that renders a number may write either digit form: when a page is written, the text
of the whole rendered page (body, title, navigation, the theme's header and footer, the page's
table of contents) passes through :func:`sop_helpers.thai.apply_digits` (text only: not tags,
attributes, code, scripts or styles). The theme writes texts of its own (the site's title and
copyright from ``_config.yml``, the in-page contents), so the pass wraps the builder's template
renderer rather than a list of context keys. The style reaches the browser as
``<body data-sop-digits="thai|arabic">``, which ``SopCore.digits`` (sop-core.js) and sop.js read
for the numbers they write.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx

from sop_helpers.thai import DigitStyle, apply_digits

# Elements whose text is not prose: code, keyboard keys, scripts, styles, form values.
_SKIP = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "tt", "var"}
# Comments, tags and character references (&#8212;) pass through unchanged.
_PIECES = re.compile(r"(<!--.*?-->|<[^>]*>|&#?[0-9A-Za-z]+;)", re.DOTALL)
_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)\s*>")
_KEEP_CLASS = re.compile(r"""class\s*=\s*["'][^"']*\bsop-keep-digits\b""")


def site_digits(app: Sphinx) -> DigitStyle:
    """The configured digit style."""
    return app.config.sop_digits  # type: ignore[no-any-return]


def html_digits(markup: str, style: DigitStyle) -> str:
    """``markup`` with the digits of its text in ``style``; tags and code left alone."""
    if style == "thai" and not re.search(r"[0-9]", markup):
        return markup
    out: list[str] = []
    skipping: list[str] = []  # open elements whose text keeps its digits
    for piece in _PIECES.split(markup):
        if not piece:
            continue
        if piece.startswith("&"):
            out.append(piece)
            continue
        if piece.startswith("<"):
            out.append(piece)
            tag = _TAG.match(piece)
            if tag and not piece.startswith("<!"):
                closing, name, selfclosing = tag.group(1), tag.group(2).lower(), tag.group(3)
                if closing:
                    if skipping and skipping[-1] == name:
                        skipping.pop()
                elif not selfclosing and (
                    name in _SKIP
                    or (skipping and name == skipping[-1])
                    or _KEEP_CLASS.search(piece)
                ):
                    skipping.append(name)
            continue
        out.append(piece if skipping else apply_digits(piece, style))
    return "".join(out)


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    style = site_digits(app)
    context["sop_digits"] = style
    for key in ("body", "title", "toc", "metatags"):
        if isinstance(context.get(key), str):
            context[key] = html_digits(context[key], style)
    for key in ("prev", "next"):
        link = context.get(key)
        if isinstance(link, dict) and isinstance(link.get("title"), str):
            link["title"] = html_digits(link["title"], style)
    for key in ("sop", "sop_print"):
        values = context.get(key)
        if isinstance(values, dict):
            for name, value in values.items():
                if isinstance(value, str) and "url" not in name and "iso" not in name:
                    values[name] = html_digits(value, style)
    toctree = context.get("generate_toctree_html")
    if callable(toctree):
        context["generate_toctree_html"] = _converted(toctree, style)


def _converted(generate: Any, style: DigitStyle) -> Any:
    def converted(*args: Any, **kwargs: Any) -> Any:
        return html_digits(str(generate(*args, **kwargs)), style)

    return converted


def _render_in_style(app: Sphinx) -> None:
    """Every page the HTML builders render comes out with its text in the site's digits."""
    templates = getattr(app.builder, "templates", None)
    if app.builder.format != "html" or templates is None:
        return
    render = templates.render

    def render_in_style(template: str, context: dict[str, Any]) -> str:
        return html_digits(render(template, context), site_digits(app))

    templates.render = render_in_style


def setup(app: Sphinx) -> None:
    # After the handlers that fill the context (the footer, the navigation wrapper: 900).
    app.connect("html-page-context", _page_context, priority=950)
    app.connect("builder-inited", _render_in_style)
