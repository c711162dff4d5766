"""A small Sphinx project with the handbook's extension and a copy of its data, for build tests.

``make_project`` writes ``conf.py``, the pages and ``data/`` (the book's data, or procedures
given by the test); ``build`` runs Sphinx on it strictly (warnings are errors) and returns the
process with its output, so a test can also see what was re-read. ``jupyter_book`` builds the
same project as ``scripts/jb-build.sh`` builds the handbook (Jupyter Book 1, notebooks executed
with the cache, ``-W --keep-going``); ``notebook_page`` gives a page the notebook pages' header.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
BOOK_DATA = ROOT / "book" / "data"
CONF = (
    'extensions = ["myst_parser", "sop_helpers.sphinx_ext"]\nlanguage = "th"\n'
    'exclude_patterns = ["data"]\n'
)
REVIEWED = "---\nlast_reviewed: 2569-11-28\n---\n"
# The front matter of the book's notebook pages (CONTRIBUTING.md), last_reviewed included.
FILTER = "kernelspec,jupytext,last_reviewed,-jupytext.text_representation.jupytext_version"
NOTEBOOK_HEADER = f"""---
jupytext:
  notebook_metadata_filter: {FILTER}
  text_representation:
    extension: .md
    format_name: myst
    format_version: 0.13
kernelspec:
  name: python3
  display_name: Python 3 (ipykernel)
  language: python
last_reviewed: '2569-11-28'
---
"""
JB_CONFIG = """title: fixture
exclude_patterns: [data, _build]
execute:
  execute_notebooks: cache
  raise_on_error: true
sphinx:
  extra_extensions: [sop_helpers.sphinx_ext]
  config:
    language: th
"""


def notebook_page(body: str) -> str:
    """A MyST text notebook page (``make_project`` keeps a page's own front matter)."""
    return NOTEBOOK_HEADER + body


def handbook_pages(procedures: dict[str, dict[str, Any]] | None = None) -> dict[str, str]:
    """The pages a procedure page links to: one page per procedure, errata, glossary, changelog,
    worklist.

    ``procedures`` (id -> data, as ``make_project`` takes them) defaults to the book's own.
    Each procedure page is written as README.md says: its title as heading, then the block.
    """
    if procedures is None:
        procedures = {
            p.stem: yaml.safe_load(p.read_text("utf-8"))
            for p in sorted((BOOK_DATA / "procedures").glob("*.yml"))
        }
    pages = {
        f"procedures/{pid}": f"# {data['title']}\n\n```{{sop-procedure}} {pid}\n```\n"
        for pid, data in procedures.items()
    }
    pages["errata"] = "# รายการแก้ไขข้อความ\n\n```{sop-errata}\n```\n"
    pages["glossary"] = "# อภิธานศัพท์\n\n```{sop-glossary}\n```\n"
    pages["changelog"] = "# บันทึกการเปลี่ยนแปลง\n\nยังไม่มี\n"
    pages["worklist"] = "# รายการที่รอสำนักงานยืนยัน\n\n```{sop-worklist}\n```\n"
    return pages


def make_project(
    root: Path,
    pages: dict[str, str],
    conf: str = "",
    procedures: dict[str, dict[str, Any]] | None = None,
) -> Path:
    """A project under ``root/src``; ``pages`` maps docname -> MyST text (front matter added)."""
    src = root / "src"
    data = src / "data"
    shutil.copytree(BOOK_DATA, data, ignore=shutil.ignore_patterns("sample", "*.csv", "*.xlsx"))
    if procedures is not None:
        shutil.rmtree(data / "procedures")
        (data / "procedures").mkdir()
        for pid, procedure in procedures.items():
            text = yaml.safe_dump(procedure, allow_unicode=True, sort_keys=False)
            (data / "procedures" / f"{pid}.yml").write_text(text, encoding="utf-8")
    (src / "conf.py").write_text(CONF + conf, encoding="utf-8")
    toc = [name for name in pages if name != "index"]
    for name, text in pages.items():
        path = src / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        if name == "index" and toc:
            text += "\n```{toctree}\n:hidden:\n\n" + "\n".join(toc) + "\n```\n"
        own = text.startswith("---\n")
        path.write_text(text if own else REVIEWED + text, encoding="utf-8")
    return src


def _env(src: Path, checklists: Path | None) -> dict[str, str]:
    env = {
        **os.environ,
        "SOP_DATA_DIR": str(src / "data"),
        "SOP_PROCEDURES_DIR": str(src / "data" / "procedures"),
    }
    if checklists is not None:
        env["SOP_CHECKLISTS_DIR"] = str(checklists)
    return env


def build(
    src: Path, out: Path, *, checklists: Path | None = None, jobs: int = 1
) -> subprocess.CompletedProcess[str]:
    """``sphinx-build -W -b html`` (not quiet: the output names the pages it re-read);
    ``jobs`` > 1 reads and writes in parallel (``-j``)."""
    env = _env(src, checklists)
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-j", str(jobs), "-b", "html", str(src), str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def set_conf(src: Path, line: str) -> None:
    """Append a setting to ``conf.py`` (a later assignment wins)."""
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(line + "\n")


def jupyter_book(
    src: Path, out: Path, *, checklists: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``jupyter-book build`` of the project as ``scripts/jb-build.sh`` runs it (``-n -W
    --keep-going``, notebooks executed with the cache); stdout and stderr together, in order.

    Writes ``_config.yml`` and a ``_toc.yml`` of the pages (the index's toctree moves there);
    the site goes to ``out/_build/html``.
    """
    (src / "_config.yml").write_text(JB_CONFIG, encoding="utf-8")
    index = src / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(re.sub(r"\n```\{toctree\}\n.*?\n```\n", "", text, flags=re.DOTALL), "utf-8")
    pages = sorted(p.relative_to(src).with_suffix("").as_posix() for p in src.rglob("*.md"))
    toc = "".join(f"- file: {page}\n" for page in pages if page != "index" and "data/" not in page)
    chapters = f"chapters:\n{toc}" if toc else ""
    (src / "_toc.yml").write_text(f"format: jb-book\nroot: index\n{chapters}", encoding="utf-8")
    jb = Path(sys.executable).parent / "jupyter-book"
    command = [str(jb), "build", str(src), "--path-output", str(out), "-n", "-W", "--keep-going"]
    return subprocess.run(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=_env(src, checklists),
        check=False,
    )
