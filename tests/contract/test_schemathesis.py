"""Contract testing with schemathesis (issue 7 point 5, issue 9 point 10).

Every operation of the committed spec (openapi/openapi.json), run in-process against the WSGI app with real
tokens for one practice ("alice"); a second practice ("bob") is its peer for the object-level-authorisation
check. Path ids are sometimes the real ids of alice's records, so the success paths are exercised too, not only 404s.

Bounded and deterministic for CI (fixed seed, derandomised). A longer run:

    SCHEMATHESIS_MAX_EXAMPLES=200 .venv/bin/pytest tests/contract/test_schemathesis.py

The default (12 per operation) keeps the whole run to about a minute (SCHEMATHESIS_SEED changes the seed).
"""

import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
import schemathesis
import sqlalchemy as sa
from argon2 import PasswordHasher
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.config import SchemathesisConfig
from schemathesis.wfc.escalation import EscalatingAuthProvider

from tests.conftest import PASSWORD, _reseed
from toolkit import create_app
from toolkit.config import Config

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "12"))
SEED = int(os.environ.get("SCHEMATHESIS_SEED", "20260701"))
CHECKS = ["not_a_server_error", "status_code_conformance", "response_schema_conformance",
          "content_type_conformance", "response_headers_conformance", "ignored_auth", "object_level_authorization"]
SPEC = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
STATE: dict = {}
SEEN: dict[str, set[int]] = {}
# Under xdist (`--dist loadgroup`, in pyproject.toml) the whole module runs on one worker, in order, so the
# guard at its end reads a finished run; each worker still writes what it saw where the guard reads it.
pytestmark = pytest.mark.xdist_group("schemathesis")
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID")
SEEN_DIR = Path(tempfile.gettempdir()) / f"toolkit-schemathesis-{_RUN}" if _RUN else None


def _share_seen() -> None:
    if SEEN_DIR is not None:
        SEEN_DIR.mkdir(exist_ok=True)
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        (SEEN_DIR / f"{worker}.json").write_text(json.dumps({op: sorted(c) for op, c in SEEN.items()}))


def _all_seen() -> dict[str, set[int]]:
    merged = {op: set(codes) for op, codes in SEEN.items()}
    for path in (SEEN_DIR.glob("*.json") if SEEN_DIR is not None and SEEN_DIR.exists() else ()):
        for op, codes in json.loads(path.read_text()).items():
            merged.setdefault(op, set()).update(codes)
    return merged


def _seed_practice(client, name: str) -> dict:
    email = f"{name}-{uuid.uuid4().hex[:8]}@example.org"
    r = client.post("/api/v1/auth/register", json={"practice_name": f"{name.title()} practice", "name": name.title(),
                                                   "email": email, "password": PASSWORD})
    assert r.status_code == 201, r.get_json()
    tokens = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).get_json()
    h = {"Authorization": f"Bearer {tokens['access_token']}"}

    def post(path, body, code=201):
        r = client.post(path, headers=h, json=body)
        assert r.status_code == code, (path, r.get_json())
        return r.get_json()

    therapist = post("/api/v1/therapists", {"name": "Theo", "email": f"theo-{uuid.uuid4().hex[:8]}@example.org",
                                            "password": PASSWORD, "trauma_informed": True})
    participant = post("/api/v1/participants", {"display_name": "Pat Example", "date_of_birth": "1988-05-17"})
    group = post("/api/v1/groups", {"name": "Spring retreat", "kind": "retreat", "capacity": 20,
                                    "timezone": "Europe/Berlin", "facilitator_ids": [therapist["id"]]})
    post(f"/api/v1/groups/{group['id']}/members", {"participant_id": participant["id"]})
    modules = client.get("/api/v1/modules?page_size=5", headers=h).get_json()
    custom = post("/api/v1/modules", {
        "title": f"{name} letter", "summary": "Write a letter.", "participant_summary": "A gentle letter.",
        "category": "exercise", "steps": ["Settle.", "Write."], "facilitator_script": "Invite the group to write.",
        "default_minutes": 20, "min_minutes": 10, "max_minutes": 30, "suitable_kinds": ["retreat"],
        "intensity": "gentle", "setting": "in_session"})
    plan = post("/api/v1/plans", {"title": "Day 1", "group_id": group["id"], "starts_at": "2027-04-01T09:00:00+02:00",
                                  "items": [{"module_id": m["id"], "minutes": m["default_minutes"]}
                                            for m in modules[:3]]})
    form = client.get("/api/v1/screening/form", headers=h).get_json()
    answers = {}
    for instrument in form["instruments"]:
        for item in instrument["items"]:
            if not item["enable_when"]:
                answers[item["id"]] = min(o["value"] for o in item["options"])
    r = client.post(f"/api/v1/participants/{participant['id']}/screenings", headers=h,
                    json={"form_version": form["version"], "answers": answers})
    screening = r.get_json() if r.status_code == 201 else None
    ids = {"therapist_id": therapist["id"], "participant_id": participant["id"], "group_id": group["id"],
           "plan_id": plan["id"], "module_id": custom["id"]}
    if screening:
        ids["screening_id"] = screening["id"]
        ids["observation_id"] = f"{screening['id']}-phq9"  # FHIR (issue 22): a score of the screening
    template = post("/api/v1/plans", {"title": "Template", "starts_at": "2027-04-01T09:00:00+02:00",
                                      "items": [{"module_id": modules[0]["id"], "minutes": 10}]})
    ids.update(template_id=template["id"], questionnaire_id=form["version"])
    series = post("/api/v1/series", {"group_id": group["id"], "template_id": template["id"],  # issue 19
                                     "first_starts_at": "2027-04-08T09:00:00+02:00", "count": 2})
    note = post(f"/api/v1/plans/{plan['id']}/notes", {"shared": "Week 1."})
    ids.update(series_id=series["id"], note_id=note["id"])
    ids["token"] = post(f"/api/v1/groups/{group['id']}/calendar-feed", None)["token"]  # issue 18: a feed token
    ids["safety_plan_id"] = post(f"/api/v1/participants/{participant['id']}/safety-plans",  # issue 29
                                 {"warning_signs": ["Not sleeping"]})["id"]
    return {"email": email, "tokens": tokens, "headers": h, "ids": ids}


