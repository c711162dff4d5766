"""Live controls for the worked examples: an ipywidgets control in Jupyter, a note on the site.

The site ranks ``text/html`` above the widget view (``nb_mime_priority_overrides``), so the
``text/html`` part of the bundle is what a static page shows: a sentence saying the control is
live in Jupyter. Imported only by notebooks (it imports ipywidgets).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
from IPython.display import display

STATIC_NOTE = (
    "ส่วนนี้เป็นตัวควบคุมแบบโต้ตอบ ใช้งานได้เมื่อเปิดหน้านี้ใน Jupyter "
    "(เปิดไฟล์ .md ของหน้านี้ด้วย JupyterLab ที่ติดตั้ง jupytext และแพ็กเกจ sop_helpers) "
    "บนเว็บไซต์จะแสดงผลของค่าตั้งต้นตามตารางด้านบน"
)


class LiveControl:
    """A widget that shows itself in Jupyter and a Thai note in static HTML."""

    def __init__(self, widget: Any, what: str) -> None:
        self.widget = widget
        self.what = what

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        bundle: dict[str, Any] = dict(
            self.widget._repr_mimebundle_(include=include, exclude=exclude) or {}
        )
        bundle["text/plain"] = f"{self.what} (ใช้งานได้ใน Jupyter)"
        bundle["text/html"] = (
            f'<div class="sop-live-control" role="note"><p><strong>ลองเปลี่ยนตัวเลข:</strong> '
            f"{html.escape(self.what)}</p><p>{html.escape(STATIC_NOTE)}</p></div>"
        )
        return bundle


def live(what: str, update: Callable[..., Any], **controls: Any) -> LiveControl:
    """Controls (ipywidgets) whose values call ``update(**values)``; output shown below them.

    ``update`` displays its result (tables, text); it runs once at start with the initial
    values and again on every change, only where a kernel is running.
    """
    out = widgets.interactive_output(update, controls)
    box = widgets.VBox([*controls.values(), out])
    return LiveControl(box, what)


__all__ = ["STATIC_NOTE", "LiveControl", "display", "live"]
