"""Test fixtures. Every test gets its own database state:

* SQLite (default): a database migrated once per run to a template file, copied for each test.
* PostgreSQL, when TEST_DATABASE_URL is set: a fresh database created for this run (and xdist worker),
  migrated once, and emptied between tests; dropped at the end.
"""

import os
import shutil
import tempfile
import uuid

# Render-queue tasks run eagerly in the test process (tests/api/test_render_queue.py proves the consumer).
os.environ.setdefault("RENDER_QUEUE_IMMEDIATE", "true")
# Apps made outside `make_config` keep their chain heads out of the repository's instance/ folder.
_AUDIT_FILES = tempfile.mkdtemp(prefix="toolkit-audit-files-")
os.environ.setdefault("AUDIT_ANCHOR_PATH", os.path.join(_AUDIT_FILES, "anchors.log"))
os.environ.setdefault("AUDIT_UNDELIVERED_PATH", os.path.join(_AUDIT_FILES, "undelivered.jsonl"))

import pytest  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from toolkit import create_app  # noqa: E402
from toolkit.config import Config, normalise_database_url  # noqa: E402

PASSWORD = "correct-horse-battery-staple"
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture(autouse=True)
def fast_passwords(monkeypatch):
    """A cheap argon2 hasher for every test. The real parameters cost about 0.1 s per hash or verify, and
    every `register`/`login` pays it twice. The hashing itself is still argon2 and still verified. (Servers
    started as subprocesses, e.g. gunicorn in tests/security, keep the real parameters.)"""
    from argon2 import PasswordHasher

    from toolkit.auth import passwords

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(passwords, "_hasher", hasher)
    monkeypatch.setattr(passwords, "_DUMMY_HASH", hasher.hash("not-a-real-password-for-timing"))




def pytest_configure(config):
    config.addinivalue_line("markers", "postgres: needs PostgreSQL (TEST_DATABASE_URL)")
    config.addinivalue_line("markers", "chromium: runs the headless Chromium browser (skipped where it is missing)")


# The long tests (real processes, a 30-second outage, the whole demo's PDFs, the schema fuzzer) start first, so
# the two xdist workers end together instead of one finishing a long test alone at the end.
LONG_FIRST = ("tests/security/test_audit_outage.py", "tests/security/test_render_boot.py",
              "tests/security/test_render_supervision.py", "tests/api/test_facilitator_pack.py",
              "tests/contract/test_schemathesis.py", "tests/api/test_agenda_demo_pdf.py",
              "tests/security/test_alert_worker.py", "tests/browser/",
              "tests/api/test_fhir_r4_models.py")  # makes its own venv on a first run


# Guards over a whole run of other tests go last (their group runs on one xdist worker: `--dist loadgroup`).
RUN_LAST = ("tests/contract/test_schemathesis.py::test_the_run_reached_the_success_paths",)


def pytest_collection_modifyitems(config, items):
    # stable: the rest keep their order
    items.sort(key=lambda item: (item.nodeid in RUN_LAST, not item.nodeid.startswith(LONG_FIRST)))
    _keep_xdist_groups(config, items)


def _keep_xdist_groups(config, items) -> None:
    """`--dist loadgroup` keeps an `xdist_group` on one worker by a `@group` suffix on the node id. pytest-xdist
    3.8 writes it to `item._nodeid`, which pytest 9 no longer reads (its node id is `item._id`), so every test
    was scheduled alone and a group's tests ran on both workers (the schemathesis guard beside the cases it
    checks). Set the suffix where pytest reads it; a no-op once xdist does so itself."""
    if not hasattr(config, "workerinput") or not config.getvalue("loadgroup"):
        return
    from _pytest.nodeid import coerce_node_id

    for item in items:
        names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                        for m in item.iter_markers("xdist_group")})
        if names and "@" not in item.nodeid:
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(names)}")


def _worker(request) -> str:
    return getattr(request.config, "workerinput", {}).get("workerid", "main")


def _migrate(url: str) -> None:
    app = create_app(Config(SQLALCHEMY_DATABASE_URI=url, RATELIMIT_ENABLED=False))
    with app.app_context():
        upgrade()
        from toolkit.exercises.seed import load_builtins

        load_builtins()
        from toolkit.extensions import db

        db.session.commit()
        db.engine.dispose()


