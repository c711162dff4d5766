"""What keeps pages fast on a phone: one trimmed stylesheet, deferred scripts, a preloaded
Thai font, and a meta description on every page (Lighthouse itself: scripts/bench_lighthouse.py).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from sop_helpers.sphinx_ext.css_trim import Usage, bundle, drop_unread_properties, selector_used

from .conftest import site_pages


def _usage(html: str, script: str = "") -> Usage:
    usage = Usage()
    usage.add_html(html)
    usage.add_script(script)
    return usage


@pytest.mark.parametrize(
    ("selector", "used"),
    [
        (".card", True),
        (".card:hover > p", True),
        ("div.card", True),
        ("section.card", False),
        (".modal", False),
        ("#main .card", True),
        ("#other", False),
        ("a[href]", True),
        ("a[download]", False),
        ("p:not(.missing)", True),
        (".show", True),  # a word of a script: the script may add the class
    ],
)
def test_a_rule_stays_only_when_the_pages_can_use_it(selector: str, used: bool) -> None:
    usage = _usage(
        '<main id="main"><div class="card"><p>x</p><a href="#">y</a></div></main>',
        "el.classList.add('show')",
    )
    assert selector_used(selector, usage) is used


def test_bundle_inlines_imports_rebases_urls_and_keeps_media_order() -> None:
    files = {
        "_static/styles/theme.css": '@import "../basic.css";',
        "_static/basic.css": ".card{background:url(file.png)} .gone{color:red}",
        "_static/sop.css": (
            '@font-face{font-family:S;src:url("fonts/s.woff2")}'
            "@media print{.card{color:black}.gone{color:blue}}"
            "@media screen{.gone{color:green}}"
        ),
    }
    usage = _usage('<div class="card"></div>')
    out = bundle(
        ["_static/styles/theme.css", "_static/sop.css"],
        files.__getitem__,
        "_static/styles/sop-x.css",
        usage,
    )
    assert "url(../file.png)" in out
    assert 'url("../fonts/s.woff2")' in out
    assert ".gone" not in out and "@media screen" not in out
    assert out.index(".card{background") < out.index("@media print{.card")


def test_unread_custom_properties_go_until_none_is_left() -> None:
    css = (
        ":root{--used:1px;--chain:var(--base);--base:red;--orphan:blue;--only-orphan:var(--x)}"
        "@media (min-width:1px){:root{--wide:2px}.a{margin:var(--used)}}"
        ".b{--scripted:0;color:green}"
    )
    out = drop_unread_properties(css, {"--scripted"})
    assert "--used:1px" in out and "var(--used)" in out
    assert "--orphan" not in out and "--only-orphan" not in out and "--wide" not in out
    # --base is read only by --chain, which nothing reads: both go.
    assert "--chain" not in out and "--base" not in out
    assert "--scripted:0" in out and "color:green" in out


def test_properties_that_pages_or_scripts_read_are_kept() -> None:
    usage = _usage(
        '<p style="width: var(--from-page)">x</p>', "el.style.getPropertyValue('--from-js')"
    )
    assert {"--from-page", "--from-js"} <= usage.properties
    files = {"a.css": ":root{--from-page:1px;--from-js:2px;--nobody:3px}p{color:red}"}
    out = bundle(["a.css"], files.__getitem__, "b.css", usage)
    assert "--from-page:1px" in out and "--from-js:2px" in out and "--nobody" not in out


def _head(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[: text.index("</head>")]


def test_every_page_has_a_description_one_stylesheet_and_no_blocking_script(
    site_dir: Path,
) -> None:
    problems = []
    for rel in site_pages(site_dir):
        head = _head(site_dir / rel)
        desc = re.search(r'<meta name="description" content="([^"]*)"', head)
        if not desc or len(desc.group(1)) < 20:
            problems.append(f"{rel}: no meta description")
        sheets = re.findall(r'<link[^>]*rel="stylesheet"[^>]*>', head)
        bundles = [s for s in sheets if re.search(r"_static/styles/sop-[0-9a-f]{12}\.css", s)]
        if len(bundles) != 1:
            problems.append(f"{rel}: {len(bundles)} theme bundles in {sheets}")
        if "sarabun-thai-400-normal.woff2" not in head or 'rel="preload"' not in head:
            problems.append(f"{rel}: Sarabun not preloaded")
        if rel != "search.html":
            blocking = [
                tag
                for tag in re.findall(r"<script[^>]*>", head)
                if "src=" in tag and "defer" not in tag and "async" not in tag
            ]
            if blocking:
                problems.append(f"{rel}: blocking scripts {blocking}")
        if "bootstrap.js" in (site_dir / rel).read_text(encoding="utf-8"):
            problems.append(f"{rel}: loads bootstrap.js")
    assert not problems, "\n".join(problems)


def test_theme_css_is_cut_to_a_fraction(site_dir: Path) -> None:
    theme = site_dir / "_static" / "styles" / "pydata-sphinx-theme.css"
    full = len(gzip.compress(theme.read_bytes()))
    for path in (site_dir / "_static" / "styles").glob("sop-*.css"):
        size = len(gzip.compress(path.read_bytes()))
        assert size < full / 2, f"{path.name}: {size} bytes gzip (theme alone {full})"
