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
from ..thai import DIGIT_STYLES, DigitStyle, apply_digits


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


def notebook_digits() -> DigitStyle:
    """The digit style a notebook shows its charts in: ``$SOP_DIGITS`` (``thai``/``arabic``),
    else Thai, the site's default. The site's build picks its own style's picture whatever this
    says (each :class:`Figure` carries both; ``sphinx_ext/charts.py``)."""
    import os

    style = os.environ.get("SOP_DIGITS", "thai").strip() or "thai"
    if style not in DIGIT_STYLES:
        raise ValueError(f"SOP_DIGITS ต้องเป็น thai หรือ arabic (พบ {style!r})")
    return style


def _digit_formatter(inner: Any, style: DigitStyle) -> Any:
    """``inner`` (a matplotlib tick formatter) whose labels come out in ``style``."""
    from matplotlib.ticker import Formatter

    class DigitFormatter(Formatter):
        """Tick labels of another formatter, in one digit style."""

        def __init__(self) -> None:
            self.inner, self.style = inner, style

        def __call__(self, x: Any, pos: Any = None) -> str:
            return apply_digits(str(self.inner(x, pos)), self.style)

        def format_ticks(self, values: Any) -> list[str]:
            return [apply_digits(str(t), self.style) for t in self.inner.format_ticks(values)]

        def set_locs(self, locs: Any) -> None:
            self.inner.set_locs(locs)

        def get_offset(self) -> str:
            return apply_digits(str(self.inner.get_offset()), self.style)

        def format_data(self, value: Any) -> str:
            return apply_digits(str(self.inner.format_data(value)), self.style)

        def format_data_short(self, value: Any) -> str:
            return apply_digits(str(self.inner.format_data_short(value)), self.style)

        def set_axis(self, axis: Any) -> None:
            super().set_axis(axis)
            self.inner.set_axis(axis)

    return DigitFormatter()


def chart_digits(fig: Any, style: DigitStyle) -> None:
    """Every text ``fig`` draws in one digit style (decision 1): titles, axis labels, legends,
    annotations and value labels now, tick labels (and their offset) each time they are drawn.

    The one place the worked examples' charts get their digits: pages write numbers as they
    come (``f"ปีงบประมาณ {YEAR}"``, ``f"{value:,.1f}"``). Digits of Latin tokens (E13, A4),
    URLs and file names stay (:func:`sop_helpers.thai.apply_digits`); mathtext (``$...$``) is
    left alone.
    """
    from matplotlib.table import Cell
    from matplotlib.text import Text

    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis, getattr(ax, "zaxis", None)):
            if axis is None:
                continue
            for get, put in (
                (axis.get_major_formatter, axis.set_major_formatter),
                (axis.get_minor_formatter, axis.set_minor_formatter),
            ):
                current = get()
                put(_digit_formatter(getattr(current, "inner", current), style))
    texts = list(fig.findobj(lambda artist: isinstance(artist, Text)))
    texts += [cell.get_text() for cell in fig.findobj(lambda artist: isinstance(artist, Cell))]
    for text in texts:
        value = text.get_text()
        if value and value.count("$") < 2:
            text.set_text(apply_digits(value, style))


def _png(fig: Any, dpi: int) -> bytes:
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


class Figure:
    """A matplotlib chart embedded in the page as a PNG ``data:`` URL inside ``<figure>``.

    Embedding saves one request per page (the site's budget is counted in requests and bytes),
    carries its alt text and caption in the HTML itself, and gives the same bytes on every run
    (no timestamp or software metadata in the PNG). Every text of the chart is drawn in one
    digit style (:func:`chart_digits`): the picture shown is in :func:`notebook_digits`' style,
    and the other style's picture rides along (``data-sop-other-src``) so that the site's build,
    whose notebooks are run once and cached, shows the site's ``sop_digits`` whichever it is.
    """

    def __init__(self, fig: Any, alt: str, caption: str = "", dpi: int = 90) -> None:
        import base64

        import matplotlib.pyplot as plt

        style = notebook_digits()
        other: DigitStyle = "arabic" if style == "thai" else "thai"
        pngs: dict[str, bytes] = {}
        for drawn in (other, style):  # the shown style last: the figure is left in it
            chart_digits(fig, drawn)
            pngs[drawn] = _png(fig, dpi)
        width, height = (round(v * dpi) for v in fig.get_size_inches())
        plt.close(fig)
        self.digits: DigitStyle = style
        self.png, self.other_png = pngs[style], pngs[other]
        self.alt, self.caption = apply_digits(alt, style), apply_digits(caption, style)
        self.size = (width, height)
        self._data = base64.b64encode(self.png).decode("ascii")
        self._other = base64.b64encode(self.other_png).decode("ascii")

    def _repr_html_(self) -> str:
        import html

        caption = f"<figcaption>{html.escape(self.caption)}</figcaption>" if self.caption else ""
        return (
            f'<figure class="sop-chart" data-sop-digits="{self.digits}">'
            f'<img src="data:image/png;base64,{self._data}" '
            f'alt="{html.escape(self.alt)}" width="{self.size[0]}" height="{self.size[1]}" '
            f'style="max-width: 100%; height: auto;" '
            f'data-sop-other-src="data:image/png;base64,{self._other}">{caption}</figure>'
        )

    def __repr__(self) -> str:
        return f"แผนภูมิ: {self.alt}"


__all__ = [
    "PREFIX_UNITS",
    "Figure",
    "Handbook",
    "PlainText",
    "chart_digits",
    "data_dir",
    "data_fingerprint",
    "document_names",
    "glue_markdown",
    "glue_text",
    "load_handbook",
    "markdown",
    "notebook_digits",
    "percent_text",
    "read_sample",
    "sample_dir",
    "source_note",
    "sources_table",
    "use_thai_font",
    "with_unit",
]
