"""The ipywidgets view: live scoring, save/load, and the website HTML as its static form."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sop_helpers import load_checklist, load_procedures, score

pytest.importorskip("ipywidgets")

from sop_helpers.views.widgets import ChecklistWidget

ROOT = Path(__file__).resolve().parents[1]
PROCEDURES = load_procedures(ROOT / "tests" / "data" / "procedures")
FIXTURES = ROOT / "tests" / "data" / "checklists"


def test_controls_update_answers_and_levels() -> None:
    checklist = load_checklist(FIXTURES / "director-standards.yml", PROCEDURES)
    view = ChecklistWidget(checklist)
    view._controls["std1.1"].value = True
    view._controls["std1.2"].value = True
    view._controls["std3"].value = False
    assert view.answers == {"std1.1": True, "std1.2": True, "std3": False}
    assert view.score() == score(checklist, view.answers)
    assert view.score().levels["std1"].level == 2
    view._controls["std1.2"].value = None
    assert "std1.2" not in view.answers
    assert "ระดับ ๑ จาก ๕" in view._summary.value


def test_knowledge_and_rows() -> None:
    knowledge = load_checklist(FIXTURES / "director-knowledge.yml", PROCEDURES)
    view = ChecklistWidget(knowledge)
    assert [label for label, _ in view._controls["q2"].options] == [
        f"{letter}. {option.text}"
        for letter, option in zip("กขค", knowledge.item("q2").options, strict=True)
    ]
    view._controls["q2"].value = ("a", "b")
    view._controls["q1"].value = "b"
    assert view.score().knowledge is not None
    assert view.score().knowledge.correct == 2
    rows = load_checklist(FIXTURES / "director-indicators.yml", PROCEDURES)
    sheet = ChecklistWidget(rows)
    sheet.set_answers({"rows": [{"indicator": "ก", "target": "ข", "evidence": "ค", "result": "ง"}]})
    assert str(sheet.score().progress) == "1/2"


def test_static_html_is_the_website_form() -> None:
    checklist = load_checklist(FIXTURES / "director-standards.yml", PROCEDURES)
    view = ChecklistWidget(checklist)
    view.set_answers({"std1.1": True})
    bundle = view._repr_mimebundle_()
    html = bundle["text/html"]
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert 'data-checklist-id="director-standards"' in html
    # The website's form (every item, the script's model) showing the widget's answers.
    assert all(f'data-item-id="{item.id}"' in html for item in checklist.items)
    assert 'class="sop-cl-model"' in html
    assert 'data-level="1" data-level-for="std1"' in html
    assert 'data-level="0" data-level-for="std2"' in html
    assert f'data-progress="1/{len(checklist.items)}"' in html


def test_save_and_load(tmp_path: Path) -> None:
    checklist = load_checklist(FIXTURES / "director-standards.yml", PROCEDURES)
    view = ChecklistWidget(checklist, name="สมหญิง", position="นักวิเคราะห์")
    view.set_answers({"std1.1": True, "std1.2": True, "std4": True})
    path = view.save(tmp_path / "r.json")
    again = ChecklistWidget(checklist)
    assert again.load(path) == ()
    assert again.answers == view.answers
    assert again._controls["std1.2"].value is True
    assert again._name.value == "สมหญิง"


def test_package_import_stays_light() -> None:
    code = "import sys, sop_helpers; print('sphinx' in sys.modules, 'ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
