"""The quiz key names the right options in the order they are shown: "ก, ค, ง", never "ง, ก, ค"
(a reviewer read "คำตอบ: ง, ก, ค" under a multi-answer question after sending)."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import site_pages

LETTERS = "กขคงจฉชซฌญ"
KEY = re.compile(r"<p>คำตอบ: ([^<]*)</p>")


def test_every_key_on_the_site_is_in_option_order(site_dir: Path) -> None:
    keys = []
    for rel in site_pages(site_dir):
        for found in KEY.findall((site_dir / rel).read_text("utf-8")):
            letters = [x.strip() for x in found.split(",")]
            keys.append((rel, letters))
    assert any(len(letters) > 1 for _, letters in keys), "no multi-answer key found on the site"
    wrong = [(rel, ls) for rel, ls in keys if ls != sorted(ls, key=LETTERS.index)]
    assert not wrong, wrong
