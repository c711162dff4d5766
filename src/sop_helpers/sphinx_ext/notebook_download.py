"""A "ดาวน์โหลดโน้ตบุ๊ก" link on every notebook page, and no widget state in the site's HTML.

Each MyST text notebook (a page MyST-NB reads as a notebook) gets, as it is read, a Jupyter
notebook (``.ipynb``) made from its source with jupytext: no outputs, a first Markdown cell that
says how to run it (packages, ``SOP_DATA_DIR``, where results are saved: decision 11), and its
Markdown made plain enough for any Jupyter (roles as text, ``{glue}`` as the value the build
computed, admonitions as quotes). The file is written under the build folder (``_build/notebooks``,
never into the repository) and linked with a ``download_reference`` node, so Sphinx copies it to
``_downloads/`` itself.

MyST-NB writes the saved widget state of a page into its HTML (hundreds of KB on the self-check
page) although the site never uses it (its widgets show their static ``text/html`` view): it is
dropped here too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

from sop_helpers._files import write_text_atomic

LINK_TEXT = "ดาวน์โหลดโน้ตบุ๊ก"
LINK_CLASS = "sop-notebook-download"

# How to run the notebook: commands, environment variables and settings (decision 11).
SETUP_CELL = """\
**โน้ตบุ๊กจากคู่มือการปฏิบัติงาน กลุ่มนโยบายและแผน สพป.พะเยา เขต ๒** หน้า "{title}"
(ทบทวนล่าสุด {reviewed})

วิธีเปิดใช้งาน

- ในโฟลเดอร์ของคู่มือ (repository): `bash scripts/lab.sh` แล้วเปิดที่อยู่ที่พิมพ์ออกมา
  หน้าในโฟลเดอร์ `book/` ดับเบิลคลิกเปิดเป็นโน้ตบุ๊กได้เลย
- ในเครื่องที่ไม่มีโฟลเดอร์ของคู่มือ: ติดตั้ง Python 3.11 ขึ้นไป แล้วติดตั้งแพ็กเกจของคู่มือ
  (ไฟล์ wheel ที่ผู้ดูแลสร้างด้วย `pip wheel --no-deps -w dist .`) พร้อม JupyterLab
  `pip install "sop_helpers-{version}-py3-none-any.whl[widgets]" jupyterlab jupyterlab-myst`
  แพ็กเกจมีข้อมูลของคู่มือ (อัตรา ข้อมูลกระบวนงาน ข้อมูลตัวอย่าง แบบตรวจสอบ) มาด้วย
  โน้ตบุ๊กนี้จึงทำงานได้จากโฟลเดอร์ใดก็ได้
- ใช้ข้อมูลชุดอื่น: ตั้งตัวแปร `SOP_DATA_DIR` เป็นโฟลเดอร์ที่มีโครงสร้างแบบ `book/data`
  (มี `rates/`, `procedures/`, `sample/`) และ `SOP_CHECKLISTS_DIR` เป็นโฟลเดอร์แบบตรวจสอบ
  เช่น `SOP_DATA_DIR=/home/me/data jupyter lab`
- ไฟล์ผลการประเมินบันทึกในโฟลเดอร์ `my-notebooks/` ของคู่มือ หรือโฟลเดอร์ที่เปิดโน้ตบุ๊กนี้
  (เปลี่ยนได้ด้วย `SOP_RESULTS_DIR`)