@pytest.fixture(scope="session")
def database(request, tmp_path_factory):
    """Yields (kind, url-or-template-path)."""
    if TEST_DATABASE_URL:
        base = sa.make_url(normalise_database_url(TEST_DATABASE_URL))
        name = f"toolkit_test_{_worker(request)}_{uuid.uuid4().hex[:8]}"
        admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        except sa.exc.OperationalError as exc:
            pytest.exit(f"TEST_DATABASE_URL is set but PostgreSQL is unreachable: {exc}", returncode=2)
        url = base.set(database=name).render_as_string(hide_password=False)
        _migrate(url)
        yield "postgresql", url
        sa.engine.create_engine(url).dispose()
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    else:
        template = tmp_path_factory.mktemp("db") / "template.sqlite3"
        _migrate(f"sqlite:///{template}")
        yield "sqlite", template


@pytest.fixture
def db_url(database, tmp_path):
    kind, where = database
    if kind == "sqlite":
        target = tmp_path / "test.sqlite3"
        shutil.copyfile(where, target)
        yield f"sqlite:///{target}"
    else:
        yield where
        engine = sa.create_engine(where)
        with engine.begin() as conn:
            tables = [t for t in conn.execute(sa.text(
                "SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> 'alembic_version'"
            )).scalars()]
            conn.execute(sa.text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " CASCADE"))
        engine.dispose()
        _reseed(where)


def _reseed(url):
    app = create_app(Config(SQLALCHEMY_DATABASE_URI=url, RATELIMIT_ENABLED=False))
    with app.app_context():
        from toolkit.exercises.catalogue import DEFAULT_SEED_DIR
        from toolkit.exercises.seed import load_builtins
        from toolkit.extensions import db

        # The shipped seed, named explicitly: a test's monkeypatched seed folder may still be in place here
        # (the autouse fast-hasher fixture sets monkeypatch up first, so it is undone after this teardown).
        load_builtins(DEFAULT_SEED_DIR)
        db.session.commit()
        db.engine.dispose()


@pytest.fixture
def on_postgres(database):
    if database[0] != "postgresql":
        pytest.skip("needs PostgreSQL: set TEST_DATABASE_URL (CI runs the suite again on PostgreSQL)")
    return True


@pytest.fixture
def make_config(db_url, tmp_path):
    def make(**overrides):
        overrides.setdefault("RATELIMIT_ENABLED", False)
        overrides.setdefault("AUDIT_ANCHOR_PATH", str(tmp_path / "audit-anchors.log"))  # one file per database
        overrides.setdefault("AUDIT_UNDELIVERED_PATH", str(tmp_path / "audit-undelivered.jsonl"))
        return Config(SQLALCHEMY_DATABASE_URI=db_url, **overrides)

    return make


@pytest.fixture
def app(make_config):
    app = create_app(make_config())
    app.config["TESTING"] = True
    yield app
    from toolkit.extensions import db

    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def register(client):
    """register(practice_name=..., email=...) -> dict with the admin's tokens and ids."""

    def make(practice_name="Test practice", name="Ada Admin", email=None, password=PASSWORD):
        email = email or f"admin-{uuid.uuid4().hex[:10]}@example.org"
        r = client.post("/api/v1/auth/register",
                        json={"practice_name": practice_name, "name": name, "email": email, "password": password})
        assert r.status_code == 201, r.get_json()
        body = r.get_json()
        tokens = client.post("/api/v1/auth/login", json={"email": email, "password": password}).get_json()
        return {"email": email, "practice_id": body["practice"]["id"], "therapist_id": body["therapist"]["id"],
                "headers": {"Authorization": f"Bearer {tokens['access_token']}"}, **tokens}

    return make


@pytest.fixture
def admin(register):
    return register()


@pytest.fixture
def other(register):
    """The admin of a second practice: its records must never be visible to `admin`."""
    return register(practice_name="Other practice", name="Olu Other")


