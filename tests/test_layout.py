"""The layout holds (docs/ARCHITECTURE.md): only the services write, no import cycles,
no function too long or too branched to hold in one's head.

Read from the source with `ast`, so a new module is checked without being listed."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "articles"

# Who may write to the database: the workflows, the one-table methods of the models,
# the migrations, and the admin's save hooks (Django's admin saves its own forms).
WRITERS = ("articles/services/", "articles/models.py", "articles/migrations/")
ADMIN_SAVE_HOOKS = frozenset({"save_model", "delete_model", "save_formset", "save_related", "delete_queryset"})
WRITE_METHODS = frozenset({
    "save", "delete", "create", "bulk_create", "bulk_update", "get_or_create", "update_or_create",
    "create_user", "create_superuser",
})
# `.update(` is also dict.update and set.update: a write only on a manager or a queryset.
QUERYSET_STEPS = frozenset({"objects", "filter", "exclude", "all", "select_for_update", "none"})

MAX_LINES = 60
MAX_COMPLEXITY = 20


def _modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(APP.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        yield rel, ast.parse(path.read_text(encoding="utf-8"), filename=rel)


def _chain(node: ast.expr) -> list[str]:
    """The names along a call chain: `Job.objects.filter(x).update` -> [Job, objects, filter, update]."""
    names: list[str] = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Name):
            names.append(node.id)
            return names[::-1]
        else:
            return names[::-1]


class _WriteFinder(ast.NodeVisitor):
    def __init__(self, rel: str) -> None:
        self.rel = rel
        self.function: list[str] = []
        self.found: list[str] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.function.append(node.name)
        self.generic_visit(node)
        self.function.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Attribute):
            method = node.func.attr
            chain = _chain(node.func)
            writes = method in WRITE_METHODS or (method == "update" and QUERYSET_STEPS & set(chain[:-1]))
            in_admin_hook = self.rel.startswith("articles/admin/") and ADMIN_SAVE_HOOKS & set(self.function)
            if writes and not in_admin_hook:
                self.found.append(f"{self.rel}:{node.lineno} {'.'.join(chain)}()")
        self.generic_visit(node)


def test_only_the_services_and_the_models_write_to_the_database() -> None:
    found: list[str] = []
    for rel, tree in _modules():
        if rel.startswith(WRITERS):
            continue
        finder = _WriteFinder(rel)
        finder.visit(tree)
        found += finder.found
    assert found == [], "writes outside articles/services/ (move them into a service):\n" + "\n".join(found)


def test_the_write_check_sees_a_write() -> None:
    finder = _WriteFinder("articles/web/views.py")
    source = "def v(u):\n    u.save()\n    Job.objects.filter(pk=1).update(status='x')\n    d.update(x=1)\n"
    finder.visit(ast.parse(source))
    assert [f.split(" ")[1] for f in finder.found] == ["u.save()", "Job.objects.filter.update()"]


def _module_name(rel: str) -> str:
    name = rel.removesuffix(".py").replace("/", ".")
    return name.removesuffix(".__init__")


def _imports(tree: ast.Module, module: str, is_package: bool, known: set[str]) -> set[str]:
    """Modules of articles/ that `module` imports anywhere in its body: function-local
    imports and imports for type checking too (a cycle hidden there is still a cycle)."""
    package = module if is_package else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            out |= {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names}
    return {m for m in out if m in known and m != module}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def import_graph() -> dict[str, set[str]]:
    trees = {_module_name(rel): (rel, tree) for rel, tree in _modules()}
    known = set(trees)
    return {
        name: _imports(tree, name, rel.endswith("__init__.py"), known)
        for name, (rel, tree) in trees.items()
    }


def test_no_import_cycle_inside_articles() -> None:
    assert _cycles(import_graph()) == []


def test_the_cycle_check_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_function_is_too_long() -> None:
    long = [
        f"{rel}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)"  # type: ignore[operator]
        for rel, tree in _modules() if "/migrations/" not in rel
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_LINES  # type: ignore[operator]
    ]
    assert long == [], f"split these into named steps (at most {MAX_LINES} lines each):\n" + "\n".join(long)


def test_no_function_is_too_branched() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "--select", "C901", "--config", f"lint.mccabe.max-complexity={MAX_COMPLEXITY}",
         "--output-format", "json", "--exit-zero", "articles"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    found = [f"{f['filename']}:{f['location']['row']} {f['message']}" for f in json.loads(result.stdout)]
    assert found == [], "\n".join(found)
