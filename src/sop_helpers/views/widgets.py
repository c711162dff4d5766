"""An ipywidgets view of any checklist, for JupyterLab and Notebook.

Tick items and answer questions; progress and levels update live; save and load the results
file. On a static page (no kernel) the view's ``text/html`` representation is the website's own
checklist form (:func:`sop_helpers.checklist_html.render_checklist`), which works without Python.
Import this module only where ipywidgets is installed; ``sop_helpers`` itself never imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ipywidgets as w

from ..checklist_html import render_checklist
from ..checklists import INDICATOR_COLUMNS, Checklist, Item
from ..results import Results, load_results, make_results, save_results
from ..scoring import Score, score
from ..thai import thai_number

_UNANSWERED = "ยังไม่ตอบ"


class ChecklistWidget:
    """Interactive checklist; ``answers`` holds item id -> value as :func:`score` takes it."""

    def __init__(self, checklist: Checklist, *, name: str = "", position: str = "") -> None:
        self.checklist = checklist
        self.answers: dict[str, Any] = {}
        self._controls: dict[str, Any] = {}
        self._rows_box = w.VBox()
        self._name = w.Text(value=name, description="ชื่อ-สกุล")
        self._position = w.Text(value=position, description="ตำแหน่ง")
        self._path = w.Text(value=f"{checklist.id}-results.json", description="ไฟล์ผล")
        self._summary = w.HTML()
        self._message = w.HTML()
        save = w.Button(description="บันทึก", icon="save")
        load = w.Button(description="เปิดไฟล์", icon="folder-open")
        save.on_click(lambda _button: self._save_clicked())
        load.on_click(lambda _button: self._load_clicked())
        children: list[Any] = [w.HTML(f"<b>{checklist.title}</b> (ฉบับที่ {checklist.version})")]
        children += [self._name, self._position]
        for section in checklist.sections:
            children.append(w.HTML(f"<b>{section.title}</b>"))
            if section.kind == "indicators":
                add = w.Button(description="เพิ่มแถว", icon="plus")
                add.on_click(lambda _button: self._add_row())
                children += [self._rows_box, add]
                continue
            children += [self._control(item) for item in section.items]
        children += [self._summary, w.HBox([self._path, save, load]), self._message]
        self.box = w.VBox(children)
        self._refresh()

    # ----------------------------------------------------------------- controls
    def _control(self, item: Item) -> Any:
        control: Any
        if item.kind == "step":
            control = w.Checkbox(
                value=False, description=f"{item.number}. {item.text}", indent=False
            )
        elif item.kind in ("statement", "standard"):
            yes, no = (
                ("เป็นจริง", "ยังไม่เป็นจริง")
                if item.kind == "statement"
                else ("ได้ตามมาตรฐาน", "ยังไม่ได้ตามมาตรฐาน")
            )
            control = w.RadioButtons(
                options=[(_UNANSWERED, None), (yes, True), (no, False)], value=None
            )
        elif item.multiple:
            control = w.SelectMultiple(options=_lettered(item))
        else:
            control = w.RadioButtons(options=[(_UNANSWERED, None), *_lettered(item)], value=None)
        control.observe(lambda change, key=item.id: self._changed(key, change["new"]), "value")
        self._controls[item.id] = control
        if item.kind == "step":
            return control
        label = (
            f"ระดับ {item.number}: {item.text}"
            if item.kind == "statement"
            else f"{item.number}. {item.text} ({item.hint})"
            if item.kind == "question"
            else item.text
        )
        return w.VBox([w.HTML(label), control])

    def _changed(self, key: str, value: Any) -> None:
        item = self.checklist.item(key)
        if item.kind == "step":
            value = True if value else None
        elif item.kind == "question" and item.multiple:
            value = list(value) or None
        if value is None:
            self.answers.pop(key, None)
        else:
            self.answers[key] = value
        self._refresh()

    def _add_row(self, row: dict[str, str] | None = None) -> None:
        texts = [
            w.Text(value=(row or {}).get(key, ""), placeholder=label)
            for key, label in INDICATOR_COLUMNS
        ]
        for text in texts:
            text.observe(lambda _change: self._rows_changed(), "value")
        self._rows_box.children = (*self._rows_box.children, w.HBox(texts))
        self._rows_changed()

    def _rows_changed(self) -> None:
        rows = [
            {
                key: text.value
                for (key, _), text in zip(INDICATOR_COLUMNS, box.children, strict=True)
            }
            for box in self._rows_box.children
        ]
        if rows:
            self.answers["rows"] = rows
        else:
            self.answers.pop("rows", None)
        self._refresh()

    # ----------------------------------------------------------------- state
    def score(self) -> Score:
        """The score of the current answers."""
        return score(self.checklist, self.answers)

    def results(self) -> Results:
        """The current answers as a results object (name and position from the form)."""
        return make_results(
            self.checklist, self.answers, name=self._name.value, position=self._position.value
        )

    def set_answers(self, answers: dict[str, Any]) -> None:
        """Show the given answers in the controls."""
        self.answers = {}
        for key, control in self._controls.items():
            value = answers.get(key)
            item = self.checklist.item(key)
            if item.kind == "step":
                control.value = value is True
            elif item.kind == "question" and item.multiple:
                control.value = tuple(value or ())
            else:
                control.value = value
        self._rows_box.children = ()
        for row in answers.get("rows") or []:
            self._add_row(row)
        self.answers = {k: v for k, v in answers.items() if v is not None}
        self._refresh()

    def save(self, path: str | Path) -> Path:
        """Write the results file."""
        return save_results(self.results(), path)

    def load(self, path: str | Path) -> tuple[str, ...]:
        """Read a results file (migrating it); returns the ids of dropped answers."""
        loaded = load_results(path, self.checklist)
        self._name.value = loaded.results.person.name
        self._position.value = loaded.results.person.position
        self.set_answers(loaded.results.values())
        return loaded.dropped

    def _save_clicked(self) -> None:
        path = self.save(self._path.value)
        self._message.value = f"บันทึกแล้ว: {path}"

    def _load_clicked(self) -> None:
        try:
            dropped = self.load(self._path.value)
        except Exception as error:  # shown to the person, not swallowed
            self._message.value = f"เปิดไฟล์ไม่ได้: {error}"
            return
        self._message.value = (
            f"คำตอบที่ถูกล้างเพราะข้อความเปลี่ยน: {', '.join(dropped)}" if dropped else "เปิดไฟล์แล้ว"
        )

    def _refresh(self) -> None:
        self._summary.value = summary_html(self.checklist, self.score())

    # ----------------------------------------------------------------- display
    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle: dict[str, Any] = dict(self.box._repr_mimebundle_(**kwargs) or {})
        bundle["text/html"] = render_checklist(self.checklist, self.answers)
        bundle["text/plain"] = f"แบบตรวจสอบ {self.checklist.id} ความคืบหน้า {self.score().progress}"
        return bundle


def summary_html(checklist: Checklist, result: Score) -> str:
    """Short HTML summary of a score: progress, levels, met standards, knowledge score."""
    parts = [f"ความคืบหน้า {thai_number(str(result.progress))}"]
    for key, level in result.levels.items():
        parts.append(f"{key}: ระดับ {thai_number(level.level)} จาก {thai_number(level.max_level)}")
    for key, met in result.met.items():
        text = _UNANSWERED if met is None else ("ได้" if met else "ยังไม่ได้")
        parts.append(f"{key}: {text}")
    if result.knowledge is not None:
        k = result.knowledge
        parts.append(f"คะแนน {thai_number(k.correct)}/{thai_number(k.total)}")
    return "<br>".join(parts)


def checklist_widget(checklist: Checklist, **kwargs: Any) -> ChecklistWidget:
    """Shortcut: ``display(checklist_widget(load_checklist("director-standards")))``."""
    return ChecklistWidget(checklist, **kwargs)


def _lettered(item: Item) -> list[tuple[str, str]]:
    """Options as (label, id), labelled ก. ข. ค. ... like the website form."""
    return [(f"{item.letter(o.id)}. {o.text}", o.id) for o in item.options]
