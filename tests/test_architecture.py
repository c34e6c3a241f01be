"""The shape of the code: no private name crosses a package, no import cycle, short functions.

These read the source with :mod:`ast`; nothing is imported, so a module that would fail
to import still gets checked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "logikmodell"

#: The longest function body and the deepest nesting of blocks a function may have.
MAX_LINES = 80
MAX_DEPTH = 4

_BLOCKS: tuple[type[ast.AST], ...] = (
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.Match,
    *((ast.TryStar,) if hasattr(ast, "TryStar") else ()),
)


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (``logikmodell.costs`` for its ``__init__``)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _owner(name: str) -> str:
    """The package a module belongs to: itself for a package, else its parent."""
    return name if _is_package(name) else name.rpartition(".")[0]


def _private_scope(name: str) -> str | None:
    """Where a dotted name may be used from when one of its parts is private, else None.

    ``logikmodell.model._numbers`` is private to ``logikmodell.model`` (and what lies
    under it); ``logikmodell._text`` to the whole of ``logikmodell``.
    """
    parts = name.split(".")
    for index, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            return ".".join(parts[:index])
    return None


def _within(module: str, scope: str) -> bool:
    return module == scope or module.startswith(scope + ".")


def _runtime_imports(tree: ast.Module) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, in functions too, except those under ``if TYPE_CHECKING``."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in skip:
            yield node


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The dotted names an import statement reaches: modules, or ``module.name``."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
        return
    base = node.module or ""
    if node.level:
        anchor = _owner(module).split(".")
        anchor = anchor[: len(anchor) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    for alias in node.names:
        yield f"{base}.{alias.name}"


def _trees() -> Iterator[tuple[str, ast.Module]]:
    for name, path in MODULES.items():
        yield name, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def test_no_private_name_is_imported_from_another_package() -> None:
    offences = []
    for module, tree in _trees():
        for node in _runtime_imports(tree):
            for target in _imported(module, node):
                if not target.startswith("logikmodell"):
                    continue
                scope = _private_scope(target)
                if scope is not None and not _within(module, scope):
                    offences.append(f"{module} imports {target} (private to {scope})")
    assert offences == []


def _import_graph() -> nx.DiGraph[str]:
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    for module, tree in _trees():
        for node in _runtime_imports(tree):
            for target in _imported(module, node):
                # `from package import name` reaches the submodule when there is one.
                while target and target not in MODULES:
                    target = target.rpartition(".")[0]
                if target and target != module:
                    graph.add_edge(module, target)
    return graph


def test_no_import_cycle() -> None:
    graph = _import_graph()
    # A package's __init__ that re-exports its own submodules is not a cycle of
    # dependencies: ignore edges from a package into its own subtree, and from a
    # submodule to a package that contains it (Python imports the parent first).
    for source, target in list(graph.edges):
        if _within(target, source) or _within(source, target):
            graph.remove_edge(source, target)
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert cycles == []


def test_the_graph_holds_the_modules() -> None:
    graph = _import_graph()
    assert "logikmodell.graph" in graph
    assert graph.has_edge("logikmodell.cli", "logikmodell")


def _depth(node: ast.AST, level: int = 0) -> int:
    deepest = level
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue  # a nested function is measured on its own
        block = isinstance(child, _BLOCKS)
        # `elif` is an If inside orelse: the same level, not a deeper one.
        is_elif = isinstance(node, ast.If) and isinstance(child, ast.If) and child in node.orelse
        deepest = max(deepest, _depth(child, level + (block and not is_elif)))
    return deepest


def _functions() -> Iterator[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    for module, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                yield module, node


@pytest.mark.parametrize(("limit", "measure"), [(MAX_LINES, "lines"), (MAX_DEPTH, "depth")])
def test_functions_are_short_and_shallow(limit: int, measure: str) -> None:
    offences = []
    for module, function in _functions():
        assert function.end_lineno is not None
        first = function.body[0]
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
            first = function.body[1] if len(function.body) > 1 else first  # skip the docstring
        value = function.end_lineno - first.lineno + 1 if measure == "lines" else _depth(function)
        if value > limit:
            offences.append(f"{module}.{function.name}:{function.lineno}: {measure} {value}")
    assert offences == []
