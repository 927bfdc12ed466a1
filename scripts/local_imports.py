"""Count the imports inside functions under toolkit/ (issue 33: at most 20), the app factory's lazy loading
(toolkit/__init__.py) aside. `python scripts/local_imports.py` prints each and the total."""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXEMPT = {ROOT / "toolkit" / "__init__.py"}  # create_app's steps import their floors when they run


def local_imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom) and inner not in [f for f, _ in found]:
                    found.append((inner, node.name))
    seen, out = set(), []
    for inner, name in found:
        if id(inner) not in seen:
            seen.add(id(inner))
            out.append((inner.lineno, name))
    return out


def main() -> int:
    total = 0
    for path in sorted((ROOT / "toolkit").rglob("*.py")):
        if path in EXEMPT:
            continue
        for line, name in local_imports(path):
            total += 1
            print(f"{path.relative_to(ROOT)}:{line} in {name}()")
    print(f"{total} function-local imports (toolkit/__init__.py aside)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
