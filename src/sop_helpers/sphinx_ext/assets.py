"""Static assets and page cleanup: Sarabun, Thai strings in the page context, nothing remote.

- adds the package's ``static/`` folder and ``templates/`` (theme overrides) to the project;
- adds ``sop.css`` (the bundled Sarabun for all text, icon replacements, layout fixes);
- drops what would reach other hosts or log console errors (Thebe/launch scripts);
- puts Thai into the theme's context values that bypass the message catalogues;
- gives each page the files of the features it declares (:func:`declare`, :func:`needs`):
  a directive's node, a ``{sop-assets}`` marker or a notebook cell's ``sop_assets`` metadata,
  never a search of the rendered HTML;
- keeps the critical path short (:mod:`.bundle`: one stylesheet bundle, deferred scripts), and
  each page gets a meta description (its first paragraph).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from sop_helpers.fiscal import add_months
from sop_helpers.thai import apply_digits, parse_be_date, thai_date, wrap_thai
from sop_helpers.wording import TEXTS, say, wording_json

from . import bundle
from .config import office_value_html
from .html_nodes import add_html_node

HERE = Path(__file__).parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
# Theme components are looked up by bare name and as "../components/<name>" from a template dir.
COMPONENTS = HERE / "components"


def _config_inited(app: Sphinx, config: Config) -> None:
    ours = [str(TEMPLATES), str(COMPONENTS)]
    config.templates_path = [*ours, *(p for p in config.templates_path if p not in ours)]


def use_static(app: Sphinx) -> None:
    """Make the package's ``static/`` folder a static path of an HTML build (once)."""
    if app.builder.format == "html" and str(STATIC) not in app.config.html_static_path:
        app.config.html_static_path = [*app.config.html_static_path, str(STATIC)]


class page_assets(nodes.General, nodes.Element):  # type: ignore[misc]
    """Invisible marker: the page needs the static files of ``features`` (e.g. ``procedure``).

    Generated content declares what it needs (``{sop-assets} procedure`` in a page template),
    so a page's assets are found by node type rather than by looking for class names.
    """