class _Bearer:
    """The access token of one practice's admin, read when a case is generated (the database is per test)."""

    def __init__(self, who: str):
        self.who = who

    def get(self, case, context):
        return STATE[self.who]["tokens"]["access_token"] if self.who in STATE else None

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


CONFIG = SchemathesisConfig.from_dict({
    "seed": SEED,
    "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    "phases": {"stateful": {"enabled": False}},
    "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
})
# The committed spec: what frontend teams generate their clients from.
schema = schemathesis.openapi.from_path(SPEC, config=CONFIG)
# Every operation as alice; bob is loaded as her peer for the object-level-authorisation probes.
schema.auth.providers.append(EscalatingAuthProvider([_Bearer("alice"), _Bearer("bob")], ["alice", "bob"],
                                                    peers=("alice", "bob"), pinned="alice"))


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Half the time, the real ids of alice's records: the success paths are tested too, not only 404s."""
    ids = STATE["alice"]["ids"] if "alice" in STATE else {}
    real = {k: ids[k] for k in path_parameters or () if k in ids}
    if not real:
        return st.just(path_parameters)
    return st.sampled_from([{**path_parameters, **real}, path_parameters])


@pytest.fixture(scope="module")
def contract_app(database, tmp_path_factory):
    """One app and one seeded database for the whole module (seeding per operation would double the run)."""
    kind, where = database
    if kind == "sqlite":
        target = tmp_path_factory.mktemp("contract") / "contract.sqlite3"
        shutil.copyfile(where, target)
        url = f"sqlite:///{target}"
    else:
        url = where
    app = create_app(Config(SQLALCHEMY_DATABASE_URI=url, RATELIMIT_ENABLED=False))
    app.config["TESTING"] = True
    if kind == "sqlite":  # a throwaway copy: no fsync per commit (the run is I/O-bound on it otherwise)
        from toolkit.extensions import db

        with app.app_context():
            sa.event.listen(db.engine, "connect", lambda conn, _: conn.execute("PRAGMA synchronous=OFF"))
            db.engine.dispose()
    client = app.test_client()
    with pytest.MonkeyPatch.context() as mp:
        from toolkit.auth import passwords

        mp.setattr(passwords, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
        STATE.update(app=app, client=client, alice=_seed_practice(client, "alice"), bob=_seed_practice(client, "bob"))
        yield app
    STATE.clear()
    from toolkit.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    if kind != "sqlite":  # leave the shared PostgreSQL database as the next test expects it: empty and seeded
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            tables = conn.execute(sa.text("SELECT tablename FROM pg_tables WHERE schemaname='public' "
                                          "AND tablename <> 'alembic_version'")).scalars().all()
            conn.execute(sa.text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE"))
        engine.dispose()
        _reseed(url)


def _fresh_tokens() -> dict:
    alice = STATE["alice"]
    r = STATE["client"].post("/api/v1/auth/login", json={"email": alice["email"], "password": PASSWORD})
    return r.get_json()


def _fresh_access_token() -> str:
    return _fresh_tokens()["access_token"]


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_every_operation_holds_to_the_contract(case, contract_app):
    case.operation.app = contract_app
    case.operation.schema.app = contract_app
    headers = case.headers if case.headers is not None else {}
    # The WSGI transport does not decode gzip (bodies over 1,400 bytes are compressed when asked): ask for
    # plain bodies here; tests/api/test_compression.py checks the compressed ones and their ETags.
    headers["Accept-Encoding"] = "identity"
    case.headers = headers
    if headers.get("Authorization") == STATE["alice"]["headers"]["Authorization"]:
        if case.path == "/api/v1/auth/refresh":
            # Refresh tokens rotate (a reused one ends its login): each refresh gets a login of its own.
            headers["Authorization"] = f"Bearer {_fresh_tokens()['refresh_token']}"
        elif case.path == "/api/v1/auth/logout":
            headers["Authorization"] = f"Bearer {_fresh_access_token()}"  # never end the login the run uses
        elif case.path == "/api/v1/practice" and isinstance(case.body, dict) and case.body.get("require_totp"):
            # Requiring TOTP would leave the run's login (no authenticator app) only enrolment (403 elsewhere);
            # tests/api/test_account_lifecycle.py covers the requirement.
            case.body = {**case.body, "require_totp": False}
    # The in-process transport does not undo a gzip content coding as an HTTP client does: ask for the
    # identity representation (tests/api/test_compression.py checks the gzip one decodes to the same body).
    case.headers = {**headers, "Accept-Encoding": "identity"}
    response = case.call_and_validate()
    if case.method.upper() == case.operation.method.upper():  # not the probes with undocumented methods
        SEEN.setdefault(case.operation.label, set()).add(response.status_code)
        _share_seen()


def test_the_run_reached_the_success_paths(contract_app):
    """Guard against a run that only ever saw 401s or 404s (a broken token, ids that never match)."""
    seen = _all_seen()
    if not seen:
        pytest.skip("the contract test did not run in this session")
    succeeded = {op for op, codes in seen.items() if any(200 <= c < 300 for c in codes)}
    assert len(succeeded) >= 0.75 * len(seen), sorted(set(seen) - succeeded)
