"""Pages built by a builder other than HTML (text, man) show each of the extension's nodes as
its plain fallback, or leave it out: no node is registered for some builders and forgotten for
others (``sphinx_ext/html_nodes.py``), so such a build finishes with no warning."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sop_helpers.procedures import load_procedures

from .fixture_project import BOOK_DATA, _env, handbook_pages, make_project

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "index": "# หน้าแรก\n",
    "self-check/director": "# แบบตรวจสอบ\n\n```{checklist} director-steps\n```\n",
    "self-check/progress": "# ความคืบหน้าของฉัน\n\n```{checklist-progress}\n```\n",
    "team/index": "# มุมมองทีม\n\n```{team-view}\n```\n",
    "year": "# ปีงบประมาณ\n\n```{fiscal-months}\n```\n",
    "calc": "# เครื่องคำนวณ\n\n```{calculator} school-size\n```\n",
}


@pytest.mark.parametrize("builder", ["text", "man"])
def test_other_builders_show_each_node_plainly(tmp_path: Path, builder: str) -> None:
    src = make_project(tmp_path, {**PAGES, **handbook_pages()})
    out = tmp_path / builder
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", builder, str(src), str(out)]
    env = _env(src, ROOT / "checklists")
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    if builder != "text":
        return
    director = load_procedures(BOOK_DATA / "procedures")["director"]
    page = (out / "procedures" / "director.txt").read_text("utf-8")
    # the flowchart's text fallback: one line per step
    assert all(f"ขั้นตอนที่ {s.number}" in page or s.text[:20] in page for s in director.steps)
    checklist = (out / "self-check" / "director.txt").read_text("utf-8")
    assert director.steps[0].text[:20] in checklist  # the checklist's plain list of items
