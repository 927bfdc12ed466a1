"""Imports point down: rules at the bottom, resources at the top (README, "Where things are").

Read from the source with `ast` (imports inside functions count too), so a new import that runs back up
fails here, not in review:

* `toolkit/common/` and `toolkit/errors.py` stand at the bottom: they import no area, no tenancy, no audit.
* every `rules.py` is plain Python: no Flask, no SQLAlchemy, no marshmallow, and only other rules modules.
* no import circle between files anywhere (agendas included: no exemption).
* a service (`services.py`, and `agendas/delivery.py`, the service floor of renders) imports no Flask, Werkzeug
  or flask-smorest and never commits: the resource commits once.
* between the packages (a package as one node) no import runs back up, except the few listed below, each
  with the way out, so the list can only shrink.
"""

import ast
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOLKIT = ROOT / "toolkit"

def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in TOOLKIT.rglob("*.py")}


def _imports(name: str) -> set[str]:
    """The toolkit modules `name` imports (at the top or inside a function)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        targets = []
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            targets = [f"{module}.{alias.name}" for alias in node.names] + [module]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        for target in targets:
            while target and target not in MODULES:
                target = target.rpartition(".")[0]
            if target and target not in (name, "toolkit"):
                found.add(target)
                break
    return found


GRAPH = {name: _imports(name) for name in MODULES}


def _package(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "toolkit"


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    sys.setrecursionlimit(10000)
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in list(graph):
        if v not in index:
            visit(v)
    return found


def test_common_and_errors_stand_at_the_bottom():
    allowed = {"toolkit.errors", "toolkit.extensions", "toolkit.vocab", "toolkit.config"}
    for name, targets in GRAPH.items():
        if name.startswith("toolkit.common.") or name == "toolkit.errors":
            above = {t for t in targets if not t.startswith("toolkit.common.") and t not in allowed}
            assert not above, f"{name} imports from above it: {sorted(above)}"
    assert GRAPH["toolkit.errors"] == set(), "errors.py is plain Python: it imports nothing of the toolkit"


WEB_AND_DATABASE = {"flask", "flask_smorest", "flask_sqlalchemy", "sqlalchemy", "marshmallow"}


def _libraries(name: str) -> set[str]:
    tree = ast.parse(MODULES[name].read_text())
    found = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names}
    return found | {node.module.split(".")[0] for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module and not node.level}


def test_rules_are_plain_python():
    """A rules module, and everything of the toolkit it imports, uses no Flask, SQLAlchemy or marshmallow."""
    for name in MODULES:
        if not name.endswith(".rules"):
            continue
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            assert not _libraries(current) & WEB_AND_DATABASE, f"{name} reaches {current}, which is not plain Python"
            todo.extend(GRAPH[current])


def test_no_import_circle_between_files():
    circles = _cycles(GRAPH)
    assert circles == [], [sorted(c) for c in circles]


HTTP_LIBRARIES = {"flask", "werkzeug", "flask_smorest"}
SERVICE_MODULES = sorted(name for name in MODULES if name.endswith(".services")) + ["toolkit.agendas.delivery"]
def service_problems(source: str) -> list[str]:
    """What keeps a service module off its floor: an HTTP library imported, or a `.commit(` call."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"imports {a.name}" for a in node.names if a.name.split(".")[0] in HTTP_LIBRARIES]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level \
                and node.module.split(".")[0] in HTTP_LIBRARIES:
            found.append(f"imports {node.module}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit":
            found.append(f"commits (line {node.lineno})")
    return found


def test_services_use_no_http_and_never_commit():
    """Services (and the render queue's delivery) say refusals as domain errors and leave the transaction to
    their caller: a resource, or a task body that owns its own (webhooks/delivery.py, notifications/delivery.py).
    Configuration comes through toolkit.config.setting."""
    offenders = {name: service_problems(MODULES[name].read_text()) for name in SERVICE_MODULES}
    offenders = {name: problems for name, problems in offenders.items() if problems}
    assert not offenders, f"services must not import flask/werkzeug/flask_smorest nor commit: {offenders}"


@pytest.mark.parametrize("source, problems", [
    ("from flask import request\n", ["imports flask"]),
    ("import werkzeug.exceptions\n", ["imports werkzeug.exceptions"]),
    ("from flask_smorest import abort\n", ["imports flask_smorest"]),
    ("def f():\n    db.session.commit()\n", ["commits (line 2)"]),
    ("from ..web import get_or_404\ndef f():\n    db.session.flush()\n", []),
])
def test_the_service_rule_sees_http_and_commits(source, problems):
    assert service_problems(source) == problems


def test_package_imports_point_down():
    graph = defaultdict(set)
    for name, targets in GRAPH.items():
        graph[_package(name)] |= {_package(t) for t in targets} - {_package(name)}
    circles = [sorted(c) for c in _cycles(dict(graph))]
    assert circles == [], f"a new import runs back up, making a circle between packages: {circles}"


def test_no_registry_keyed_by_table_names():
    """Packages react to each other through the named signals of toolkit/signals.py (connected in the package
    that reacts), not a hand-made registry keyed by table-name strings (common/usage.py, removed)."""
    assert "toolkit.common.usage" not in MODULES
    from toolkit import (
        models,  # noqa: F401  (every package's receivers are connected with its models)
        signals,
    )

    for question, answerers in ((signals.participant_uses, {"screenings", "memberships", "attendance", "note_entries",
                                                             "safety_plans", "alerts"}),
                                (signals.plan_uses, {"attendance", "note"}), (signals.module_uses, {"plans"}),
                                (signals.group_uses, {"plans"})):
        names = {getattr(r, "__module__", "").split(".")[1] for r in question.receivers_for(None)}
        owners = {"screening", "groups", "attendance", "notes", "plans", "safety_plans", "alerts"}
        assert names and names <= owners, names
        assert len(list(question.receivers_for(None))) == len(answerers)
