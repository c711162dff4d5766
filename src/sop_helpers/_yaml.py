"""Read YAML safely and remember the line of every value, for error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ._errors import DataError

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Located:
    """Plain data read from YAML plus a map from JSON path to 1-based line number."""

    data: Any
    lines: dict[JsonPath, int] = field(default_factory=dict)
    source: str | None = None

    def line_of(self, path: JsonPath) -> int | None:
        """Line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def pointer(path: JsonPath) -> str:
    """JSON-pointer-like text for a path: ``/items/3/level``."""
    return "".join(f"/{str(part).replace('~', '~0').replace('/', '~1')}" for part in path) or "/"


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


class _NoAliasLoader(yaml.SafeLoader):
    """A SafeLoader that refuses aliases (``*name``, ``<<: *name``).

    Data files are written by hand and need no aliases; refusing them stops alias bombs (a 1 KB
    file that expands to gigabytes) before anything is expanded.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "ไม่อนุญาตให้ใช้ alias (*ชื่อ) ในไฟล์ข้อมูล ให้เขียนค่าซ้ำตรง ๆ", event.start_mark
            )
        return super().compose_node(parent, index)


def parse_yaml(text: str, source: str | None = None, error: type[DataError] = DataError) -> Located:
    """Parse YAML text into plain data, recording the line of each node.

    Duplicate mapping keys, aliases and control characters are errors; every problem is raised
    as ``error`` naming ``source`` and the line (never a bare PyYAML or Python error).
    """
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        code = f"U+{ord(bad.group()):04X}"
        raise error(f"มีอักขระควบคุม {code} ซึ่งใช้ในไฟล์ข้อมูลไม่ได้ (ลบออก)", source=source, line=line)
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {}, source)
        lines: dict[JsonPath, int] = {}
        data = _build(loader, node, (), lines, source, error)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "รูปแบบไม่ถูกต้อง"
        raise error(f"YAML ผิดรูปแบบ: {problem}", source=source, line=at) from None
    except yaml.YAMLError as exc:  # ReaderError and the like: no mark, a position at most
        position = getattr(exc, "position", None)
        where = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
        raise error("YAML ผิดรูปแบบ: อ่านไฟล์ไม่ได้", source=source, line=where) from None
    except RecursionError:
        raise error("YAML ซ้อนกันลึกเกินไป", source=source, line=1) from None
    finally:
        loader.dispose()
    return Located(data, lines, source)


def load_yaml(path: str | Path, error: type[DataError] = DataError) -> Located:
    """Read a YAML file (UTF-8) with line marks; errors name the file."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise error("ไม่พบไฟล์", source=source) from exc
    except UnicodeDecodeError as exc:
        line = exc.object.count(b"\n", 0, exc.start) + 1
        raise error("ไฟล์ไม่ได้เข้ารหัสเป็น UTF-8", source=source, line=line) from None
    except OSError as exc:
        raise error(f"อ่านไฟล์ไม่ได้ ({exc.strerror})", source=source) from None
    return parse_yaml(text, source, error)


def data_files(folder: str | Path, error: type[DataError] = DataError) -> list[Path]:
    """The ``*.yml`` files of a data folder, sorted; a ``*.yaml`` file is an error, not skipped."""
    root = Path(folder)
    stray = sorted(root.glob("*.yaml"))
    if stray:
        raise error(
            f"ไฟล์นามสกุล .yaml ไม่ถูกอ่าน: เปลี่ยนชื่อเป็น {stray[0].stem}.yml", source=str(stray[0])
        )
    return sorted(root.glob("*.yml"))


def _build(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    path: JsonPath,
    lines: dict[JsonPath, int],
    source: str | None,
    error: type[DataError],
) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise error(
                    f"ชื่อช่อง '{key}' ซ้ำ",
                    source=source,
                    line=key_node.start_mark.line + 1,
                    pointer=pointer((*path, key)),
                )
            result[key] = _build(loader, value_node, (*path, key), lines, source, error)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(loader, child, (*path, index), lines, source, error)
            for index, child in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)
