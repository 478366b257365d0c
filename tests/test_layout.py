"""The architecture, checked: packages by stage with one-way dependencies (imports inside functions
count), a docstring on every package, a library that never prints and a CLI that only wires."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "textkit"
# Lower layers never import higher ones; packages of one layer do not import each other.
LAYERS = {
    "errors": 0,
    "store": 1,
    "text": 2,
    "corpus": 3,
    "concordance": 4,
    "people": 4,
    "quotes": 5,
    "notes": 6,
    "export": 7,
    "output": 8,
    "api": 9,
    "cli": 10,
    "__main__": 11,
}
LIBRARY = ("store", "text", "corpus", "concordance", "people", "quotes", "notes", "export", "api")


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(path: Path) -> set[str]:
    """Every textkit module this file imports, at any depth of the code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("textkit"):
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("textkit"))
    return names


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: {i for i in imports(path) if i in known and i != name} for name, path in known.items()}


def stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_dependencies_run_one_way() -> None:
    wrong = []
    for module, targets in graph().items():
        here = stage(module)
        if here is None:
            continue
        for target in targets:
            there = stage(target)
            if there is None or there == here:
                continue
            if LAYERS[there] >= LAYERS[here]:
                wrong.append(f"{module} -> {target}")
    assert not wrong, wrong


def test_no_import_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return [*path, node, nxt]
            if nxt not in state and (cycle := visit(nxt, [*path, node])):
                return cycle
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            assert visit(node, []) is None


def test_every_stage_says_what_it_is_for() -> None:
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, init


def test_the_library_never_prints() -> None:
    for name, path in modules().items():
        if stage(name) not in LIBRARY:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name | ast.Attribute):
                called = node.func.id if isinstance(node.func, ast.Name) else node.func.attr
                assert called not in ("print", "echo", "secho"), f"{name} prints"
        assert not {i for i in imports(path) if i.startswith(("textkit.output", "textkit.cli"))}, name


def test_the_cli_draws_nothing_itself() -> None:
    for path in (PACKAGE / "cli").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom | ast.Import):
                mods = (
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                )
                assert not any(m.split(".")[0] in ("rich", "pandas", "nltk") for m in mods), path.name
