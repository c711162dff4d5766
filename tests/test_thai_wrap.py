"""No word of a label is cut at the end of a line on a phone (reviewer, session 4: labels wrapped
mid-word at 360 px).

KNOWN, NOT FIXED (strict xfail, so the mark must go the day it passes): Chromium cuts handbook
words such as งบ|ประมาณ, ผู้อำนวย|การ, ระยะ|เวลา, ตัว|อย่าง, ผู้รับ|ผิดชอบ in labels (table
headings, form labels and legends, field names, the previous/next links, the my-progress
links): ICU's dictionary splits these compounds, and ``word-break: keep-all`` does not stop it
for Thai (checked in Chromium). Keeping each PyThaiNLP word on one line (``white-space: nowrap``
per word, ``<wbr>`` between) fixed it in a trial build, but broke checklist labels (flex items:
page wider than 360 px), tests that read the labels' markup and the acronym checks: it needs a
pass designed with the checklist and site owners.

Chromium breaks Thai lines only between words (ICU's dictionary, the same one as
``Intl.Segmenter``); a word is cut only where CSS allows a break anywhere (``overflow-wrap:
anywhere``, ``word-break: break-all``) and the box is too narrow for it. The test lays out each
main page at 360 px, finds every line break inside the visible text (the character whose line box
starts lower than the one before it) and checks it against the segmenter's word boundaries.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

# What a reader reads as a label: headings of tables and forms, form labels, buttons, the
# one-line summaries of folded boxes, the previous/next links.
LABELS = (
    "th, label, legend, summary, button, caption, dt, h1, h2, h3, .prev-next-title,"
    " .sop-cl-progress-table a, .sop-calc-hint, .sop-calc-note, .sop-table-caption"
)

PAGES = [
    "index.html",
    "fiscal-year.html",
    "procedures/action-plan.html",
    "procedures/director.html",
    "procedures/development-plan.html",
    "procedures/budget-analysis.html",
    "self-check/index.html",
    "self-check/action-plan.html",
    "self-check/director.html",
    "team/index.html",
    "examples/action-plan-proposals.html",
    "examples/action-plan-quarterly-report.html",
    "examples/budget-analysis-per-student-subsidy.html",
    "worklist.html",
]

# Returns [{text, at, icu, where}] for each line break inside a text node (icu: at a boundary of
# the browser's own segmenter).
FIND_CUTS = r"""
([root, LABELS]) => {
  const seg = new Intl.Segmenter("th", { granularity: "word" });
  const cuts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const el = n.parentElement;
      if (!el || !/[\u0e00-\u0e7f]/.test(n.data)) return NodeFilter.FILTER_REJECT;
      if (el.closest("pre, code, script, style, [hidden], .sop-print-form, nav.bd-links"))
        return NodeFilter.FILTER_REJECT;
      if (!el.closest(LABELS)) return NodeFilter.FILTER_REJECT;
      const box = el.getBoundingClientRect();
      return box.width && box.height ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
    },
  });
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    const bounds = new Set([0, text.length]);
    for (const s of seg.segment(text)) {
      bounds.add(s.index);
      bounds.add(s.index + s.segment.length);
    }
    let lastTop = null, lastBottom = null;
    for (let i = 0; i < text.length; i++) {
      if (/\s/.test(text[i])) { lastTop = null; continue; }
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rects = range.getClientRects();
      if (!rects.length) continue;
      const r = rects[0];
      if (lastTop !== null && r.top >= lastBottom - 1) {
        const el = node.parentElement;
        cuts.push({
          text,
          at: i,
          icu: bounds.has(i),
          where: el.tagName.toLowerCase() + "." + String(el.className).split(" ").join("."),
        });
      }
      lastTop = r.top; lastBottom = r.bottom;
    }
  }
  return cuts;
}
"""


@pytest.mark.xfail(
    strict=True, reason="ICU cuts compound words in labels; see the module docstring (not fixed)"
)
@pytest.mark.parametrize("name", PAGES)
def test_no_word_is_cut_at_a_line_end_on_a_phone(
    page: Any, site_url: str, name: str, tmp_path: Path
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(site_url + name, wait_until="load")
    page.evaluate("document.fonts.ready")
    # open what a reader can open, so its labels are laid out too
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    breaks = page.evaluate(FIND_CUTS, [page.locator("main").element_handle(), LABELS])
    page.screenshot(path=str(tmp_path / (name.replace("/", "_") + ".png")), full_page=True)
    cuts = [
        f"{b['where']}: {b['text'][max(0, b['at'] - 15) : b['at'] + 15]} at {b['at']}"
        for b in breaks
        if not b["icu"] or b["at"] not in word_bounds(b["text"])
    ]
    assert cuts == [], f"{name}: {len(cuts)} words cut: {cuts[:10]}"


@functools.cache
def word_bounds(text: str) -> frozenset[int]:
    """Where a line may break in ``text`` as a Thai reader expects: between PyThaiNLP's words."""
    from pythainlp.tokenize import word_tokenize

    bounds, at = {0}, 0
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        at += len(word)
        bounds.add(at)
    return frozenset(bounds)
