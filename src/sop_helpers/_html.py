"""The one HTML attribute renderer of the package: every value escaped, names from keywords.

Templates call it as ``attrs(...)`` (:mod:`sop_helpers.render`); :func:`element` is for the few
fragments still written in Python (the start page's month box). Values reach HTML only escaped,
by the same ``markupsafe.escape`` as the templates' autoescape.
"""

from __future__ import annotations

from markupsafe import escape  # the templates' own escaping (Jinja2 autoescape)


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
        parts.append(name if value is True else f'{name}="{escape(str(value))}"')
    return " ".join(parts)


def element(tag: str, inner: str = "", **values: object) -> str:
    """``<tag attrs>inner</tag>``; ``inner`` is markup already made safe by the caller."""
    rendered = attrs(**values)
    return f"<{tag} {rendered}>{inner}</{tag}>" if rendered else f"<{tag}>{inner}</{tag}>"
