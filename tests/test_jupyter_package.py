"""Notebooks from the website run anywhere the package is installed: the wheel carries the data,
each notebook page links its .ipynb, and a downloaded .ipynb executes in an empty folder."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from sop_helpers._paths import results_folder

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOK_PAGES = sorted(
    p.relative_to(ROOT / "book").with_suffix("").as_posix()
    for p in (ROOT / "book").rglob("*.md")
    if not {"_build", ".ipynb_checkpoints"} & set(p.parts)
    and "```{code-cell}" in p.read_text(encoding="utf-8")
)


def test_pyproject_lists_every_subpackage_and_data_folder() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    src = ROOT / "src"
    code = {
        ".".join(p.parent.relative_to(src).parts)
        for p in (src / "sop_helpers").rglob("__init__.py")
    }
    data = {
        ".".join(("sop_helpers._data", *p.relative_to(ROOT / "book" / "data").parts)).rstrip(".")
        for p in [ROOT / "book" / "data", *(ROOT / "book" / "data").rglob("*")]
        if p.is_dir()
    }
    assert listed == code | data | {"sop_helpers._checklists"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built as a wheel and unpacked (as pip would install it)."""
    out = tmp_path_factory.mktemp("wheel")
    # Built from a clean copy: setuptools leaves a build/ folder whose stale files a later
    # wheel would pick up.
    project = out / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, project / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("src", "checklists", "book/data"):
        shutil.copytree(ROOT / name, project / name, ignore=ignore)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(project),
        ],
        check=True,
        capture_output=True,
        cwd=out,
    )
    (built,) = out.glob("sop_helpers-*.whl")
    target = out / "site"
    with zipfile.ZipFile(built) as archive:
        archive.extractall(target)
    return target


def test_the_wheel_carries_the_data_and_the_checklists(wheel: Path) -> None:
    data = wheel / "sop_helpers" / "_data"
    assert (data / "rates" / "per_student.yml").is_file()
    assert (data / "sample" / "students.csv").is_file()
    assert (data / "procedures" / "director.yml").is_file()
    assert (wheel / "sop_helpers" / "_checklists" / "director-standards.yml").is_file()


