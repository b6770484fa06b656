"""No import cycle anywhere in planner/, imports inside functions and under TYPE_CHECKING
included: a module that needs another's types takes them as parameters or signals instead.

The graph is read from the source (ast), not from what an import happens to load, so a cycle
hidden behind a lazy or a type-checking import is found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import paths

PACKAGE = paths.REPO / "planner"


def _module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(tree: ast.AST, module: str, is_package: bool, known: set[str]) -> set[str]:
    """The planner modules `module` imports, wherever the import statement is."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package that holds `module`
                package = module.split(".") if is_package else module.split(".")[:-1]
                anchor = package[: len(package) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from planner.ui import i18n` imports the module planner.ui.i18n
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    files = {_module_name(p, package): p for p in sorted(package.rglob("*.py"))}
    known = set(files)
    graph = {}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        imports = _imported(tree, module, path.name == "__init__.py", known)
        # importing planner.a.b runs planner/__init__ and planner/a/__init__ first: not a use
        graph[module] = {m for m in imports if not module.startswith(m + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected group of modules, as a path back to its start."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan; planner/ is small enough for recursion
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_path_through(group, graph) for group in groups]


def _path_through(group: list[str], graph: dict[str, set[str]]) -> list[str]:
    """A shortest way from the group's first module back to itself, inside the group."""
    start, members = group[0], set(group)
    parents: dict[str, str | None] = {start: None}
    queue = [start]
    for node in queue:  # breadth first; the queue grows while it is walked
        for succ in sorted(graph[node] & members):
            if succ == start:
                path = [node]
                while (parent := parents[path[-1]]) is not None:
                    path.append(parent)
                return [*reversed(path), start]
            if succ not in parents:
                parents[succ] = node
                queue.append(succ)
    return group


def test_planner_has_no_import_cycle() -> None:
    graph = import_graph()
    assert "planner.ui.window.main_window" in graph  # the walk found the modules
    assert "planner.ui.window.call_switcher" in graph["planner.ui.window.main_window"]
    found = [" → ".join(cycle) for cycle in cycles(graph)]
    assert found == [], "import cycles:\n" + "\n".join(found)


def test_the_check_finds_a_cycle_and_names_it(tmp_path: Path) -> None:
    """The test above can fail: a cycle through a TYPE_CHECKING and a lazy import is named."""
    package = tmp_path / "planner"
    (package / "ui").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "ui" / "__init__.py").write_text("")
    (package / "ui" / "window.py").write_text("from planner.ui import controller\n")
    (package / "ui" / "controller.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from planner.ui.window import Window\n"
    )
    (package / "core.py").write_text("def f():\n    from . import ui\n")
    graph = import_graph(package)
    assert cycles(graph) == [
        ["planner.ui.controller", "planner.ui.window", "planner.ui.controller"]
    ]
