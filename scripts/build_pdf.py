"""Build the printed handbook: a single-page build of the whole book printed to PDF by Chromium.

Chromium shapes and breaks Thai correctly and embeds the bundled Sarabun. The PDF gets a cover
and a linked contents page (from the single-page layout), bookmarks from the headings, and page
numbers in the footer. Nothing is downloaded. The PDF goes next to the website's pages, where
every page's footer links it.

Usage: .venv/bin/python scripts/build_pdf.py [--site _build/html] [--out NAME.pdf]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SOP_CHROMIUM", "/usr/bin/chromium")
PDF_NAME = "sop-handbook.pdf"

# Page numbers in the page's own margin box (CSS paged media), not Chromium's header/footer
# template: that template cannot use the page's web font (no Thai digits without a system Thai
# font) and always writes Arabic digits. The counter follows the site's `sop_digits` (decision 1:
# every number the PDF shows), which the page carries as <body data-sop-digits="thai|arabic">.
COUNTER_STYLES = {"thai": "thai", "arabic": "decimal"}


def footer_css(digits: str) -> str:
    """The page-number footer ("๑ / ๑๒๐") in the digit style ``digits`` of the site."""
    if digits not in COUNTER_STYLES:
        raise SystemExit(f"หน้าเว็บไม่ได้บอกรูปแบบตัวเลข (data-sop-digits={digits!r})")
    counter = COUNTER_STYLES[digits]
    return (
        "@page { @bottom-center { "
        f'content: counter(page, {counter}) " / " counter(pages, {counter}); '
        'font-family: "Sarabun", sans-serif; font-size: 9px; color: #333; } }'
    )


def build_single_page(out_root: Path) -> Path:
    """Build the single-page HTML of the book (strict, notebook cache shared with the site)."""
    venv = Path(os.environ.get("SOP_VENV", ROOT / ".venv"))
    subprocess.run(
        [
            str(venv / "bin" / "jupyter-book"),
            "build",
            "book",
            "--config",
            str(ROOT / "_config.yml"),
            "--toc",
            str(ROOT / "_toc.yml"),
            "--path-output",
            str(out_root),
            "--builder",
            "singlehtml",
            "-n",
            "-W",
            "--keep-going",
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out_root / "_build" / "singlehtml" / "index.html"


def print_pdf(page_file: Path, pdf: Path) -> None:
    """Print a local HTML file to an A4 PDF with outline and page numbers."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort(),
        )
        page.goto(page_file.as_uri(), wait_until="networkidle")
        # Paper does not move: an opened toggle's fade-in would otherwise be printed half-way
        # (pale code).
        page.add_style_tag(
            content="*, *::before, *::after { animation: none !important; "
            "transition: none !important; }"
        )
        page.emulate_media(media="print")
        page.add_style_tag(content=footer_css(page.evaluate("document.body.dataset.sopDigits")))
        # Paper has no toggle: the worked examples' code is printed open (its Thai needs glyphs).
        page.evaluate(
            "document.querySelectorAll('div.cell details.hide').forEach(d => { d.open = true; })"
        )
        # A face is fetched only once laid-out text uses it, and `document.fonts.ready` may settle
        # before the opened code is laid out: with font-display swap the PDF would then get a
        # system font with no Thai glyphs (empty boxes). Lay out, load every face, then wait.
        page.evaluate(
            """async () => {
                void document.body.offsetHeight;
                await Promise.all([...document.fonts].map((face) => face.load()));
                await document.fonts.ready;
            }"""
        )
        page.wait_for_function(
            "[...document.fonts].every((face) => face.status === 'loaded')", timeout=30_000
        )
        page.pdf(
            path=str(pdf),
            format="A4",
            print_background=True,
            outline=True,
            tagged=True,
            display_header_footer=False,  # the footer is the page's own (footer_css)
            margin={"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"},
        )
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", default=str(ROOT / "_build" / "html"), help="the built website")
    parser.add_argument("--work", default=str(ROOT / "_build" / "pdf"), help="single-page build")
    args = parser.parse_args()
    site = Path(args.site)
    if not (site / "index.html").is_file():
        sys.exit(f"ไม่พบเว็บไซต์ที่สร้างแล้วใน {site}: รัน scripts/jb-build.sh ก่อน")
    page = build_single_page(Path(args.work))
    pdf = site / PDF_NAME
    print_pdf(page, pdf)
    print(f"คู่มือฉบับพิมพ์ (PDF): {pdf} ({pdf.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