def test_an_installed_package_renders_from_its_own_templates(wheel: Path, tmp_path: Path) -> None:
    code = (
        "from sop_helpers.checklist_html import render_checklist;"
        "from sop_helpers.checklists import checklists_dir, load_checklists;"
        "from sop_helpers.procedures import load_procedures, procedures_dir;"
        "import sop_helpers.render as r; print(r.TEMPLATES);"
        "c = load_checklists(checklists_dir(), load_procedures(procedures_dir()));"
        "print(render_checklist(c['director-steps'])[:40])"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOP_")}
    env["PYTHONPATH"] = str(wheel)
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == [
        str(wheel / "sop_helpers" / "templates"),
        '<form class="sop-checklist" id="cl-direc',
    ]


def test_an_installed_package_finds_its_own_data_from_any_folder(
    wheel: Path, tmp_path: Path
) -> None:
    code = (
        "from sop_helpers.rates import data_dir; from sop_helpers.checklists import checklists_dir;"
        "from sop_helpers.procedures import procedures_dir;"
        "print(data_dir()); print(checklists_dir()); print(procedures_dir())"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOP_")}
    env["PYTHONPATH"] = str(wheel)

    def folders() -> list[str]:
        run = [sys.executable, "-c", code]
        found = subprocess.run(
            run, cwd=tmp_path, env=env, capture_output=True, text=True, check=True
        )
        return found.stdout.split()

    package = wheel / "sop_helpers"
    assert folders() == [
        str(package / "_data"),
        str(package / "_checklists"),
        str(package / "_data" / "procedures"),
    ]
    env["SOP_DATA_DIR"] = str(tmp_path)
    assert folders()[0] == str(tmp_path)


def test_results_go_to_my_notebooks_in_the_repository_else_beside_the_notebook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOP_RESULTS_DIR", raising=False)
    assert results_folder(ROOT / "book" / "self-check") == ROOT / "my-notebooks"
    assert results_folder(tmp_path) == tmp_path
    monkeypatch.setenv("SOP_RESULTS_DIR", str(tmp_path / "mine"))
    assert results_folder(ROOT / "book") == tmp_path / "mine"


def _downloads(site_dir: Path, page: str) -> tuple[str, Path]:
    html = (site_dir / f"{page}.html").read_text(encoding="utf-8")
    match = re.search(
        r'<p class="sop-notebook-download"><a class="reference download internal" download="" '
        r'href="([^"]+\.ipynb)"><span>ดาวน์โหลดโน้ตบุ๊ก</span></a></p>',
        html,
    )
    assert match, f"{page}.html has no ดาวน์โหลดโน้ตบุ๊ก link"
    return html, (site_dir / page).parent / match[1]


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_every_notebook_page_links_its_notebook(site_dir: Path, page: str) -> None:
    html, target = _downloads(site_dir, page)
    assert target.name == f"{page.rsplit('/', 1)[-1]}.ipynb"
    notebook = json.loads(target.read_text(encoding="utf-8"))
    first = notebook["cells"][0]
    assert first["cell_type"] == "markdown"
    for needed in ("bash scripts/lab.sh", "SOP_DATA_DIR", "pip install", "SOP_RESULTS_DIR"):
        assert needed in first["source"], f"first cell of {target.name} lacks {needed}"
    markdown = "\n".join(c["source"] for c in notebook["cells"] if c["cell_type"] == "markdown")
    assert "{glue}" not in markdown and ":::{" not in markdown and "{doc}" not in markdown
    assert all(not c.get("outputs") for c in notebook["cells"] if c["cell_type"] == "code")
    assert "application/vnd.jupyter.widget-state+json" not in html


def test_no_page_carries_widget_state(site_dir: Path) -> None:
    page = site_dir / "self-check" / "jupyter.html"
    assert "widget-state" not in page.read_text(encoding="utf-8")
    assert page.stat().st_size < 150_000


def test_glued_numbers_are_in_the_downloaded_prose(site_dir: Path) -> None:
    _, target = _downloads(site_dir, "examples/budget-analysis-per-student-subsidy")
    glue = json.loads(
        (
            site_dir.parent
            / "jupyter_execute"
            / "examples"
            / "budget-analysis-per-student-subsidy.glue.json"
        ).read_text(encoding="utf-8")
    )
    total = glue["school_total"]["data"]["text/plain"].strip("'")
    markdown = "\n".join(
        c["source"]
        for c in json.loads(target.read_text(encoding="utf-8"))["cells"]
        if c["cell_type"] == "markdown"
    )
    assert f"**{total} บาท**" in markdown


@pytest.mark.parametrize(
    "page", ["examples/budget-analysis-per-student-subsidy", "self-check/jupyter"]
)
def test_a_downloaded_notebook_runs_in_an_empty_folder(
    site_dir: Path, wheel: Path, tmp_path: Path, page: str
) -> None:
    _, target = _downloads(site_dir, page)
    folder = tmp_path / "downloads"
    folder.mkdir()
    notebook = folder / target.name
    notebook.write_bytes(target.read_bytes())
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SOP_DATA", "SOP_CHECKLISTS", "SOP_PROCEDURES", "SOP_RESULTS"))
    }
    env["PYTHONPATH"] = str(wheel)  # the installed wheel, not the repository's sources
    result = subprocess.run(
        [
            str(BIN / "jupyter"),
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            "--ExecutePreprocessor.timeout=300",
            "--output",
            "ran.ipynb",
            str(notebook),
        ],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    ran = json.loads((folder / "ran.ipynb").read_text(encoding="utf-8"))
    errors = [o for c in ran["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
    assert not errors
    code = [c for c in ran["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in code)
