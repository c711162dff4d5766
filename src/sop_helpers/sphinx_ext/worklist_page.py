"""The worklist page's generated text ("รายการที่รอสำนักงานยืนยัน", marker ``sop-worklist``)."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from sop_helpers.rates import load_office, load_rates
from sop_helpers.worklist import (
    KINDS,
    WorkItem,
    figure_items,
    glossary_items,
    procedure_items,
    setting_items,
)

from .config import OPTIONS
from .handbook_data import data_dir, depend
from .handbook_data import glossary as _glossary
from .handbook_data import procedures as _procedures


def worklist_items(app: Sphinx) -> list[WorkItem]:
    """Every item of the worklist, from the data the build reads."""
    folder = data_dir(app)
    rate_paths = sorted((folder / "rates").glob("*.yml"))
    office_path = folder / "office.yml"
    depend(app, [*rate_paths, office_path])
    files: dict[str, Any] = {f"book/data/rates/{p.name}": load_rates(p).records for p in rate_paths}
    files["book/data/office.yml"] = load_office(office_path).facts
    missing = [
        (o.name, o.placeholder)
        for o in OPTIONS
        if o.office_must_set and not getattr(app.config, o.name)
    ]
    return [
        *procedure_items(_procedures(app)),
        *glossary_items(_glossary(app).values()),
        *figure_items(files),
        *setting_items(missing),
    ]


def render_context(app: Sphinx) -> dict[str, Any]:
    """What the ``worklist.md`` template needs: items grouped by kind, in KINDS' order."""
    items = worklist_items(app)
    groups = [(KINDS[k], [i for i in items if i.kind == k]) for k in KINDS]
    return {
        "groups": [g for g in groups if g[1]],
        "total": len(items),
        "items": items,
        "found": set(app.env.found_docs),
    }
