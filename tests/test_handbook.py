"""Errors are placed one way (file:line: /pointer: message), and load_handbook checks the
references between files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sop_helpers._errors import DataError
from sop_helpers.glossary import GlossaryError, load_glossary
from sop_helpers.handbook import load_handbook

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "book" / "data"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("sample"))
    return folder


def test_the_handbook_loads_whole() -> None:
    handbook = load_handbook(DATA, ROOT / "checklists")
    assert set(handbook.procedures) == {p.stem for p in (DATA / "procedures").glob("*.yml")}
    assert len(handbook.checklists) == len(list((ROOT / "checklists").glob("*.yml")))
    assert handbook.glossary and handbook.errata and handbook.rates
    assert all(path.is_file() for path in handbook.files())


def test_a_duplicate_glossary_term_is_reported_at_its_own_line(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yml"
    path.write_text(
        "- term: ก.\n  meaning: หนึ่ง\n- term: ข.\n  meaning: สอง\n- term: ก.\n  meaning: ซ้ำ\n",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert (caught.value.line, caught.value.pointer) == (5, "/2/term")
    assert str(caught.value).startswith(f"{path}:5: /2/term: คำ 'ก.' ซ้ำกับรายการที่ 1")


def _edit_procedure(data: Path, pid: str, edit: object) -> Path:
    path = data / "procedures" / f"{pid}.yml"
    procedure = yaml.safe_load(path.read_text("utf-8"))
    edit(procedure)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(procedure, allow_unicode=True, sort_keys=False), "utf-8")
    return path


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_an_unknown_glossary_term_names_the_procedure_file_and_line(data: Path) -> None:
    path = _edit_procedure(
        data, "action-plan", lambda p: p["definitions"].append("คำที่ไม่มีในอภิธานศัพท์")
    )
    with pytest.raises(DataError) as caught:
        load_handbook(data, ROOT / "checklists")
    error = caught.value
    assert error.source == str(path) and error.pointer.startswith("/definitions/")
    assert error.line == _line_of(path, "คำที่ไม่มีในอภิธานศัพท์")
    assert "glossary.yml" in error.message


def test_an_unknown_erratum_names_the_step(data: Path) -> None:
    path = _edit_procedure(data, "director", lambda p: p["steps"][0].update(errata=["E99"]))
    with pytest.raises(DataError) as caught:
        load_handbook(data, ROOT / "checklists")
    assert caught.value.pointer == "/steps/0/errata/0"
    assert caught.value.line == _line_of(path, "E99")
    assert str(caught.value).startswith(f"{path}:{caught.value.line}: /steps/0/errata/0: ")


def test_the_command_line_checks_the_handbook(data: Path) -> None:
    def run(folder: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sop_helpers", "check", "--data", str(folder),
             "--checklists", str(ROOT / "checklists")],
            capture_output=True, text=True, check=False,
        )  # fmt: skip

    good = run(DATA)
    assert good.returncode == 0 and "ข้อมูลถูกต้อง" in good.stdout, good.stderr
    _edit_procedure(data, "director", lambda p: p["steps"][0].update(errata=["E99"]))
    bad = run(data)
    assert bad.returncode == 1 and "director.yml:" in bad.stderr and "E99" in bad.stderr
