"""Thai has a glyph wherever it appears: in a headless Chromium that sees no Thai system font
(its fontconfig is pointed at a folder of Latin fonts only, whatever this machine has installed),
every font stack that draws Thai text on any page must draw it with the bundled Sarabun, code
and tables included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, site_pages

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


LATIN_ONLY = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation"),
]


@pytest.fixture(scope="module")
def bare_page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Chromium page whose fontconfig knows only Latin fonts: no Thai system font at all."""
    work = tmp_path_factory.mktemp("fonts")
    dirs = "".join(f"<dir>{d}</dir>" for d in LATIN_ONLY if d.is_dir()) or f"<dir>{work}</dir>"
    conf = work / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig>{dirs}<cachedir>{work / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    # a second Chromium from the same Playwright, started with its own fontconfig
    bare = browser.browser_type.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, env={"FONTCONFIG_FILE": str(conf)}
    )
    context = bare.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    context.route(
        "**/*",
        lambda r: (
            r.continue_()
            if "127.0.0.1" in r.request.url or r.request.url.startswith("data:")
            else r.abort()
        ),
    )
    yield context.new_page()
    bare.close()


def test_every_thai_text_is_drawn_with_sarabun(
    site_dir: Path, site_url: str, bare_page: Any
) -> None:
    problems = []
    stacks: set[str] = set()
    for name in site_pages(site_dir):
        bare_page.goto(site_url + name, wait_until="load")
        for row in bare_page.evaluate(MEASURE, SAMPLE):
            stacks.add(row["key"])
            if abs(row["stack"] - row["sarabun"]) > 0.5:
                problems.append((name, row["where"], row["key"]))
    assert not problems, problems[:10]
    # code is among what was measured (the toggles were opened), in its own monospace stack
    assert any("Sarabun Thai" in key and "monospace" in key for key in stacks), stacks


def test_the_check_can_fail(site_url: str, bare_page: Any) -> None:
    # Without Sarabun in the stack, Thai falls back to no font at all and measures differently.
    bare_page.goto(site_url + "index.html", wait_until="load")
    widths = bare_page.evaluate(
        """async (sample) => {
          await document.fonts.load('20px "Sarabun"', sample);
          const ctx = document.createElement("canvas").getContext("2d");
          ctx.font = "20px monospace"; const a = ctx.measureText(sample).width;
          ctx.font = '20px "Sarabun"'; return [a, ctx.measureText(sample).width];
        }""",
        SAMPLE,
    )
    assert abs(widths[0] - widths[1]) > 0.5
