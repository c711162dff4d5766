"""HTML views of the package: one Jinja2 environment with autoescape, templates in ``templates/``.

Every HTML fragment the package writes (the checklist form, the printed form, the progress
table, the team view's frame, the notebook widgets' texts) is a template here, so data text
reaches HTML only through Jinja2's autoescaping (``markupsafe.escape``); markup made by Python
is marked safe here only: :func:`attrs` (values escaped by :func:`sop_helpers._html.attrs`) and
:func:`script_json` (JSON with ``<``, ``>``, ``&`` escaped).

Templates are written readable, one element per line; the loader joins the lines (line breaks
and the indentation around them dropped), so pages get the same compact markup as before.
A space where two lines join is written ``{{ " " }}``. Pure logic stays in the calling modules:
a template receives computed values and only lays them out.

The generated MyST pages (``sphinx_ext/page_templates/``) are Markdown, not HTML: their
environment, made here too by :func:`myst_environment`, does not autoescape (the procedure
pages pass every data text through ``md_escape``). No other module makes a Jinja2 environment
(``tests/test_markup.py`` checks).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.ext import Extension
from markupsafe import Markup

from . import _html

TEMPLATES = Path(__file__).with_name("templates")


_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)
_BREAK = re.compile(r"[ \t]*\n[ \t]*")


class _JoinLines(Extension):
    """Line breaks between tags and text are dropped with the indentation around them.

    Each break becomes an empty comment holding it (``{#\\n#}``), so Jinja2 still counts lines
    and an error names the template's real line. Breaks inside ``{{ }}``, ``{% %}`` and
    ``{# #}`` stay (they print nothing).
    """

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        parts = _TAG.split(source)
        for index in range(0, len(parts), 2):  # the text between tags
            parts[index] = _BREAK.sub(lambda m: "{#" + "\n" * m[0].count("\n") + "#}", parts[index])
        return "".join(parts)


def attrs(**values: object) -> Markup:
    """:func:`sop_helpers._html.attrs` for templates: ``<input {{ attrs(type="text") }}>``."""
    return Markup(_html.attrs(**values))  # every value escaped by _html.attrs


def script_json(value: object) -> Markup:
    """JSON for a ``<script type="application/json">`` (:func:`sop_helpers.output.script_json`)."""
    from .output import script_json as as_json

    return Markup(as_json(value))  # < > & U+2028 U+2029 escaped


def _environment() -> jinja2.Environment:
    from .thai import thai_number

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=[_JoinLines],
        keep_trailing_newline=False,
    )
    env.globals["attrs"] = attrs
    env.filters["thai_number"] = thai_number
    env.filters["script_json"] = script_json
    return env


def myst_environment(
    folder: Path, filters: Mapping[str, Callable[..., Any]], globals: Mapping[str, Any]
) -> jinja2.Environment:
    """The environment of MyST (Markdown) templates in ``folder``: Jinja2's block-line trimming,
    no autoescape (Markdown has its own escaping, which the caller's filters apply)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # the output is MyST, not HTML
    )
    env.filters.update(filters)
    env.globals.update(globals)
    return env


_ENV: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    """The package's one Jinja2 environment (made on first use)."""
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV


def render(template: str, **context: Any) -> str:
    """``templates/<template>`` rendered with ``context`` (every value autoescaped)."""
    return environment().get_template(template).render(**context)


def macro(template: str, name: str) -> Callable[..., str]:
    """The macro ``name`` of ``templates/<template>`` as a function returning HTML text."""
    found = getattr(environment().get_template(template).module, name)

    def call(*args: Any, **kwargs: Any) -> str:
        return str(found(*args, **kwargs))

    return call
