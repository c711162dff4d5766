"""The self-check notebook's app: any checklist from a Thai drop-down, the name asked once.

Answers of each checklist are kept while the person switches between them; each saves to its own
results file (the website's format) in the person's folder, and a file exported from the website
can be opened here, by path or chosen in the browser. Imported only by notebooks (ipywidgets).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w

from .._paths import results_folder
from ..checklists import Checklist
from ..handbook import load_handbook
from ..render import macro
from .widgets import ChecklistWidget


class SelfCheck:
    """A drop-down of every checklist (by its Thai title) above the chosen checklist's form."""

    def __init__(
        self,
        checklists: Mapping[str, Checklist] | None = None,
        *,
        checklist: str | None = None,
        name: str = "",
        position: str = "",
        folder: str | Path | None = None,
    ) -> None:
        if checklists is None:  # the handbook's own, read and cross-checked (file:line errors)
            checklists = load_handbook().checklists
        self.checklists = dict(checklists)
        self.folder = Path(folder) if folder is not None else results_folder()
        wide = w.Layout(width="100%", max_width="44em")
        self.name = w.Text(value=name, description="ชื่อ-สกุล", layout=wide)
        self.position = w.Text(value=position, description="ตำแหน่ง", layout=wide)
        self.choice = w.Dropdown(
            options=[(c.title, c.id) for c in self.checklists.values()],
            value=checklist or next(iter(self.checklists)),
            description="แบบตรวจสอบ",
            layout=w.Layout(width="100%", max_width="60em"),
        )
        self.upload = w.FileUpload(accept=".json", multiple=False, description="เลือกไฟล์ผล…")
        self._uploaded = w.HTML()
        self._views: dict[str, ChecklistWidget] = {}
        self._holder = w.VBox()
        self.choice.observe(lambda _change: self._show(), "value")
        self.upload.observe(lambda change: self._upload(change["new"]), "value")
        self.box = w.VBox(
            [
                self.choice,
                self.name,
                self.position,
                w.HTML(macro("widgets.html", "folder_note")(str(self.folder))),
                w.HBox([self.upload, self._uploaded]),
                self._holder,
            ]
        )
        self._show()

    @property
    def view(self) -> ChecklistWidget:
        """The form of the checklist chosen now (made once, so its answers are kept)."""
        key = self.choice.value
        if key not in self._views:
            self._views[key] = ChecklistWidget(
                self.checklists[key],
                name_field=self.name,
                position_field=self.position,
                folder=self.folder,
                titles={k: c.title for k, c in self.checklists.items()},
            )
        return self._views[key]

    def _show(self) -> None:
        self._holder.children = (self.view.box,)

    def open_data(self, data: object, source: str) -> str:
        """Open results data (switching to its checklist); returns the message shown."""
        wanted = data.get("checklist", {}).get("id") if isinstance(data, dict) else None
        if isinstance(wanted, str) and wanted in self.checklists:
            self.choice.value = wanted
        dropped = self.view.load_data(data, source)
        return self.view.opened_message(dropped)

    def _upload(self, files: Any) -> None:
        if not files:
            return
        chosen = files[0]
        try:
            data = json.loads(bytes(chosen["content"]).decode("utf-8-sig"))
            message = self.open_data(data, chosen["name"])
        except Exception as error:  # shown to the person, not swallowed
            message = f"เปิดไฟล์ไม่ได้: {error}"
        self._uploaded.value = macro("widgets.html", "message")(f"{chosen['name']}: {message}")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle: dict[str, Any] = dict(self.box._repr_mimebundle_(**kwargs) or {})
        # On the static site (no kernel) the chosen checklist's website form stands in.
        static = self.view._repr_mimebundle_(**kwargs)
        bundle["text/html"] = static["text/html"]
        bundle["text/plain"] = f"แบบตรวจสอบตนเอง: {self.view.checklist.title}"
        return bundle


def self_check(**kwargs: Any) -> SelfCheck:
    """The app for the notebook: ``self_check(name="…")`` in a cell's last line shows it."""
    return SelfCheck(**kwargs)
