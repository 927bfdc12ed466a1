"""Regenerate the two SDKs from the committed spec, or check that the committed ones match it (CI):

    .venv/bin/python scripts/generate_clients.py            # rewrite both from openapi/openapi.json
    .venv/bin/python scripts/generate_clients.py --check    # exit 1, naming the files, when they differ

clients/python is made by openapi-python-client (pinned in pyproject.toml) and clients/typescript's types by
openapi-typescript with its default flags (pinned in clients/typescript/package-lock.json; `npm ci` there first).
Nothing is edited by hand inside the generated parts: change the spec (the code), then run this."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "openapi.json"
PYTHON = ROOT / "clients" / "python"
TYPESCRIPT = ROOT / "clients" / "typescript"
SCHEMA_TS = TYPESCRIPT / "src" / "schema.d.ts"
GENERATOR = Path(sys.executable).with_name("openapi-python-client")
# The generator knows JSON, text/* and application/octet-stream only: the offline pack (zip) and the PDFs are
# read as the binary files they are (`File`), the SVG chart as the text it is (`str`).
CONFIG = """project_name_override: inner-child-toolkit-client
package_name_override: inner_child_toolkit_client
post_hooks: []
content_type_overrides:
  application/zip: application/octet-stream
  application/pdf: application/octet-stream
  image/svg+xml: text/plain
"""


def generate_python(where: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "generator.yaml"
        config.write_text(CONFIG)
        subprocess.run([str(GENERATOR), "generate", "--path", str(SPEC), "--output-path", str(where), "--meta",
                        "setup", "--config", str(config), "--fail-on-warning", "--overwrite"],
                       check=True, capture_output=True, text=True)


def generate_typescript(target: Path) -> None:
    subprocess.run(["npx", "--no-install", "openapi-typescript", str(SPEC), "-o", str(target)], cwd=TYPESCRIPT,
                   check=True, capture_output=True, text=True)


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ between two trees (relative paths), either way."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.diff_files + cmp.funny_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["__pycache__"]), "")
    return sorted(found)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    with tempfile.TemporaryDirectory() as tmp:
        fresh_python = Path(tmp) / "python"
        fresh_schema = Path(tmp) / "schema.d.ts"
        generate_python(fresh_python)
        generate_typescript(fresh_schema)
        if check:
            stale = [f"clients/python/{name}" for name in differences(PYTHON, fresh_python)]
            if not SCHEMA_TS.exists() or SCHEMA_TS.read_bytes() != fresh_schema.read_bytes():
                stale.append("clients/typescript/src/schema.d.ts")
            if stale:
                print("The committed clients do not match openapi/openapi.json; run "
                      "`.venv/bin/python scripts/generate_clients.py` and commit:\n  " + "\n  ".join(stale))
                return 1
            print("clients/python and clients/typescript match the spec")
            return 0
        shutil.rmtree(PYTHON, ignore_errors=True)
        shutil.copytree(fresh_python, PYTHON)
        SCHEMA_TS.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fresh_schema, SCHEMA_TS)
    print("wrote clients/python and clients/typescript/src/schema.d.ts")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
