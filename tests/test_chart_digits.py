"""Charts of the worked examples speak the site's one digit style (decision 1): every text
matplotlib draws (title, axis labels, tick labels, value labels, legend, notes) goes through the
one Figure helper (``sop_helpers.views.notebook``), and the site shows the picture drawn in its
``sop_digits`` whichever style the notebook ran in (``sphinx_ext/charts.py``)."""

from __future__ import annotations

import base64
import io
import os
import re
from typing import Any

import pytest

from sop_helpers.sphinx_ext.charts import site_charts
from sop_helpers.views.notebook import Figure, chart_digits, use_thai_font

FOREIGN = {"thai": "[0-9]", "arabic": "[๐-๙]"}
# Digits a reader does not read as numbers stay (as on the pages): Latin tokens such as E13.
LATIN = r"[A-Za-z][A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*"


def _chart() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    use_thai_font()
    fig, (left, right) = plt.subplots(1, 2, figsize=(6, 2.5))
    bars = left.bar(["ไตรมาส 1", "ไตรมาส 2", "ไตรมาส ๓"], [1250.5, 3000, 45], label="เบิกจ่าย 2569")
    left.bar_label(bars, labels=[f"{v:,.1f}" for v in (1250.5, 3000, 45)])
    left.set_title("การเบิกจ่ายสะสม ปีงบประมาณ 2569")
    left.set_ylabel("ล้านบาท (ตาม E13)")
    left.legend(fontsize=8)
    right.plot([2566, 2567, 2568, 2569], [0.5, 0.75, 0.9, 0.94], marker="o")
    right.axhline(0.94, color="gray")
    right.annotate("เป้าหมาย ร้อยละ ๙๔", (2567, 0.94))
    right.set_xlabel("ปีงบประมาณ")
    fig.suptitle("ข้อมูลสมมุติ ขั้นตอนที่ ๓ และ 4")
    return fig


def drawn_texts(fig: Any) -> list[str]:
    """Every non-empty text of ``fig`` as matplotlib drew it last (tick labels included)."""
    from matplotlib.text import Text

    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


@pytest.mark.parametrize("style", ["thai", "arabic"])
def test_every_text_a_chart_draws_is_in_one_digit_style(style: str) -> None:
    import matplotlib.pyplot as plt

    fig = _chart()
    before = drawn_texts(fig)
    # The chart has numbers of both kinds in titles, ticks, value labels, legend and notes.
    assert any(re.search("[0-9]", t) for t in before) and any("๓" in t for t in before)
    chart_digits(fig, style)  # type: ignore[arg-type]
    after = drawn_texts(fig)
    plt.close(fig)
    wrong = [t for t in after if re.search(FOREIGN[style], re.sub(LATIN, "", t))]
    assert not wrong, wrong
    assert any("E13" in t for t in after)  # a Latin token keeps its digits
    ticks = " ".join(after)
    year = "๒๕๖๙" if style == "thai" else "2569"
    assert year in ticks and ("๑,๒๕๐.๕" if style == "thai" else "1,250.5") in ticks


def test_the_figure_carries_both_pictures_and_the_site_shows_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PIL import Image

    monkeypatch.delenv("SOP_DIGITS", raising=False)
    figure = Figure(_chart(), alt="แผนภูมิปีงบประมาณ 2569 ไตรมาส 1")
    assert figure.digits == "thai" and figure.alt == "แผนภูมิปีงบประมาณ ๒๕๖๙ ไตรมาส ๑"
    thai, arabic = figure.png, figure.other_png
    assert thai != arabic
    for png in (thai, arabic):
        with Image.open(io.BytesIO(png)) as image:
            assert image.size == figure.size
    if os.environ.get("SOP_CHART_PNG_DIR"):  # to look at them
        for name, png in (("thai", thai), ("arabic", arabic)):
            path = os.path.join(os.environ["SOP_CHART_PNG_DIR"], f"test-chart-{name}.png")
            with open(path, "wb") as out:
                out.write(png)
    html = figure._repr_html_()
    for style, png in (("thai", thai), ("arabic", arabic)):
        written: list[bytes] = []

        def write(data: bytes, into: list[bytes] = written) -> str:
            into.append(data)
            return "_images/chart-x.png"

        site = site_charts(html, style, write)  # type: ignore[arg-type]
        assert written == [png], style
        assert "data-sop-other-src" not in site and "data-sop-digits" not in site
        alt = re.search(r'alt="([^"]*)"', site)
        assert alt and not re.search(FOREIGN[style], alt.group(1)), site[:300]
        # The printed single page keeps the picture inside the page, in the site's digits.
        printed = site_charts(html, style)  # type: ignore[arg-type]
        src = re.search(r'src="data:image/png;base64,([^"]+)"', printed)
        assert src and base64.b64decode(src.group(1)) == png


def test_a_notebook_shows_the_style_it_is_told(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOP_DIGITS", "arabic")
    figure = Figure(_chart(), alt="ขั้นตอนที่ ๓", caption="ปี ๒๕๖๙")
    assert figure.digits == "arabic" and (figure.alt, figure.caption) == ("ขั้นตอนที่ 3", "ปี 2569")
    monkeypatch.setenv("SOP_DIGITS", "roman")
    import matplotlib.pyplot as plt

    refused = _chart()
    with pytest.raises(ValueError, match="SOP_DIGITS"):
        Figure(refused, alt="x")
    plt.close(refused)  # the refused chart is the caller's to close
