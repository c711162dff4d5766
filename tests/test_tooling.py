"""Project tooling checks that need no build: the workflow validates, the docs list the values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sop_helpers.sphinx_ext.config import OPTIONS

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_github_workflow_matches_schema() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, workflows),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_lists_every_value_the_office_must_set() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [o.name for o in OPTIONS if o.office_must_set and f"`{o.name}`" not in readme]
    assert not missing, f"README.md does not list {missing}"


def test_config_sets_every_office_value_visibly() -> None:
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    missing = [o.name for o in OPTIONS if o.office_must_set and f"{o.name}:" not in config]
    assert not missing, f"_config.yml does not name {missing}"


def test_contributing_lists_every_script() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    scripts = sorted(p.name for p in (ROOT / "scripts").iterdir() if p.suffix in (".sh", ".py"))
    missing = [name for name in scripts if name not in contributing]
    assert not missing, f"CONTRIBUTING.md does not mention {missing}"
