"""Where the data folders are: an environment variable, else the nearest match upwards."""

from __future__ import annotations

import os
from pathlib import Path

from ._errors import DataError


def find_folder(
    env_var: str,
    relative: str,
    error: type[DataError],
    start: str | Path | None = None,
    *,
    marker: str = "",
) -> Path:
    """``$env_var``, else ``relative`` (e.g. ``book/data``) in ``start``/cwd or a parent of it.

    A start inside the first part of ``relative`` works too (a notebook runs in ``book/...``).
    With ``marker``, a candidate counts only if it holds that sub-folder.
    """
    env = os.environ.get(env_var)
    if env:
        return Path(env)
    parts = Path(relative).parts
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidates = [folder.joinpath(*parts)]
        if len(parts) > 1 and folder.name == parts[0]:
            candidates.append(folder.joinpath(*parts[1:]))
        for candidate in candidates:
            if (candidate / marker).is_dir():
                return candidate
    raise error(f"ไม่พบโฟลเดอร์ {relative} (กำหนดได้ด้วย {env_var})")
