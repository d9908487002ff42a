"""Storage modules import each other one way only, so each can be read (and loaded) on its own."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT


def _db_imports(path: Path) -> set[str]:
    """Every `db.*` module a file imports, including imports made only for type checking."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("db."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("db."))
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in `graph`, as the modules along it, or None."""
    state: dict[str, str] = {}

    def visit(module: str, trail: list[str]) -> list[str] | None:
        state[module] = "open"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return [*trail[trail.index(target) :], target]
            if target not in state and (found := visit(target, [*trail, target])):
                return found
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module, [module])):
            return found
    return None


def test_storage_modules_have_no_import_cycle() -> None:
    graph = {f"db.{path.stem}": _db_imports(path) for path in (REPO_ROOT / "db").glob("*.py")}
    assert _cycle(graph) is None, f"db modules import each other in a circle: {_cycle(graph)}"


def test_the_cycle_finder_sees_a_cycle() -> None:
    assert _cycle({"db.a": {"db.b"}, "db.b": {"db.a"}}) == ["db.a", "db.b", "db.a"]
