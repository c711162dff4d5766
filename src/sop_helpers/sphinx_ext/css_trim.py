"""Stylesheets joined and cut down to the rules a set of pages can use (pure, no Sphinx).

The theme ships about 400 KB of CSS (Bootstrap and every component of pydata-sphinx-theme);
a page of the handbook uses a small part of it. :func:`bundle` joins the files a page loads, in
their order (``@import`` resolved, relative ``url()`` rewritten for the bundle's folder), and
keeps a style rule only when every class, id, element name and attribute it names can occur on
the pages that use the bundle: in their HTML or as a word in the scripts they load (a script may
add a class later, e.g. ``show``). Pseudo-classes are ignored (``:hover`` keeps its rule when
the element exists), at-rules other than ``@media``/``@supports``/``@layer``/``@container`` are
kept whole (the dark scheme too: the theme switch stays). Then custom properties
(``--name: value``) that nothing left reads with ``var(--name)`` (in the bundle, a page's
``style`` attribute or a script) are dropped, until none is left unread: the theme declares
several hundred for components the handbook does not show.
Parsing and serialising are tinycss2's.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import tinycss2

_NESTED_AT_RULES = {"media", "supports", "layer", "container"}
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_PSEUDO = re.compile(r"::?[A-Za-z-]+(\((?:[^()]|\([^()]*\))*\))?")
_ATTR = re.compile(r"\[\s*([A-Za-z_:][\w:.-]*)[^\]]*\]")
_CLASS = re.compile(r"\.((?:[\w-]|\\.)+)")
_ID = re.compile(r"#((?:[\w-]|\\.)+)")
_PROPERTY = re.compile(r"--[A-Za-z_][\w-]*")
_VAR = re.compile(r"var\(\s*(--[A-Za-z_][\w-]*)")
_TAG = re.compile(r"(?:^|[\s>+~,(])([A-Za-z][A-Za-z0-9-]*)")


@dataclass
class Usage:
    """What the pages contain: element names, classes, ids, attribute names, script words."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    properties: set[str] = field(default_factory=set)  # custom properties read outside the CSS

    def add_html(self, text: str) -> None:
        """Record the elements of one HTML page."""
        _Collector(self).feed(text)

    def add_script(self, text: str) -> None:
        """Record the words of a script (class names it may add, elements it may create)."""
        self.words.update(_WORD.findall(text))
        self.properties.update(_PROPERTY.findall(text))


class _Collector(HTMLParser):
    def __init__(self, usage: Usage) -> None:
        super().__init__(convert_charrefs=True)
        self.usage = usage

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        usage = self.usage
        usage.tags.add(tag)
        for name, value in attrs:
            usage.attributes.add(name)
            if name == "class" and value:
                usage.classes.update(value.split())
            elif name == "id" and value:
                usage.ids.add(value)
            elif name == "style" and value:
                usage.properties.update(_PROPERTY.findall(value))

    handle_startendtag = handle_starttag


def _unescape(name: str) -> str:
    return re.sub(r"\\(.)", r"\1", name)


