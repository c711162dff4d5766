"""The one HTML attribute renderer of the package: every value escaped, names from keywords.

Used by the checklist form (``checklist_html``), the flowchart (``flowchart``) and the Sphinx
views, so data text reaches HTML only through :func:`html.escape`.
"""

from __future__ import annotations

from html import escape


def attrs(**values: object) -> str:
    """``class_="a", data_item_id="x", hidden=True`` -> ``class="a" data-item-id="x" hidden``.

    A trailing ``_`` is dropped (``class_``), other ``_`` become ``-``; ``None`` and ``False``
    leave the attribute out, ``True`` writes its bare name; values are escaped, quotes included.
    """
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value), quote=True)}"')
    return " ".join(parts)


def element(tag: str, inner: str = "", **values: object) -> str:
    """``<tag attrs>inner</tag>``; ``inner`` is markup already made safe by the caller."""
    rendered = attrs(**values)
    return f"<{tag} {rendered}>{inner}</{tag}>" if rendered else f"<{tag}>{inner}</{tag}>"
