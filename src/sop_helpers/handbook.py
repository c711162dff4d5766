"""The whole handbook's data in one pure load: procedures, checklists, glossary, errata, rates.

:func:`load_handbook` reads every data file (each error names ``file:line: /pointer``) and then
checks the references between files that no single file can check: a procedure's
``definitions`` must be glossary terms, the errata a step or standard cites must exist. The
Sphinx extension, the command line (``python -m sop_helpers check``) and the notebooks use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ._errors import DataError, ProcedureError
from ._validate import error_at
from ._yaml import JsonPath, load_yaml
from .checklists import Checklist, checklists_dir, load_checklists
from .errata import Erratum, load_errata
from .glossary import Term, load_glossary
from .procedures import Procedure, load_procedures, procedures_dir
from .rates import OfficeFile, RateFile, data_dir, load_office, load_rates


@dataclass(frozen=True)
class Handbook:
    """Everything the handbook's data holds, validated and cross-checked."""

    procedures: Mapping[str, Procedure]
    checklists: Mapping[str, Checklist]
    glossary: Mapping[str, Term]
    errata: tuple[Erratum, ...]
    rates: Mapping[str, RateFile]
    office: OfficeFile
    data_dir: Path
    checklists_dir: Path
    procedures_dir: Path

    def files(self) -> list[Path]:
        """Every data file the handbook was read from (for build dependencies)."""
        folders = (self.procedures_dir, self.data_dir / "rates", self.checklists_dir)
        found = [p for folder in folders for p in sorted(folder.glob("*.yml"))]
        return found + [self.data_dir / n for n in ("glossary.yml", "errata.yml", "office.yml")]


def reference_errors(
    procedures: Mapping[str, Procedure],
    glossary: Mapping[str, Term],
    errata: tuple[Erratum, ...],
    folder: Path,
) -> list[DataError]:
    """Every reference from a procedure to the glossary or the errata that does not resolve.

    Each error is placed at the reference itself (``procedures/x.yml:23: /definitions/2``).
    """
    known = {e.id for e in errata}
    found: list[DataError] = []
    for procedure in procedures.values():
        wrong: list[tuple[JsonPath, str]] = [
            (("definitions", i), f"คำ '{term}' ไม่มีใน glossary.yml")
            for i, term in enumerate(procedure.definitions)
            if term not in glossary
        ]
        cited: list[tuple[str, int, tuple[str, ...]]] = [
            ("steps", i, step.errata) for i, step in enumerate(procedure.steps)
        ] + [("standards", i, standard.errata) for i, standard in enumerate(procedure.standards)]
        wrong += [
            ((group, i, "errata", j), f"ไม่มีข้อแก้ไข '{ref}' ใน errata.yml")
            for group, i, refs in cited
            for j, ref in enumerate(refs)
            if ref not in known
        ]
        if wrong:
            located = load_yaml(folder / f"{procedure.id}.yml", ProcedureError)
            found += [error_at(ProcedureError, located, path, text) for path, text in wrong]
    return found


def load_handbook(data: str | Path | None = None, checklists: str | Path | None = None) -> Handbook:
    """Read and check all of the handbook's data; raise the first :class:`DataError` found.

    ``data`` defaults to :func:`sop_helpers.rates.data_dir` (``$SOP_DATA_DIR`` or ``book/data``)
    and its procedures to :func:`sop_helpers.procedures.procedures_dir` (``$SOP_PROCEDURES_DIR``
    or ``procedures/`` of that folder), as every loader of the package finds them; a given
    ``data`` folder is read whole (``data/procedures``). ``checklists`` defaults to
    :func:`sop_helpers.checklists.checklists_dir`.
    """
    folder = Path(data) if data is not None else data_dir()
    procedures_folder = folder / "procedures" if data is not None else procedures_dir()
    checklist_folder = Path(checklists) if checklists is not None else checklists_dir()
    procedures = dict(load_procedures(procedures_folder))
    glossary = load_glossary(folder / "glossary.yml")
    errata = load_errata(folder / "errata.yml")
    problems = reference_errors(procedures, glossary, errata, procedures_folder)
    if problems:
        raise problems[0]
    return Handbook(
        procedures=procedures,
        checklists=load_checklists(checklist_folder, procedures),
        glossary=glossary,
        errata=errata,
        rates={p.stem: load_rates(p) for p in sorted((folder / "rates").glob("*.yml"))},
        office=load_office(folder / "office.yml"),
        data_dir=folder,
        checklists_dir=checklist_folder,
        procedures_dir=procedures_folder,
    )