เลือก Run > Run All Cells เพื่อคำนวณใหม่ ตัวเลขในข้อความคือผลที่คำนวณตอนสร้างเว็บไซต์
"""

ADMONITION_TITLES = {
    "note": "หมายเหตุ",
    "tip": "เคล็ดลับ",
    "important": "สำคัญ",
    "warning": "คำเตือน",
    "caution": "ข้อควรระวัง",
    "attention": "โปรดสังเกต",
    "seealso": "ดูเพิ่ม",
}

_ROLE = re.compile(r"\{(?P<role>[a-z:-]+)\}`(?P<body>[^`]*)`")
_TARGET = re.compile(r"^\((?P<label>[^)\s]+)\)=\s*$")
_FENCE_OPEN = re.compile(r"^(?P<fence>:{3,}|`{3,})\{(?P<name>[a-z-]+)\}\s*(?P<title>.*)$")
_OPTION = re.compile(r"^:[a-z-]+:")


def plain_markdown(text: str, glue: dict[str, str]) -> str:
    """MyST Markdown as plain Markdown: what any Jupyter shows as the site does.

    ``{glue}`key``` becomes the glued value, other roles their text, ``(label)=`` targets go,
    and ``:::{admonition} title`` (or ``{note}`` …) blocks become quotes with a bold title.
    """
    out: list[str] = []
    quote: str | None = None  # the closing fence while inside an admonition
    for line in text.splitlines():
        if quote is not None:
            if line.strip() == quote:
                quote = None
                continue
            if _OPTION.match(line):
                continue
            out.append(("> " + _roles(line, glue)).rstrip())
            continue
        if _TARGET.match(line):
            continue
        opened = _FENCE_OPEN.match(line)
        if opened and (opened["name"] == "admonition" or opened["name"] in ADMONITION_TITLES):
            title = opened["title"].strip() or ADMONITION_TITLES.get(opened["name"], "")
            quote = opened["fence"]
            out.append(f"> **{_roles(title, glue)}**" if title else ">")
            out.append(">")
            continue
        out.append(_roles(line, glue))
    return "\n".join(out).strip("\n")


def _roles(line: str, glue: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        role, body = match["role"], match["body"]
        if role.startswith("glue"):
            return glue.get(body.strip(), body)
        labelled = re.fullmatch(r"(?s)(?P<text>.*?)\s*<(?P<target>[^<>]+)>", body)
        if labelled and labelled["text"]:
            return labelled["text"]
        return body.strip().rsplit("/", 1)[-1]

    return _ROLE.sub(replace, line)


def page_notebook(
    source: Path, *, title: str, glue: dict[str, str], version: str
) -> dict[str, Any]:
    """The downloadable notebook of one page, as nbformat JSON (a dict)."""
    import jupytext  # type: ignore[import-untyped]  # only builds of notebook pages need it

    notebook = jupytext.read(source)
    reviewed = str(notebook.metadata.get("last_reviewed", "-"))
    metadata = {
        "kernelspec": notebook.metadata.get("kernelspec", {}),
        "language_info": {"name": "python"},
    }
    cells: list[dict[str, Any]] = [
        _markdown_cell(SETUP_CELL.format(title=title, reviewed=reviewed, version=version))
    ]
    for cell in notebook.cells:
        source_text = cell.source
        if cell.cell_type == "markdown":
            source_text = plain_markdown(source_text, glue)
            if not source_text:
                continue
            cells.append(_markdown_cell(source_text))
        elif cell.cell_type == "code":
            tags = cell.metadata.get("tags", [])
            cells.append(
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "metadata": {"tags": tags} if tags else {},
                    "outputs": [],
                    "source": source_text,
                }
            )
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"
    return {"cells": cells, "metadata": metadata, "nbformat": 4, "nbformat_minor": 5}


def _markdown_cell(text: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def notebook_path(app: Sphinx, docname: str) -> Path:
    """Where the build keeps a page's notebook (beside the doctrees, outside the sources)."""
    return Path(app.doctreedir).parent / "notebooks" / f"{docname}.ipynb"


def _glue_values(app: Sphinx, docname: str) -> dict[str, str]:
    """The glued values of a page as the site shows them (MyST-NB's ``.glue.json``)."""
    folder = getattr(app.env, "mystnb_config", None)
    if folder is None:
        return {}
    *parents, name = docname.split("/")
    path = Path(folder.output_folder).joinpath(*parents, f"{name}.glue.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: str(value["data"].get("text/plain", "")).strip("'") for key, value in data.items()}


def _doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    # MyST-NB saves a notebook page's widget state for its HTML; the site never uses it.
    js_files = getattr(env, "nb_metadata", {}).get(docname, {}).get("js_files", {})
    js_files.pop("ipywidgets_state", None)
    if not env.metadata.get(docname, {}).get("kernelspec"):
        return  # not a notebook page
    from sop_helpers import __version__

    first_title = next(iter(doctree.findall(nodes.title)), None)
    title = first_title.astext() if first_title is not None else docname
    notebook = page_notebook(
        Path(env.doc2path(docname)),
        title=title,
        glue=_glue_values(app, docname),
        version=__version__,
    )
    target = notebook_path(app, docname)
    content = json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"
    # Written only when it changed: the page depends on it, and a new mtime would re-read it.
    if not target.is_file() or target.read_text(encoding="utf-8") != content:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, content)
    link = addnodes.download_reference(
        "",
        "",
        nodes.inline("", LINK_TEXT),
        reftarget="/" + Path(_relative(target, Path(app.srcdir))).as_posix(),
        refdoc=docname,
        refexplicit=True,
        reftype="download",
        refdomain="",
    )
    paragraph = nodes.paragraph("", "", link, classes=[LINK_CLASS])
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        doctree.insert(0, paragraph)
    else:
        titles = [i for i, child in enumerate(section.children) if isinstance(child, nodes.title)]
        section.insert(titles[0] + 1 if titles else 0, paragraph)


def _relative(path: Path, start: Path) -> str:
    import os

    return os.path.relpath(path, start)


def setup(app: Sphinx) -> None:
    # Before Sphinx's own download collector (priority 500) sees the page's download nodes.
    app.connect("doctree-read", _doctree_read, priority=400)
