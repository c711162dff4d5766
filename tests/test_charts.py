"""Worked examples' charts on the website: image files loaded when scrolled to, not 20-40 KB of
``data:`` URL in the page's HTML; same size box, same alt, same picture (issue 17 part 1)."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import pytest

from sop_helpers.sphinx_ext.charts import linked_charts, smaller_png

from .conftest import site_pages


def _chart_png() -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 2))
    ax.bar(["a", "b", "c"], [3, 5, 2], color="#2f6f9f")
    ax.set_title("chart")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=90)
    plt.close(fig)
    return buffer.getvalue()


def test_palette_png_is_smaller_and_looks_the_same() -> None:
    from PIL import Image, ImageChops

    png = _chart_png()
    small = smaller_png(png)
    assert len(small) < len(png) * 0.7
    before = Image.open(io.BytesIO(png)).convert("RGB")
    after = Image.open(io.BytesIO(small)).convert("RGB")
    assert before.size == after.size
    worst = max(max(band) for band in ImageChops.difference(before, after).getextrema())
    assert worst <= 16  # of 255 per channel: no visible change


def test_data_url_becomes_a_lazy_file_keeping_size_and_alt() -> None:
    png = _chart_png()
    data = base64.b64encode(png).decode()
    html = (
        f'<figure class="sop-chart"><img src="data:image/png;base64,{data}" alt="แผนภูมิแท่ง" '
        'width="360" height="180" style="max-width: 100%; height: auto;"></figure>'
    )
    written: list[bytes] = []
    out = linked_charts(html, lambda b: written.append(b) or "../_images/chart-x.png")
    assert written == [png]
    assert 'src="../_images/chart-x.png" loading="lazy" decoding="async"' in out
    assert 'alt="แผนภูมิแท่ง" width="360" height="180"' in out and "base64" not in out
    # Other images (not a Figure's chart) are left alone.
    other = f'<p><img src="data:image/png;base64,{data}"></p>'
    assert linked_charts(other, lambda b: "x") == other


def test_built_pages_link_their_charts(site_dir: Path) -> None:
    found = 0
    for rel in site_pages(site_dir):
        text = (site_dir / rel).read_text("utf-8")
        assert "data:image/png" not in text, f"{rel}: an image inside the HTML"
        for tag in re.findall(r'<figure class="sop-chart"><img [^>]*>', text):
            found += 1
            src = re.search(r'src="([^"]+)"', tag)
            assert src and re.search(r"_images/chart-[0-9a-f]{16}\.png$", src.group(1)), tag
            assert (site_dir / rel).parent.joinpath(src.group(1)).resolve().is_file(), tag
            for attribute in ('loading="lazy"', 'decoding="async"', "width=", "height=", "alt="):
                assert attribute in tag, (rel, attribute)
    if not found:
        pytest.fail("no chart found on the built site")
