"""Notebook glue of the worked examples: the Thai chart font, glued text, embedded figures.

The pages import everything they need from here, the pure data helpers of
:mod:`sop_helpers.examples` included, and read the handbook's data through
:func:`~sop_helpers.handbook.load_handbook` (re-exported here): every procedure, checklist,
glossary, errata and rates file is read and cross-checked, so a notebook stops with the same
``file:line: /pointer: message`` as the site's build and ``python -m sop_helpers check``.
matplotlib, IPython and MyST-NB are imported only inside the functions that use them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..examples import (
    PREFIX_UNITS,
    data_fingerprint,
    document_names,
    percent_text,
    read_sample,
    sample_dir,
    source_note,
    sources_table,
    with_unit,
)
from ..handbook import Handbook, load_handbook
from ..rates import data_dir


def use_thai_font() -> str:
    """Register the bundled Sarabun TTFs (PyPI ``fontpkg-sarabun``) with matplotlib and make
    Sarabun the default family; returns the family name. Thai labels then render, not boxes."""
    import fontpkg_sarabun  # type: ignore[import-untyped]
    import matplotlib as mpl
    from matplotlib import font_manager

    for ttf in sorted(Path(fontpkg_sarabun.ROOT).rglob("*.ttf")):
        font_manager.fontManager.addfont(str(ttf))
    family = str(fontpkg_sarabun.FAMILY)
    mpl.rcParams["font.family"] = family
    mpl.rcParams["axes.unicode_minus"] = False
    mpl.rcParams["svg.hashsalt"] = "sop"  # stable ids in SVG output
    return family


def markdown(text: str) -> Any:
    """An IPython Markdown object (imported lazily: only notebooks need IPython)."""
    from IPython.display import Markdown

    return Markdown(text)  # type: ignore[no-untyped-call]


class PlainText(str):
    """A string whose ``repr`` is itself, so MyST-NB's ``{glue}`` shows it without quotes."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def glue_text(name: str, text: str) -> None:
    """Glue ``text`` under ``name`` for ``{glue}`name``` in the page's prose (not shown here).

    Jupyter does not fill ``{glue}`` in Markdown, so where a Jupyter server started the kernel
    (``JPY_SESSION_NAME``: JupyterLab, Notebook) or MyST-NB is not installed, the value is also
    shown as a Markdown line under the cell. The site's build and the tests run without a
    server and keep their outputs as they were.
    """
    import os

    try:
        from myst_nb import glue  # type: ignore[import-untyped]
    except ImportError:
        glue = None
    if glue is not None:
        glue(name, PlainText(text), display=False)
    if glue is None or os.environ.get("JPY_SESSION_NAME"):
        from IPython.display import display

        shown = markdown(f"ค่าในข้อความด้านล่าง `{name}`: **{_markdown_escape(text)}**")
        display(shown)  # type: ignore[no-untyped-call]


def _markdown_escape(text: str) -> str:
    """Text shown literally in Markdown (no emphasis, links or HTML from the value)."""
    return "".join("\\" + c if c in "\\`*_{}[]<>()#+-.!|~" else c for c in text)


def glue_markdown(name: str, text: str) -> None:
    """Glue Markdown under ``name`` for a ``{glue:md}`` directive (a list of worked lines)."""
    from myst_nb import glue

    glue(name, markdown(text), display=False)


class Figure:
    """A matplotlib chart embedded in the page as a PNG ``data:`` URL inside ``<figure>``.

    Embedding saves one request per page (the site's budget is counted in requests and bytes),
    carries its alt text and caption in the HTML itself, and gives the same bytes on every run
    (no timestamp or software metadata in the PNG).
    """

    def __init__(self, fig: Any, alt: str, caption: str = "", dpi: int = 90) -> None:
        import base64
        import io

        import matplotlib.pyplot as plt

        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        width, height = (round(v * dpi) for v in fig.get_size_inches())
        plt.close(fig)
        self.png = buffer.getvalue()
        self.alt, self.caption = alt, caption
        self.size = (width, height)
        self._data = base64.b64encode(self.png).decode("ascii")

    def _repr_html_(self) -> str:
        import html

        caption = f"<figcaption>{html.escape(self.caption)}</figcaption>" if self.caption else ""
        return (
            f'<figure class="sop-chart"><img src="data:image/png;base64,{self._data}" '
            f'alt="{html.escape(self.alt)}" width="{self.size[0]}" height="{self.size[1]}" '
            f'style="max-width: 100%; height: auto;">{caption}</figure>'
        )

    def __repr__(self) -> str:
        return f"แผนภูมิ: {self.alt}"


__all__ = [
    "PREFIX_UNITS",
    "Figure",
    "Handbook",
    "PlainText",
    "data_dir",
    "data_fingerprint",
    "document_names",
    "glue_markdown",
    "glue_text",
    "load_handbook",
    "markdown",
    "percent_text",
    "read_sample",
    "sample_dir",
    "source_note",
    "sources_table",
    "use_thai_font",
    "with_unit",
]