def selector_used(selector: str, usage: Usage) -> bool:
    """Whether one selector (no commas) can match something on the pages."""
    plain = _PSEUDO.sub(" ", selector)
    for attr in _ATTR.findall(plain):
        if attr.lower() not in usage.attributes and attr not in usage.words:
            return False
    plain = _ATTR.sub(" ", plain)
    for name in _CLASS.findall(plain):
        name = _unescape(name)
        if name not in usage.classes and name not in usage.words:
            return False
    for name in _ID.findall(plain):
        name = _unescape(name)
        if name not in usage.ids and name not in usage.words:
            return False
    bare = _ID.sub(" ", _CLASS.sub(" ", plain))
    for tag in _TAG.findall(bare):
        tag = tag.lower()
        if tag not in usage.tags and tag not in usage.words:
            return False
    return True


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def _nested(rule: Any, trim: Callable[[list[Any]], list[str]]) -> str:
    """An at-rule holding rules (``@media``, ``@supports``) with its inner rules passed through
    ``trim``; "" when nothing is left inside."""
    inner = trim(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
    if not inner:
        return ""
    prelude = tinycss2.serialize(rule.prelude).strip()
    return f"@{rule.lower_at_keyword} {prelude}{{{''.join(inner)}}}"


def _trim_rules(rules: Iterable[object], usage: Usage) -> list[str]:
    out: list[str] = []
    for rule in rules:
        kind = getattr(rule, "type", "")
        if kind == "qualified-rule":
            prelude = tinycss2.serialize(rule.prelude)  # type: ignore[attr-defined]
            if prelude.lstrip().startswith(("from", "to")) or prelude.strip()[:1].isdigit():
                out.append(rule.serialize())  # type: ignore[attr-defined]
                continue
            kept = [s for s in _split_selectors(prelude) if selector_used(s, usage)]
            if kept:
                body = tinycss2.serialize(rule.content).strip()  # type: ignore[attr-defined]
                out.append(f"{','.join(kept)}{{{body}}}")
        elif kind == "at-rule":
            keyword = rule.lower_at_keyword  # type: ignore[attr-defined]
            if keyword in _NESTED_AT_RULES and rule.content is not None:  # type: ignore[attr-defined]
                nested = _nested(rule, lambda rules: _trim_rules(rules, usage))
                if nested:
                    out.append(nested)
            elif keyword not in ("import", "charset"):
                out.append(rule.serialize())  # type: ignore[attr-defined]
    return out


def _rebase_urls(css: str, source: str, target: str) -> str:
    """Relative ``url()`` of a file at ``source`` (posix path) rewritten for ``target``."""
    source_dir, target_dir = posixpath.dirname(source), posixpath.dirname(target)

    def fix(match: re.Match[str]) -> str:
        quote, url = match.group(1), match.group(2)
        if re.match(r"^(?:[a-z]+:|/|#)", url):
            return match.group(0)
        joined = posixpath.normpath(posixpath.join(source_dir, url))
        return f"url({quote}{posixpath.relpath(joined, target_dir or '.')}{quote})"

    return re.sub(r"url\(\s*([\"']?)([^\"')]+)\1\s*\)", fix, css)


def resolve(path: str, read: Callable[[str], str], target: str, seen: set[str]) -> str:
    """The text of the stylesheet at ``path`` with its ``@import``s inlined, urls rebased."""
    if path in seen:
        return ""
    seen.add(path)
    text = read(path)
    out: list[str] = []
    pos = 0
    for match in re.finditer(r"@import\s+(?:url\()?[\"']([^\"']+)[\"']\)?[^;]*;", text):
        out.append(_rebase_urls(text[pos : match.start()], path, target))
        imported = posixpath.normpath(posixpath.join(posixpath.dirname(path), match.group(1)))
        out.append(resolve(imported, read, target, seen))
        pos = match.end()
    out.append(_rebase_urls(text[pos:], path, target))
    return "".join(out)


def bundle(paths: Iterable[str], read: Callable[[str], str], target: str, usage: Usage) -> str:
    """The stylesheets at ``paths`` (in order) as one file at ``target``, cut to ``usage``."""
    seen: set[str] = set()
    text = "\n".join(resolve(p, read, target, seen) for p in paths)
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    return drop_unread_properties("\n".join(_trim_rules(rules, usage)), usage.properties) + "\n"


def _without_properties(rules: Iterable[object], drop: set[str]) -> list[str]:
    out: list[str] = []
    for rule in rules:
        kind = getattr(rule, "type", "")
        if kind == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(
                rule.content,  # type: ignore[attr-defined]
                skip_comments=True,
                skip_whitespace=True,
            )
            kept = [d for d in declarations if getattr(d, "name", None) not in drop]
            if len(kept) == len(declarations):
                out.append(rule.serialize())  # type: ignore[attr-defined]
            elif kept:
                prelude = tinycss2.serialize(rule.prelude).strip()  # type: ignore[attr-defined]
                body = ";".join(d.serialize().strip() for d in kept)
                out.append(f"{prelude}{{{body}}}")
        elif kind == "at-rule" and rule.lower_at_keyword in _NESTED_AT_RULES:  # type: ignore[attr-defined]
            nested = _nested(rule, lambda rules: _without_properties(rules, drop))
            if nested:
                out.append(nested)
        elif kind == "at-rule":
            out.append(rule.serialize())  # type: ignore[attr-defined]
    return out


def drop_unread_properties(css: str, read_elsewhere: Iterable[str] = ()) -> str:
    """``css`` without the custom properties that no ``var()`` reads (repeated to a fixpoint).

    ``read_elsewhere``: custom properties that pages or scripts read (kept in any case).
    """
    keep = set(read_elsewhere)
    while True:
        declared = set(re.findall(r"(?:^|[{;\s])(--[A-Za-z_][\w-]*)\s*:", css))
        drop = declared - set(_VAR.findall(css)) - keep
        if not drop:
            return css
        rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
        css = "\n".join(_without_properties(rules, drop))
