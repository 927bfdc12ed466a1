"""The models and the migrations agree, and the migrations go up, down to base and up again."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from toolkit import create_app
from toolkit.config import Config
from toolkit.extensions import db


def _fresh_app(url):
    return create_app(Config(SQLALCHEMY_DATABASE_URI=url, RATELIMIT_ENABLED=False))


def _not_search_index(obj, name, type_, reflected, compare_to):
    """SQLite's FTS5 index of module search terms (and its shadow tables) lives outside the models."""
    return not (type_ == "table" and name.startswith("exercise_modules_fts"))


def _diff(app):
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True,
                                                         "include_object": _not_search_index})
        return compare_metadata(context, db.metadata)


def _tables(app):
    with app.app_context():
        return set(sa.inspect(db.engine).get_table_names())


def test_models_and_migrations_agree(app):
    # `app` uses a database built by `db upgrade` (the test template): autogenerate must find nothing to do.
    assert _diff(app) == []


def test_upgrade_downgrade_upgrade(database, tmp_path):
    kind, where = database
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'cycle.sqlite3'}"
    else:
        name = f"cycle_{tmp_path.name[-20:].replace('-', '_').lower()}"
        admin = sa.create_engine(sa.make_url(where).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = sa.make_url(where).set(database=name).render_as_string(hide_password=False)
    app = _fresh_app(url)
    try:
        with app.app_context():
            upgrade()
        expected = {"practices", "therapists", "participants", "session_plans", "screenings", "audit_events"}
        assert expected <= _tables(app)
        assert _diff(app) == []
        with app.app_context():
            downgrade(revision="base")
        assert _tables(app) <= {"alembic_version"}
        with app.app_context():
            upgrade()
        assert _diff(app) == []
    finally:
        with app.app_context():
            db.engine.dispose()
        if kind != "sqlite":
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def test_constraint_names_follow_the_naming_convention(app):
    with app.app_context():
        inspector = sa.inspect(db.engine)
        fks = [fk["name"] for t in inspector.get_table_names() for fk in inspector.get_foreign_keys(t)]
    assert fks and all(name and name.startswith("fk_") for name in fks)
