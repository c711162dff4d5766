"""The self-check notebook's app, from the person's side: a Thai drop-down of every checklist,
the name asked once, full labels and Thai standard names, results saved in the person's folder
with the path shown, and a file exported from the website opened here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sop_helpers import load_checklist

pytest.importorskip("ipywidgets")

from sop_helpers.checklists import load_checklists
from sop_helpers.views.self_check import SelfCheck
from sop_helpers.views.widgets import ChecklistWidget

ROOT = Path(__file__).resolve().parents[1]
WEBSITE_EXPORT = ROOT / "book" / "data" / "sample" / "team" / "01-somjai-director-standards.json"


@pytest.fixture(scope="module")
def checklists() -> dict[str, object]:
    return load_checklists()  # type: ignore[return-value]


def test_drop_down_lists_every_checklist_by_its_thai_title(
    checklists: dict, tmp_path: Path
) -> None:
    app = SelfCheck(checklists, folder=tmp_path)
    labels = [label for label, _ in app.choice.options]
    assert [key for _, key in app.choice.options] == list(checklists)
    assert labels == [c.title for c in checklists.values()]
    assert all(not any(ch.isascii() and ch.isalpha() for ch in label) for label in labels)


def test_name_is_asked_once_and_answers_survive_switching(checklists: dict, tmp_path: Path) -> None:
    app = SelfCheck(checklists, checklist="director-steps", folder=tmp_path)
    app.name.value = "นางสาวสมใจ ตั้งใจงาน"
    first_step = app.view.checklist.items[0].id
    app.view._controls[first_step].value = True
    app.choice.value = "director-standards"
    assert app.view.results().person.name == "นางสาวสมใจ ตั้งใจงาน"
    app.choice.value = "director-steps"
    assert app.view.answers == {first_step: True}
    assert "ทำแล้ว ๑ จาก" in app.view._summary.value


def test_saving_shows_the_full_path_in_the_persons_folder(checklists: dict, tmp_path: Path) -> None:
    app = SelfCheck(checklists, checklist="director-standards", folder=tmp_path)
    app.view._controls["std1.1"].value = True
    app.view._save_clicked()
    saved = tmp_path / "director-standards.json"
    assert saved.is_file()
    assert str(saved.resolve()) in app.view._message.value
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "sop-checklist-results"
    assert data["answers"]["std1.1"]["value"] is True


def test_a_file_exported_from_the_website_opens_in_its_checklist(
    checklists: dict, tmp_path: Path
) -> None:
    app = SelfCheck(checklists, checklist="director-steps", folder=tmp_path)
    data = json.loads(WEBSITE_EXPORT.read_text(encoding="utf-8"))
    message = app.open_data(data, WEBSITE_EXPORT.name)
    assert app.choice.value == "director-standards"
    assert message == "เปิดไฟล์แล้ว"
    assert app.name.value == data["person"]["name"]
    assert app.view.answers["std1.1"] is True


def test_file_chosen_in_the_browser_is_opened(checklists: dict, tmp_path: Path) -> None:
    app = SelfCheck(checklists, folder=tmp_path)
    content = WEBSITE_EXPORT.read_bytes()
    app._upload([{"name": WEBSITE_EXPORT.name, "content": memoryview(content)}])
    assert app.choice.value == "director-standards"
    assert "เปิดไฟล์แล้ว" in app._uploaded.value
    app._upload([{"name": "broken.json", "content": memoryview(b"{")}])
    assert "เปิดไฟล์ไม่ได้" in app._uploaded.value


def test_labels_are_full_and_standards_have_thai_names(tmp_path: Path) -> None:
    checklist = load_checklist("director-standards")
    view = ChecklistWidget(checklist, folder=tmp_path)
    summary = view._summary.value
    # nothing answered yet: each standard by its Thai name, not yet assessed (never "ระดับ ๐")
    assert "มาตรฐานข้อ ๑: ยังไม่ได้ประเมิน" in summary
    assert "มาตรฐานข้อ ๓: ยังไม่ได้ประเมิน" in summary
    assert "ระดับ ๐" not in summary
    assert "std" not in summary
    steps = ChecklistWidget(load_checklist("director-steps"), folder=tmp_path)
    longest = max(steps.checklist.items, key=lambda item: len(item.text))
    html_labels = [
        child.value
        for box in steps.box.children
        if hasattr(box, "children")
        for child in box.children
        if hasattr(child, "value") and isinstance(child.value, str)
    ]
    assert any(longest.text in label for label in html_labels)


def test_default_results_folder_is_not_inside_book(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOP_RESULTS_DIR", raising=False)
    monkeypatch.chdir(ROOT / "book" / "self-check")
    view = ChecklistWidget(load_checklist("director-standards"))
    path = Path(view._path.value)
    assert path == ROOT / "my-notebooks" / "director-standards.json"
    assert ROOT / "book" not in path.parents
