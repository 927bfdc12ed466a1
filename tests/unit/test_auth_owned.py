"""Authentication is owned plainly (issue 33 point 2): PyJWT verifies tokens in toolkit/access.py and
`current_therapist()` / `current_user` there hand out the caller. No module reaches into another library's
private state, and none imports flask-jwt-extended (no longer a dependency: its `current_user` would be empty
here). A resource that needs the caller imports it from `toolkit.access`."""

import re
from pathlib import Path

TOOLKIT = Path(__file__).resolve().parents[2] / "toolkit"


def _sources():
    return [(path, path.read_text()) for path in TOOLKIT.rglob("*.py")]


def test_no_module_writes_or_reads_flask_jwt_extended_private_state():
    assert [str(p) for p, text in _sources() if "_jwt_extended_" in text] == []


def test_no_module_imports_flask_jwt_extended():
    pattern = re.compile(r"^\s*(from|import)\s+flask_jwt_extended", re.MULTILINE)
    offenders = [str(p) for p, text in _sources() if pattern.search(text)]
    assert offenders == [], f"import current_user / auth_required from toolkit.access instead: {offenders}"


def test_auth_required_has_one_home():
    defined = [str(p) for p, text in _sources() if re.search(r"^def auth_required\b", text, re.MULTILINE)]
    assert defined == [str(TOOLKIT / "access.py")]
    assert [str(p) for p, text in _sources() if "auth.jwt import" in text] == []
