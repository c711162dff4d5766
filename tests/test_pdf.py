"""The printed handbook: built by scripts/build_pdf.py next to the site, Sarabun embedded."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sop_helpers.procedures import load_procedures

PDF = "sop-handbook.pdf"


@pytest.fixture(scope="module")
def pdf(site_dir: Path) -> Path:
    path = site_dir / PDF
    if not path.is_file():
        pytest.fail(f"{path} is missing: scripts/test.sh and scripts/build.sh build it")
    for tool in ("pdffonts", "pdftotext"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} (poppler-utils) is needed: run scripts/setup.sh test")
    return path


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_sarabun_is_embedded(pdf: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:]]
    sarabun = [row for row in rows if "Sarabun" in row[0]]
    assert sarabun, fonts.stdout
    # columns: name type [type] encoding emb sub uni object ID; "emb" is yes for each
    assert all("yes" in row[-5:-2] for row in sarabun), fonts.stdout


def test_text_of_every_procedure_is_in_the_pdf(pdf: Path) -> None:
    text = _squash(
        subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    missing = []
    for procedure in load_procedures().values():
        for piece in (procedure.title, *(step.text for step in procedure.steps)):
            if _squash(piece) not in text:
                missing.append(f"{procedure.id}: {piece[:40]}")
    assert not missing, missing


def test_pdf_has_bookmarks_and_the_site_links_it(pdf: Path, site_dir: Path) -> None:
    assert b"/Outlines" in pdf.read_bytes()
    index = (site_dir / "index.html").read_text(encoding="utf-8")
    assert f'href="{PDF}"' in index
