"""Thai has a glyph wherever it appears: in a headless Chromium with no Thai system font (the
test machine has none: ``fc-list :lang=th`` is empty), every font stack that draws Thai text on
any page must draw it with the bundled Sarabun, code and tables included."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import site_pages

pytestmark = pytest.mark.browser

SAMPLE = "กขคงจฉชซญฎฏฐณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ่้๊๋ัิีึืุูเแโใไ๑๒๓๔๕"

# Every distinct (font stack, weight, style) that draws a Thai text node, with the width of a
# Thai sample in that stack and in Sarabun alone: equal widths mean Sarabun drew it.
MEASURE = """async (sample) => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  await document.fonts.ready;
  const thai = /[\\u0E01-\\u0E5B]/;
  const seen = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || !thai.test(node.nodeValue) || !el.getClientRects().length) continue;
    const cs = getComputedStyle(el);
    const key = [cs.fontStyle, cs.fontWeight, cs.fontFamily].join("|");
    if (!seen.has(key)) seen.set(key, el.tagName.toLowerCase() + "." + el.className);
  }
  const ctx = document.createElement("canvas").getContext("2d");
  const out = [];
  for (const [key, where] of seen) {
    const [style, weight, family] = key.split("|");
    await document.fonts.load(`${style} ${weight} 20px ${family}`, sample);
    ctx.font = `${style} ${weight} 20px ${family}`;
    const stack = ctx.measureText(sample).width;
    ctx.font = `${style} ${weight} 20px "Sarabun"`;
    out.push({ key, where, stack, sarabun: ctx.measureText(sample).width });
  }
  return out;
}"""


def _no_thai_system_font() -> bool:
    if shutil.which("fc-list") is None:
        return True
    listed = subprocess.run(["fc-list", ":lang=th"], capture_output=True, text=True, check=False)
    return not listed.stdout.strip()


def test_every_thai_text_is_drawn_with_sarabun(site_dir: Path, site_url: str, page: Any) -> None:
    if not _no_thai_system_font():
        pytest.skip("a Thai system font is installed: boxes could not show here")
    problems = []
    stacks: set[str] = set()
    for name in site_pages(site_dir):
        page.goto(site_url + name, wait_until="load")
        for row in page.evaluate(MEASURE, SAMPLE):
            stacks.add(row["key"])
            if abs(row["stack"] - row["sarabun"]) > 0.5:
                problems.append((name, row["where"], row["key"]))
    assert not problems, problems[:10]
    # code is among what was measured (the toggles were opened), in its own monospace stack
    assert any("Sarabun Thai" in key and "monospace" in key for key in stacks), stacks


def test_the_check_can_fail(site_url: str, page: Any) -> None:
    # Without Sarabun in the stack, Thai falls back to no font at all and measures differently.
    if not _no_thai_system_font():
        pytest.skip("a Thai system font is installed")
    page.goto(site_url + "index.html", wait_until="load")
    widths = page.evaluate(
        """(sample) => {
          const ctx = document.createElement("canvas").getContext("2d");
          ctx.font = "20px monospace"; const a = ctx.measureText(sample).width;
          ctx.font = '20px "Sarabun"'; return [a, ctx.measureText(sample).width];
        }""",
        SAMPLE,
    )
    assert abs(widths[0] - widths[1]) > 0.5
