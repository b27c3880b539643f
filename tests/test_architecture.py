"""The dependency rule: the domain imports only the standard library and itself."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import crosstrack.domain

DOMAIN = Path(crosstrack.domain.__file__).parent


def _imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_domain_imports_only_the_standard_library_and_itself() -> None:
    offenders = []
    for path in sorted(DOMAIN.rglob("*.py")):
        for name in _imported_top_levels(path):
            top = name.split(".")[0]
            if name.startswith("crosstrack.domain") or name == "crosstrack.domain":
                continue
            if top in sys.stdlib_module_names or top == "__future__":
                continue
            offenders.append(f"{path.relative_to(DOMAIN)} imports {name}")
    assert offenders == []


def test_the_rule_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import sqlalchemy\nfrom crosstrack.storage import x\nimport json\n")
    assert _imported_top_levels(bad) == {"sqlalchemy", "crosstrack.storage", "json"}
