"""Charts of the worked examples as image files on the website, loaded when scrolled to.

A notebook's ``Figure`` (``sop_helpers.views.notebook``) embeds its PNG in the output as a
``data:`` URL, so the notebook and the printed handbook carry it in one piece. On the website
that puts 20-40 KB of image in the page's HTML, which a phone must fetch before it shows any
text. For the ``html`` builder this post-transform writes each chart to ``_images/`` (palette
PNG: the charts have few colours, so the same picture in a third of the bytes) and points the
``<img>`` at it with ``loading="lazy"`` and ``decoding="async"``; width, height and alt stay, so
nothing moves when it arrives. Other builders (the single page printed to PDF) keep the data URL.
For every builder it shows the chart in the site's ``sop_digits``: a Figure carries its picture
in both digit styles (notebooks run once and are cached whatever the setting), and its alt text
is put in the site's digits here, since the page's digit pass leaves attributes alone.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from html import escape, unescape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from sop_helpers._files import write_bytes_atomic
from sop_helpers.thai import DigitStyle, apply_digits

from .digits import site_digits

# The <figure><img> that Figure writes: the style its picture is drawn in (absent in outputs
# made before charts carried both), then the <img> with src first.
_CHART = re.compile(
    r'<figure class="sop-chart"(?: data-sop-digits="(thai|arabic)")?>'
    r'<img (src="data:image/png;base64,[A-Za-z0-9+/=]+"[^>]*)>'
)
_ATTRIBUTE = re.compile(r'([a-z][a-z-]*)="([^"]*)"')
_DATA_URL = "data:image/png;base64,"
WEB_BUILDERS = ("html", "dirhtml")


def smaller_png(png: bytes) -> bytes:
    """The same chart as a palette PNG (256 colours), if that is smaller; else ``png``."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        if image.mode not in ("RGB", "RGBA"):
            return png
        rgb = image.convert("RGBA")
        # matplotlib's figures are opaque: a white matte keeps anti-aliased edges as they look.
        flat = Image.new("RGB", rgb.size, "white")
        flat.paste(rgb, mask=rgb.getchannel("A"))
        palette = flat.quantize(
            colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        out = io.BytesIO()
        palette.save(out, format="PNG", optimize=True)
    data = out.getvalue()
    return data if len(data) < len(png) else png


def chart_file(png: bytes, images: Path) -> str:
    """Write ``png`` (made smaller) under ``images``; its file name (content hash)."""
    data = smaller_png(png)
    name = f"chart-{hashlib.sha256(data).hexdigest()[:16]}.png"
    target = images / name
    if not target.exists():
        images.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(target, data)
    return name


def site_charts(html: str, style: DigitStyle, write: Any = None) -> str:
    """``html`` with each chart in the site's digit ``style``: its picture drawn in that style
    (a Figure carries both), its alt text in it too (the page's digit pass leaves attributes
    alone). With ``write(png) -> url`` (the website) the picture becomes a lazily loaded file;
    without (the printed single page) it stays a ``data:`` URL."""

    def replace(match: re.Match[str]) -> str:
        drawn, attributes = match.group(1), dict(_ATTRIBUTE.findall(match.group(2)))
        src, other = attributes.pop("src"), attributes.pop("data-sop-other-src", "")
        if drawn and drawn != style and other.startswith(_DATA_URL):
            src = other
        parts = {"src": src}
        if write is not None:
            parts["src"] = write(base64.b64decode(src[len(_DATA_URL) :]))
            parts.update(loading="lazy", decoding="async")
        if "alt" in attributes:
            attributes["alt"] = escape(apply_digits(unescape(attributes["alt"]), style))
        parts.update(attributes)
        shown = " ".join(f'{name}="{value}"' for name, value in parts.items())
        return f'<figure class="sop-chart"><img {shown}>'

    return _CHART.sub(replace, html)


def linked_charts(html: str, write: Any, style: DigitStyle = "thai") -> str:
    """``html`` with each chart's data URL replaced by ``write(png) -> url``, lazily loaded."""
    return site_charts(html, style, write)


class ChartFiles(SphinxPostTransform):
    """Charts in the site's digits; on the website their data URLs become ``_images/`` files."""

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        builder = self.app.builder
        images = Path(builder.outdir) / "_images"
        page = builder.get_target_uri(self.env.docname)
        style = site_digits(self.app)

        def write(png: bytes) -> str:
            return relative_uri(page, "_images/" + chart_file(png, images))

        web = builder.name in WEB_BUILDERS

        for node in self.document.findall(nodes.raw):
            if "html" not in node.get("format", "").split():
                continue
            text = node.astext()
            if "sop-chart" not in text:
                continue
            changed = site_charts(text, style, write if web else None)
            if changed != text:
                node[:] = [nodes.Text(changed)]


def setup(app: Sphinx) -> None:
    app.add_post_transform(ChartFiles)
