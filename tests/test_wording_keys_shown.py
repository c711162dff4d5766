"""No page shows a wording key instead of its words (a reviewer saw "level.next" and "met.none").

The page scripts say every Thai text through ``SopCore.say(key)``, which shows the key itself when
the page carries no wording table with that key. A page whose checklist comes from a notebook
cell's output (the Jupyter self-check page) once had the form but not the table, so its
summary lines read "ระดับที่ได้: ๐ จาก ๕ level.next". This test reads every page as a reader sees
it, after the scripts ran, and once more after ticking the first box of every form.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sop_helpers.wording import TEXTS

from .conftest import site_pages

# keys with a dot ("level.next"); a key of one word ("rows") reads as an English word in code
DOTTED = sorted((k for k in TEXTS if "." in k), key=len, reverse=True)
KEY = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(k) for k in DOTTED) + r")(?![\w.])")


def keys_in(text: str) -> list[str]:
    """The wording keys a text shows as they are."""
    return KEY.findall(text)


def test_keys_in_finds_a_key_and_not_words() -> None:
    assert keys_in("ระดับที่ได้: ๐ จาก ๕ level.next") == ["level.next"]
    assert keys_in("ระดับที่ได้: ๐ จาก ๕ ระดับถัดไป") == []
    assert keys_in("sop-handbook.pdf") == []


def _shown(page: Any) -> str:
    return page.evaluate("() => document.body.innerText")


def test_no_page_shows_a_wording_key(site_dir: Path, site_url: str, page: Any) -> None:
    problems = []
    for rel in site_pages(site_dir):
        page.goto(site_url + rel, wait_until="load")
        page.wait_for_function("() => document.readyState === 'complete'")
        for key in keys_in(_shown(page)):
            problems.append(f"{rel}: {key}")
        boxes = page.locator("form input[type=checkbox]:visible, form input[type=radio]:visible")
        if boxes.count():
            page.on("dialog", lambda d: d.accept())
            boxes.first.check()
            for key in keys_in(_shown(page)):
                problems.append(f"{rel} (after a tick): {key}")
    assert not problems, "\n".join(sorted(set(problems)))
