"""The layering of docs/architecture.md, enforced: the engine runs without Qt, the window never
talks HTTP, and nothing below the window reaches up into it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "faxdesk"

# (layer, modules it must never import)
RULES = (
    ("api", ("PySide6", "shiboken6", "faxdesk.ui", "faxdesk.core", "faxdesk.cli")),
    ("sandbox", ("PySide6", "shiboken6", "faxdesk.ui", "faxdesk.core", "faxdesk.cli")),
    ("core", ("PySide6", "shiboken6", "faxdesk.ui", "faxdesk.cli")),
    ("webhooks.py", ("PySide6", "shiboken6", "faxdesk.ui", "faxdesk.core", "faxdesk.cli")),
    # Qt's translations (QtCore) serve the command line too; widgets never.
    ("cli", ("PySide6.QtWidgets", "PySide6.QtGui", "shiboken6")),
    ("ui", ("httpx", "werkzeug", "faxdesk.cli")),
)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def files_of(layer: str) -> list[Path]:
    target = PACKAGE / layer
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


def breaches(layer: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in files_of(layer):
        for name in sorted(imported_modules(path)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(PACKAGE.parent)} imports {name}")
    return found


@pytest.mark.parametrize(("layer", "forbidden"), RULES, ids=[r[0] for r in RULES])
def test_layer_keeps_to_its_imports(layer: str, forbidden: tuple[str, ...]) -> None:
    assert files_of(layer), f"no files found for layer {layer}"
    assert breaches(layer, forbidden) == []


def test_the_rule_catches_a_breach(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport httpx\n")
    assert imported_modules(sample) == {"PySide6.QtCore", "httpx"}
