"""An ipywidgets view of any checklist, for JupyterLab and Notebook.

Tick items and answer questions; progress and levels update live; save and load the results
file. On a static page (no kernel) the view's ``text/html`` representation is the website's own
checklist form (:func:`sop_helpers.checklist_html.render_checklist`), which works without Python.
Import this module only where ipywidgets is installed; ``sop_helpers`` itself never imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w

from .._paths import results_folder
from ..checklist_html import render_checklist
from ..checklists import INDICATOR_COLUMNS, Checklist, Item
from ..checklists.kinds import ITEM_KINDS, answer_of, rule_of
from ..progress import progress_lines
from ..render import macro
from ..results import (
    Loaded,
    Results,
    load_results,
    make_results,
    parse_results,
    save_results,
)
from ..scoring import Score, score
from ..wording import TEXTS, answer, statement, wording_script

_UNANSWERED = statement(None)


class ChecklistWidget:
    """Interactive checklist; ``answers`` holds item id -> value as :func:`score` takes it.

    ``name_field``/``position_field`` share one person's name between several checklists (the
    self-check app asks for it once); ``folder`` is where results files go by default
    (:func:`sop_helpers._paths.results_folder`: ``my-notebooks/`` or ``$SOP_RESULTS_DIR``).
    """

    def __init__(
        self,
        checklist: Checklist,
        *,
        name: str = "",
        position: str = "",
        name_field: Any = None,
        position_field: Any = None,
        folder: str | Path | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> None:
        self.checklist = checklist
        self.titles = titles  # id -> title: a file of another checklist is named by its title
        self.answers: dict[str, Any] = {}
        self._controls: dict[str, Any] = {}
        self._rows_box = w.VBox()
        wide = w.Layout(width="100%", max_width="44em")
        self._name = name_field or w.Text(value=name, description="ชื่อ-สกุล", layout=wide)
        self._position = position_field or w.Text(value=position, description="ตำแหน่ง", layout=wide)
        target = Path(folder) if folder is not None else results_folder()
        self._path = w.Text(
            value=str(target / f"{checklist.id}.json"), description="ไฟล์ผล", layout=wide
        )
        self._summary = w.HTML()
        self._message = w.HTML()
        save = w.Button(description="บันทึก", icon="save")
        load = w.Button(description="เปิดไฟล์", icon="folder-open")
        save.on_click(lambda _button: self._save_clicked())
        load.on_click(lambda _button: self._load_clicked())
        children: list[Any] = [w.HTML(_html("title")(checklist.title, checklist.version))]
        if name_field is None:
            children += [self._name, self._position]
        for section in checklist.sections:
            children.append(_text(section.title, strong=True))
            if rule_of(section) == "rows":
                add = w.Button(description="เพิ่มแถว", icon="plus")
                add.on_click(lambda _button: self._add_row())
                children += [self._rows_box, add]
                continue
            level = rule_of(section) == "level"  # statements are levels: "ระดับ ๓: ..."
            children += [self._control(item, level) for item in section.items]
        children += [self._summary, self._path, w.HBox([save, load]), self._message]
        self.box = w.VBox(children)
        self._refresh()

    # ----------------------------------------------------------------- controls
    def _control(self, item: Item, level: bool = False) -> Any:
        control: Any
        if answer_of(item).name == "tick":
            # The label is a separate HTML widget: a Checkbox's own description is cut with "…".
            control = w.Checkbox(value=False, indent=False, layout=w.Layout(width="auto"))
        elif answer_of(item).name == "yes-no":
            words = ITEM_KINDS[item.kind].words  # the form's own words for its answers
            control = w.RadioButtons(
                options=[(answer(words, value), value) for value in (None, True, False)],
                value=None,
            )
        elif item.multiple:
            control = w.SelectMultiple(
                options=_lettered(item), layout=w.Layout(width="100%", max_width="44em")
            )
        else:
            control = w.RadioButtons(
                options=[(_UNANSWERED, None), *_lettered(item)],
                value=None,
                layout=w.Layout(width="100%"),
            )
        control.observe(lambda change, key=item.id: self._changed(key, change["new"]), "value")
        self._controls[item.id] = control
        if answer_of(item).name == "tick":
            return w.HBox([control, _text(f"{item.number}. {item.text}")])
        label = (
            f"ระดับ {item.number}: {item.text}"
            if level
            else f"{item.number}. {item.text} ({item.hint})"
            if answer_of(item).name == "choice"
            else item.text
        )
        return w.VBox([_text(label), control])

    def _changed(self, key: str, value: Any) -> None:
        item = self.checklist.item(key)
        if answer_of(item).name == "tick":
            value = True if value else None
        elif answer_of(item).name == "choice" and item.multiple:
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
            if answer_of(item).name == "tick":
                control.value = value is True
            elif answer_of(item).name == "choice" and item.multiple:
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
        path = Path(path).expanduser()
        return self._apply(load_results(path, self.checklist, titles=self.titles))

    def load_data(self, data: object, source: str) -> tuple[str, ...]:
        """Apply results read elsewhere (a file chosen in the browser, e.g. the site's export)."""
        return self._apply(parse_results(data, self.checklist, source, titles=self.titles))

    def _apply(self, loaded: Loaded) -> tuple[str, ...]:
        self._name.value = loaded.results.person.name
        self._position.value = loaded.results.person.position
        self.set_answers(loaded.results.values())
        return loaded.dropped

    def _save_clicked(self) -> None:
        target = Path(self._path.value).expanduser()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            path = self.save(target)
        except OSError as error:  # shown to the person, not swallowed
            self._message.value = _html("message")(f"บันทึกไม่ได้: {error}")
            return
        self._message.value = _html("message")("บันทึกแล้วที่ ", str(path.resolve()))

    def _load_clicked(self) -> None:
        try:
            dropped = self.load(self._path.value)
        except Exception as error:  # shown to the person, not swallowed
            self._message.value = _html("message")(f"เปิดไฟล์ไม่ได้: {error}")
            return
        self._message.value = _html("message")(self.opened_message(dropped))

    def opened_message(self, dropped: tuple[str, ...]) -> str:
        """What to tell after opening a file: the items whose answers were cleared, by number."""
        if not dropped:
            return "เปิดไฟล์แล้ว"
        from ..results.read import item_names  # the page's rule: items by number and text

        names = ", ".join(item_names(self.checklist, dropped))
        return "เปิดไฟล์แล้ว " + TEXTS["version.dropped"].format(items=names)

    def _refresh(self) -> None:
        self._summary.value = summary_html(self.checklist, self.score())

    # ----------------------------------------------------------------- display
    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle: dict[str, Any] = dict(self.box._repr_mimebundle_(**kwargs) or {})
        # the website form and the words its script says (a notebook page has no directive
        # that would add the page's wording table)
        bundle["text/html"] = render_checklist(self.checklist, self.answers) + wording_script()
        bundle["text/plain"] = f"แบบตรวจสอบ {self.checklist.id} ความคืบหน้า {self.score().progress}"
        return bundle


def summary_html(checklist: Checklist, result: Score) -> str:
    """The progress as the website's "my progress" says it (:func:`sop_helpers.progress.
    progress_lines`: the kind's wording, each standard's level, the quiz score), with each
    yes-no standard's answer by its name. Every line is plain text, escaped by ``widgets.html``."""
    k = result.knowledge
    quiz = (k.correct, k.total) if k is not None else None  # scored as answered: no "send" here
    return _html("summary")(progress_lines(checklist, result, quiz, met=True))


def _html(name: str) -> Callable[..., str]:
    """A macro of ``templates/widgets.html``: every widget's HTML text, data autoescaped."""
    return macro("widgets.html", name)


def _text(text: str, strong: bool = False) -> Any:
    """An HTML widget showing plain ``text`` that wraps (labels are shown in full)."""
    return w.HTML(_html("text")(text, strong))


def checklist_widget(checklist: Checklist, **kwargs: Any) -> ChecklistWidget:
    """Shortcut: ``display(checklist_widget(load_checklist("director-standards")))``."""
    return ChecklistWidget(checklist, **kwargs)


def _lettered(item: Item) -> list[tuple[str, str]]:
    """Options as (label, id), labelled ก. ข. ค. ... like the website form."""
    return [(f"{item.letter(o.id)}. {o.text}", o.id) for o in item.options]
