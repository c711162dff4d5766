"""Files the package and the build write are readable as a plain write would leave them.

The atomic writes go through ``mkstemp``, which makes a private file (mode 0600): a web server
running as another user could not read the search index, the calendars or the stylesheet
bundle of a site built that way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sop_helpers._files import write_text_atomic


def test_an_atomic_write_gets_the_mode_of_a_plain_write(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        plain = tmp_path / "plain.txt"
        plain.write_text("ก", "utf-8")
        atomic = write_text_atomic(tmp_path / "atomic.txt", "ก")
    finally:
        os.umask(old)
    assert stat.S_IMODE(atomic.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode) == 0o644


def test_every_file_of_the_built_site_is_readable_by_others(site_dir: Path) -> None:
    private = [
        str(p.relative_to(site_dir))
        for p in site_dir.rglob("*")
        if p.is_file() and not p.stat().st_mode & stat.S_IROTH
    ]
    assert not private, private[:20]