class AssetsDirective(SphinxDirective):
    """``{sop-assets} <feature> ...``: declare that this page needs a feature's static files."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = False

    def run(self) -> list[nodes.Node]:
        return [page_assets(features=self.arguments[0].split())]


@dataclass(frozen=True)
class Feature:
    """The static files of one front-end feature, and what means a page uses it."""

    scripts: tuple[str, ...] = ()
    inline: tuple[str, ...] = ()
    """Bodies of inline scripts (after the files)."""
    styles: tuple[str, ...] = ()
    nodes: tuple[type[nodes.Element], ...] = ()
    """Node types whose presence declares the feature (a directive's own node)."""
    pages: tuple[str, ...] = ()
    """Pages that need it whatever they hold (the search page, which has no doctree)."""
    priority: int = 500
    """Where its files go among the page's others (Sphinx's ``priority``; lower first)."""
    attributes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Extra attributes of a script's tag, by file name (data the script reads)."""
    words: tuple[str, ...] = ()
    """Prefixes of the wording keys its scripts show (``"search."``): the page carries them as
    a ``<script class="sop-wording">`` (:func:`sop_helpers.wording.wording_json`)."""


FEATURES: dict[str, Feature] = {}
"""Feature name -> its files, in the order pages load them; filled by :func:`declare`.

Several features may name the same file: a page that needs two of them gets it once, where the
first declared of them puts it.
"""

NOTEBOOK_KEY = "sop_assets"
"""Key of a notebook code cell's metadata naming what its output needs (``[checklist]``)."""


def declare(app: Sphinx, feature: str, **files: Any) -> None:
    """Declare a feature's files (``scripts``, ``inline``, ``styles``), its ``nodes`` and
    ``pages``, and optionally its ``priority``, the ``attributes`` of its script tags and the
    ``words`` (wording prefixes) its scripts show.

    A page gets them when it needs the feature (:func:`needs`); nothing searches the rendered
    HTML, so prose or code that shows a class name brings no script. The files come from the
    package's ``static/`` folder, which the first declaration makes a static path
    (:func:`use_static`), so a project that loads only the feature's own extension module gets
    them too. This module is the only one that adds a page's files
    (``tests/test_page_assets.py`` fails on another).
    """
    kept = {"priority", "attributes"}
    fields: dict[str, Any] = {k: v if k in kept else tuple(v) for k, v in files.items()}
    FEATURES[feature] = Feature(**fields)
    if not getattr(app, "_sop_features", False):
        app._sop_features = True  # type: ignore[attr-defined]
        app.connect("builder-inited", use_static)
        app.connect("html-page-context", _add_features)  # before _page_context (900) defers


def needs(doctree: nodes.Node | None, feature: str) -> bool:
    """Does the page need ``feature``: a ``{sop-assets}`` marker naming it, a node of a type
    declared for it, or a notebook code cell whose metadata ``sop_assets`` names it?

    Read from the page's own doctree, so it holds on incremental and parallel builds alike.
    """
    if doctree is None:
        return False
    if any(feature in node["features"] for node in doctree.findall(page_assets)):
        return True
    declared = FEATURES.get(feature)
    if declared and any(next(iter(doctree.findall(t)), None) for t in declared.nodes):
        return True
    return any(
        feature in (node.get("cell_metadata") or {}).get(NOTEBOOK_KEY, ())
        for node in doctree.findall(nodes.container)
        if node.get("nb_element") == "cell_code"
    )


def _add_features(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Each declared feature's files on the pages that need it, each file once."""
    added: set[str] = set()
    for name, feature in FEATURES.items():
        if pagename not in feature.pages and not needs(doctree, name):
            continue
        for script in feature.scripts:
            if script not in added:
                added.add(script)
                attributes = {"defer": "defer", **feature.attributes.get(script, {})}
                app.add_js_file(script, priority=feature.priority, **attributes)
        for body in feature.inline:
            app.add_js_file(None, priority=feature.priority, body=body)
        if feature.words:
            wording = {"type": "application/json", "class": "sop-wording"}
            body = wording_json(*feature.words)
            app.add_js_file(None, priority=feature.priority, body=body, **wording)
        for style in feature.styles:
            if style not in added:
                added.add(style)
                app.add_css_file(style, priority=feature.priority)


def _builder_inited(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    use_static(app)
    app.add_css_file("sop.css", priority=900)
    # The page rules (window.sop) after Sphinx's scripts (200), before every feature's (500+).
    app.add_js_file("sop.js", priority=450, loading_method="defer")


# Assets the bundled extensions add to every page, by the feature that needs them. A page gets
# them only when its content uses the feature (Thebe/Binder: never, it needs the network).
_FEATURE_ASSETS: dict[str, tuple[str, ...]] = {
    "never": ("thebe",),
    "code": ("copybutton", "clipboard.min.js"),
    "toggle": ("togglebutton", "togglehint", "toggleopenonprint"),
    "design": ("sphinx-design", "design-tabs"),
    "notebook": ("mystnb.",),
}


def _asset_text(asset: Any) -> str:
    filename = str(getattr(asset, "filename", "") or "")
    attributes = getattr(asset, "attributes", {}) or {}
    return " ".join(
        [filename, str(attributes.get("body", "")), str(attributes.get("type", ""))]
    ).lower()


def page_features(doctree: nodes.Node | None, metadata: dict[str, Any]) -> set[str]:
    """Which optional front-end features a page's content uses."""
    found: set[str] = set()
    if metadata.get("kernelspec"):
        found.add("notebook")
    if doctree is None:
        return found
    if next(iter(doctree.findall(nodes.literal_block)), None) is not None:
        found.add("code")
    for node in doctree.findall(nodes.Element):
        classes = " ".join(node.get("classes", []))
        if "toggle" in classes or "dropdown" in classes:
            found.add("toggle")
        if "sd-" in classes:
            found.add("design")
        if "cell" in classes.split():
            found.add("notebook")
    return found


def keep_asset(asset: Any, features: set[str]) -> bool:
    """False for an asset whose feature the page does not use."""
    text = _asset_text(asset)
    for feature, markers in _FEATURE_ASSETS.items():
        if feature not in features and any(marker in text for marker in markers):
            return False
    return True


def _page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    features = page_features(doctree, app.env.metadata.get(pagename, {}))
    for key in ("script_files", "css_files"):
        assets = context.get(key)
        if isinstance(assets, list):
            assets[:] = [a for a in assets if keep_asset(a, features)]
    # pydata-sphinx-theme reads an undeclared ``default_mode``; empty logs a console error.
    context["default_mode"] = "light"
    if context.get("last_updated"):
        context["last_updated"] = thai_date(dt.date.today(), "official")
    toctree = context.get("generate_toctree_html")
    if callable(toctree):
        context["generate_toctree_html"] = _named_toggles(toctree)
    if pagename != "search":
        # The search page's template loads Sphinx's search scripts without defer after these,
        # and they need doctools.js already run.
        bundle.defer_scripts(context)
    bundle.bundle_css(app, context)
    description = apply_digits(
        meta_description(doctree, app.env.metadata.get(pagename, {}), pagename),
        app.config.sop_digits,
    )
    context["metatags"] = (
        str(context.get("metatags", ""))
        + f'\n<meta name="description" content="{html.escape(description, quote=True)}">'
    )
    context["sop"] = footer_context(app, pagename, context.get("title", ""))
    context["sop_print"] = {
        "date": thai_date(dt.date.today(), "official"),
        "title": html.escape(str(app.config.html_title or app.config.project)),
        "site_url": office_value_html(app, "sop_site_url"),
    }


def meta_description(doctree: nodes.Node | None, metadata: dict[str, Any], pagename: str) -> str:
    """The page's ``description`` front-matter field, else its first paragraph, cut to about
    160 characters at a word boundary (PyThaiNLP's segmentation)."""
    if metadata.get("description"):
        return str(metadata["description"])
    if pagename in _GENERATED_DESCRIPTIONS:
        return _GENERATED_DESCRIPTIONS[pagename]
    text = ""
    if doctree is not None:
        for para in doctree.findall(nodes.paragraph):
            if any(isinstance(a, (nodes.footer, nodes.table)) for a in _ancestors(para)):
                continue
            text = " ".join(para.astext().split())
            if len(text) >= 40:
                break
    if not text:
        return _GENERATED_DESCRIPTIONS["search"]
    if len(text) <= 160:
        return text
    cut = wrap_thai(text, 157).split("\n", 1)[0]
    return cut.rstrip() + "…"


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    while node.parent is not None:
        node = node.parent
        found.append(node)
    return found


_GENERATED_DESCRIPTIONS = {
    "search": "ค้นหาในคู่มือการปฏิบัติงาน กลุ่มนโยบายและแผน สพป.พะเยา เขต ๒",
    "genindex": "ดัชนีคำในคู่มือการปฏิบัติงาน กลุ่มนโยบายและแผน สพป.พะเยา เขต ๒",
}


_BARE_TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
_NAMED_TOGGLE = (
    '<summary aria-label="แสดงหรือซ่อนหัวข้อย่อย"><span class="toctree-toggle" role="presentation">'
)


def _named_toggles(generate: Any) -> Any:
    """Wrap the theme's navigation builder so its expand/collapse toggles have a name."""

    def named(*args: Any, **kwargs: Any) -> Any:
        return str(generate(*args, **kwargs)).replace(_BARE_TOGGLE, _NAMED_TOGGLE)

    return named


def footer_context(app: Sphinx, pagename: str, title: str) -> dict[str, str]:
    """Values of the footer: review dates, contact, licence, report-a-problem link, and the words
    sop.js shows (the overdue-review notice ready-made, the copy buttons' and scroll boxes')."""
    meta = app.env.metadata.get(pagename, {})
    result = {
        "contact": office_value_html(app, "sop_contact"),
        "licence": office_value_html(app, "sop_licence"),
        "report_url": "",
        "report_placeholder": office_value_html(app, "sop_report_problem_url"),
        "last_reviewed": "",
        "review_due": "",
        "review_due_iso": "",
        "review_late": "",
        # the words of sop.js (every page), which loads no wording table
        "scroll": TEXTS["page.scroll"],
        "copy_tip": TEXTS["page.copy"],
        "copy_label": TEXTS["page.copy.label"],
        "copy_done": TEXTS["page.copy.done"],
    }
    base = app.config.sop_report_problem_url
    if base:
        page_title = re.sub(r"<[^>]+>", "", title or pagename)
        sep = "&" if "?" in base else "?"
        key = "subject" if base.startswith("mailto:") else "page"
        result["report_url"] = f"{base}{sep}{key}={quote(f'คู่มือ: {page_title} ({pagename})')}"
    if "last_reviewed" in meta:
        try:
            reviewed = parse_be_date(meta["last_reviewed"])
        except ValueError:
            return result  # the build already warned (an error under -W)
        due = add_months(reviewed, app.config.sop_review_months)
        result["last_reviewed"] = thai_date(reviewed, "official")
        result["review_due"] = thai_date(due, "official")
        result["review_due_iso"] = due.isoformat()
        result["review_late"] = say("page.review.late", date=result["review_due"])
    return result


def _drop_thebe_nodes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    # sphinx-thebe (always loaded by Jupyter Book) puts a Binder configuration into every page.
    for node in list(doctree.findall(nodes.raw)):
        if "thebe" in node.astext().lower():
            node.parent.remove(node)


def assets_fingerprint() -> str:
    """Names, sizes and times of the extension's static files and templates."""
    parts = []
    for folder in (STATIC, TEMPLATES, COMPONENTS):
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                stat = path.stat()
                parts.append(f"{path.relative_to(HERE)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _outdated_for_assets(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    # Sphinx skips writing (and so copying static files) when no page changed; a changed
    # stylesheet, script or template must still reach the site, and templates touch every page.
    fingerprint = assets_fingerprint()
    if getattr(env, "sop_assets_fingerprint", None) == fingerprint:
        return []
    env.sop_assets_fingerprint = fingerprint  # type: ignore[attr-defined]
    return sorted(env.found_docs)


def setup(app: Sphinx) -> None:
    add_html_node(app, page_assets, None, elsewhere="skip")  # a marker: no builder writes it
    app.add_directive("sop-assets", AssetsDirective)
    app.connect("env-get-outdated", _outdated_for_assets)
    app.connect("config-inited", _config_inited)
    app.connect("doctree-resolved", _drop_thebe_nodes, priority=900)
    app.connect("builder-inited", _builder_inited)
    app.connect("build-finished", bundle.write_css_bundles)
    # after the themes' own handlers (default priority 500)
    app.connect("html-page-context", _page_context, priority=900)
