"""The critical path: one stylesheet bundle per set of pages, every script deferred.

A page's local stylesheets become one file (``_static/styles/sop-<hash>.css``) cut to the rules
the pages that share it use (:mod:`.css_trim`, at ``build-finished``), and every script of a
page runs after parsing, in its order.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html._assets import _JavaScript

from sop_helpers._files import write_text_atomic

from . import css_trim

# The stylesheets the theme's own template links before every other one.
THEME_CSS = ("_static/styles/theme.css", "_static/styles/pydata-sphinx-theme.css")
BUNDLE_DIR = "_static/styles"
_BUNDLE_HREF = re.compile(r'href="(?:[./]*)_static/styles/sop-([0-9a-f]{12})\.css"')


def bundle_css(app: Sphinx, context: dict[str, Any]) -> None:
    """Replace the page's local stylesheets with one bundle (written on ``build-finished``).

    Pages that load the same stylesheets in the same order share a bundle; its name is a hash
    of that list, and the list is kept under the doctree folder so that every page (also one
    written by a parallel worker) can name it.
    """
    css = context.get("css_files")
    if not isinstance(css, list):
        return
    bundled: list[Any] = []
    rest: list[Any] = []
    for asset in css:
        filename = str(getattr(asset, "filename", "") or "")
        attributes = getattr(asset, "attributes", {}) or {}
        local = filename.startswith("_static/") and "://" not in filename
        plain = attributes.get("media", "all") in ("all", "screen, print", "")
        (bundled if local and plain else rest).append(asset)
    paths = [*THEME_CSS, *(str(a.filename) for a in bundled)]
    key = hashlib.sha256("\n".join(paths).encode()).hexdigest()[:12]
    listing = Path(app.doctreedir) / "sop_css" / f"{key}.txt"
    if not listing.exists():
        listing.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(listing, "\n".join(paths))
    css[:] = rest
    context["sop_css_bundle"] = f"{BUNDLE_DIR}/sop-{key}.css"


def defer_scripts(context: dict[str, Any]) -> None:
    """Every script of the page runs after parsing, in its order: files get ``defer``, inline
    scripts become modules (which are deferred too and keep their place in the order)."""
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    changed = []
    for asset in scripts:
        attributes = dict(getattr(asset, "attributes", {}) or {})
        if not isinstance(asset, _JavaScript) or "async" in attributes:
            changed.append(asset)
            continue
        if asset.filename:
            attributes.setdefault("defer", "defer")
        elif attributes.get("type", "text/javascript") == "text/javascript":
            attributes["type"] = "module"
        attributes.pop("loading_method", None)
        changed.append(_JavaScript(asset.filename, priority=asset.priority, **attributes))
    scripts[:] = changed


def write_css_bundles(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: write each bundle the pages link, cut to what those pages use.

    Runs after the builder has copied the static files (the bundle reads the copies), and
    reads the written pages: which rules are needed is known only once the HTML exists.
    """
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    groups: dict[str, list[Path]] = {}
    for page in out.rglob("*.html"):
        if any(part.startswith(("_", ".")) for part in page.relative_to(out).parts[:-1]):
            continue
        match = _BUNDLE_HREF.search(page.read_text(encoding="utf-8"))
        if match:
            groups.setdefault(match.group(1), []).append(page)
    listings = Path(app.doctreedir) / "sop_css"
    for key, pages in sorted(groups.items()):
        paths = (listings / f"{key}.txt").read_text(encoding="utf-8").split("\n")
        usage = css_trim.Usage()
        scripts: set[Path] = set()
        for page in pages:
            text = page.read_text(encoding="utf-8")
            usage.add_html(text)
            for src in re.findall(r'<script[^>]*\ssrc="([^"?#]+)', text):
                scripts.add((page.parent / src).resolve())
            # Scripts fetched on demand (print-form.js, by an inline loader) count as loaded.
            scripts.update((out / "_static" / n).resolve() for n in _FETCHED.findall(text))
        for script in sorted(scripts):
            if script.is_file():
                usage.add_script(script.read_text(encoding="utf-8", errors="replace"))
        target = f"{BUNDLE_DIR}/sop-{key}.css"
        text = css_trim.bundle(
            paths,
            lambda rel: (out / rel).read_text(encoding="utf-8") if (out / rel).is_file() else "",
            target,
            usage,
        )
        path = out / target
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            write_text_atomic(path, text)


_FETCHED = re.compile(r"_static/([\w-]+\.js)\b")
