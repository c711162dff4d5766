"""Where the data folders are: an environment variable, else the nearest match upwards, else the
copy the installed package carries (a wheel maps ``book/data`` and ``checklists`` into it)."""

from __future__ import annotations

import os
from pathlib import Path

from ._errors import DataError

#: Repository folder -> the package folder a wheel holds it in (pyproject.toml maps them).
PACKAGED = {"book/data": "_data", "checklists": "_checklists"}


def packaged_folder(relative: str) -> Path | None:
    """The copy of ``relative`` (e.g. ``book/data/procedures``) inside the installed package."""
    here = Path(__file__).resolve().parent
    for prefix, name in PACKAGED.items():
        if relative == prefix or relative.startswith(prefix + "/"):
            return here.joinpath(name, *Path(relative[len(prefix) :].lstrip("/")).parts)
    return None


def find_folder(
    env_var: str,
    relative: str,
    error: type[DataError],
    start: str | Path | None = None,
    *,
    marker: str = "",
) -> Path:
    """``$env_var``, else ``relative`` (e.g. ``book/data``) in ``start``/cwd or a parent of it,
    else the package's own copy (a notebook run from any folder on a PC without the repository).

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
    packaged = packaged_folder(relative)
    if packaged is not None and (packaged / marker).is_dir():
        return packaged
    raise error(f"ไม่พบโฟลเดอร์ {relative} (กำหนดได้ด้วย {env_var})")


def data_folder(error: type[DataError], start: str | Path | None = None) -> Path:
    """The package's and the notebooks' data folder: ``$SOP_DATA_DIR``, else ``book/data``
    (with ``rates/``) in ``start``/cwd or a parent of it, else the package's copy.

    (A site's build reads its own project's ``<source>/data`` instead:
    :mod:`sop_helpers.sphinx_ext.handbook_data`.)
    """
    return find_folder("SOP_DATA_DIR", "book/data", error, start, marker="rates")


def results_folder(start: str | Path | None = None) -> Path:
    """Where a notebook saves a person's results files (never inside ``book/``).

    ``$SOP_RESULTS_DIR``, else ``my-notebooks/`` of the handbook's repository when ``start``
    (default: the current folder) is inside it (git ignores that folder), else ``start`` itself:
    a notebook downloaded from the site saves beside itself.
    """
    env = os.environ.get("SOP_RESULTS_DIR")
    if env:
        return Path(env).expanduser()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "book").is_dir() and (folder / "jupytext.toml").is_file():
            return folder / "my-notebooks"
    return here
