"""Role ``{sop-label}`export-all```: the label of a button, as the page that has it shows it.

Instructions quote the buttons staff must press ("กด "ส่งออกผลทั้งหมดของฉัน""). The labels live
once, in :data:`sop_helpers.checklist_html.LABELS`; a page names the key and the role writes the
label, so the instructions cannot drift from the button. An unknown key is a warning at the
page's line (the strict build fails).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

from sop_helpers.checklist_html import LABELS
from sop_helpers.wording import TEXTS


class LabelRole(SphinxRole):
    """``{sop-label}`key``` -> the button's label (an inline with class ``sop-ui-label``)."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key = self.text.strip()
        label = LABELS.get(key)
        if label is None:
            message = self.inliner.reporter.warning(
                f"ไม่มีปุ่ม '{key}' ใน sop_helpers.checklist_html.LABELS (มี {', '.join(LABELS)})",
                line=self.lineno,
            )
            return [], [message]
        return [nodes.inline(self.rawtext, label, classes=["sop-ui-label"])], []


class WordRole(SphinxRole):
    """``{sop-word}`met.false``` -> a result's words from the wording table (decision 3), so a
    page that quotes "ยังไม่ได้ตามมาตรฐาน" says what the forms say."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        key = self.text.strip()
        text = TEXTS.get(key)
        if text is None or "{" in text:
            message = self.inliner.reporter.warning(
                f"ไม่มีข้อความ '{key}' (ที่ไม่มีช่องเติม) ใน sop_helpers.wording.TEXTS",
                line=self.lineno,
            )
            return [], [message]
        return [nodes.inline(self.rawtext, text, classes=["sop-word"])], []


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the role."""
    app.add_role("sop-label", LabelRole())
    app.add_role("sop-word", WordRole())
    return {"parallel_read_safe": True, "parallel_write_safe": True}
