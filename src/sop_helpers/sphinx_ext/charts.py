"""Charts of the worked examples as image files on the website, loaded when scrolled to.

A notebook's ``Figure`` (``sop_helpers.views.notebook``) embeds its PNG in the output as a
``data:`` URL, so the notebook and the printed handbook carry it in one piece. On the website
that puts 20-40 KB of image in the page's HTML, which a phone must fetch before it shows any
text. For the ``html`` builder this post-transform writes each chart to ``_images/`` (palette
PNG: the charts have few colours, so the same picture in a third of the bytes) and points the
``<img>`` at it with ``loading="lazy"`` and ``decoding="async"``; width, height and alt stay, so
nothing moves when it arrives. Other builders (the single page printed to PDF) keep the data URL.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

# The <img> that Figure writes (src first, then alt, width, height, style).
_CHART_IMG = re.compile(
    r'(<figure class="sop-chart"><img )src="data:image/png;base64,([A-Za-z0-9+/=]+)"'
)
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
        target.write_bytes(data)
    return name


def linked_charts(html: str, write: Any) -> str:
    """``html`` with each chart's data URL replaced by ``write(png) -> url``, lazily loaded."""

    def replace(match: re.Match[str]) -> str:
        url = write(base64.b64decode(match.group(2)))
        return f'{match.group(1)}src="{url}" loading="lazy" decoding="async"'

    return _CHART_IMG.sub(replace, html)


class ChartFiles(SphinxPostTransform):
    """Charts' data URLs to files in ``_images/`` (website builders only)."""

    default_priority = 900
    builders = WEB_BUILDERS

    def run(self, **kwargs: Any) -> None:
        builder = self.app.builder
        images = Path(builder.outdir) / "_images"
        page = builder.get_target_uri(self.env.docname)

        def write(png: bytes) -> str:
            return relative_uri(page, "_images/" + chart_file(png, images))

        for node in self.document.findall(nodes.raw):
            if "html" not in node.get("format", "").split():
                continue
            text = node.astext()
            if "sop-chart" not in text:
                continue
            changed = linked_charts(text, write)
            if changed != text:
                node[:] = [nodes.Text(changed)]


def setup(app: Sphinx) -> None:
    app.add_post_transform(ChartFiles)