@pytest.fixture
def auth_headers(client):
    def make(email, password=PASSWORD):
        r = client.post("/api/v1/auth/login", json={"email": email, "password": password})
        assert r.status_code == 200, r.get_json()
        return {"Authorization": f"Bearer {r.get_json()['access_token']}"}

    return make


@pytest.fixture
def create_therapist(client, admin, auth_headers):
    def make(role="therapist", trauma_informed=False, by=None, name="Theo Therapist", clinical_lead=False):
        email = f"t-{uuid.uuid4().hex[:10]}@example.org"
        r = client.post("/api/v1/therapists", headers=(by or admin)["headers"],
                        json={"name": name, "email": email, "password": PASSWORD, "role": role,
                              "trauma_informed": trauma_informed, "clinical_lead": clinical_lead})
        assert r.status_code == 201, r.get_json()
        return {**r.get_json(), "headers": auth_headers(email)}

    return make


@pytest.fixture
def create_participant(client, admin):
    def make(by=None, **fields):
        fields.setdefault("display_name", f"Pat {uuid.uuid4().hex[:6]}")
        fields.setdefault("date_of_birth", "1985-04-12")  # an adult: the intake form needs a date of birth
        r = client.post("/api/v1/participants", headers=(by or admin)["headers"], json=fields)
        assert r.status_code == 201, r.get_json()
        return r.get_json()

    return make


@pytest.fixture
def create_group(client, admin):
    def make(by=None, **fields):
        fields.setdefault("name", "Test group")
        fields.setdefault("kind", "retreat")
        if fields["kind"] == "retreat":
            fields.setdefault("capacity", 40)
        fields.setdefault("timezone", "Europe/Berlin")
        r = client.post("/api/v1/groups", headers=(by or admin)["headers"], json=fields)
        assert r.status_code == 201, r.get_json()
        return r.get_json()

    return make


# --- fixtures shared by several test modules ---------------------------------------------------------------


@pytest.fixture
def mods(client, admin):
    """slug -> built-in module, as the API shows it (the one definition)."""
    r = client.get("/api/v1/modules", headers=admin["headers"], query_string={"page_size": 100, "source": "builtin"})
    assert r.status_code == 200, r.get_json()
    return {m["slug"]: m for m in r.get_json()}


@pytest.fixture
def form(client, admin):
    """The screening form as served."""
    return client.get("/api/v1/screening/form", headers=admin["headers"]).get_json()


@pytest.fixture
def setup(client, admin, form, mods, create_group, create_participant):
    """make(answer_sets, slugs=...) -> (group, plan, [participants]) for clearance; answer_sets: overrides per
    member, or None for a member never screened."""
    from tests.helpers import PLANS, SOON, screen

    def make(answer_sets, slugs=("opening-check-in", "younger-self-visualisation", "closing-grounding"),
             by=None, **group_fields):
        who = by or admin
        group = create_group(by=by, name="Clearance retreat", **group_fields)
        members = []
        for overrides in answer_sets:
            participant = create_participant(by=by)
            r = client.post(f"/api/v1/groups/{group['id']}/members", headers=who["headers"],
                            json={"participant_id": participant["id"]})
            assert r.status_code == 201, r.get_json()
            if overrides is not None:
                participant["screening"] = screen(client, who, form, participant["id"], overrides)
            members.append(participant)
        items = [{"module_id": mods[slug]["id"], "minutes": mods[slug]["default_minutes"]} for slug in slugs]
        r = client.post(PLANS, headers=who["headers"], json={
            "title": "Day 1", "group_id": group["id"], "starts_at": SOON, "items": items})
        assert r.status_code == 201, r.get_json()
        return group, r.get_json(), members

    return make


@pytest.fixture
def count_queries(app):
    """with count_queries() as statements: ...  -> statements is a list of the SQL run inside."""
    from contextlib import contextmanager

    from toolkit.extensions import db

    @contextmanager
    def counting():
        statements = []

        def before(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        with app.app_context():
            engine = db.engine
        sa.event.listen(engine, "before_cursor_execute", before)
        try:
            yield statements
        finally:
            sa.event.remove(engine, "before_cursor_execute", before)

    return counting
