"""Backup and restore of the whole database.

    flask --app app backup PATH                   # SQLite: online backup; PostgreSQL: pg_dump --format=custom
    flask --app app restore PATH --yes            # SQLite: copy the backup back; PostgreSQL: pg_restore --clean
"""

import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, datetime

import click
import sqlalchemy as sa

from ..audit.anchors import anchor_path, record_restore
from ..audit.chain import audit_key
from ..audit.models import AuditAnchor
from ..extensions import db


def sqlite_path(url: sa.URL) -> str:
    if not url.database or url.database == ":memory:":
        raise click.ClickException("an in-memory SQLite database cannot be backed up or restored")
    return url.database


def private_file(path: str) -> None:
    """Create `path` (or empty it) readable and writable by its owner only (0600): it holds clinical data."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def sqlite_copy(source: str, target: str) -> None:
    """Copy one SQLite database into another with SQLite's online backup API: consistent while other
    connections read and write, and it takes the locks a plain file copy would not."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def check_sqlite_backup(path: str) -> None:
    """Refuse a file that is not an intact database of this service."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            intact = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            ours = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        raise click.ClickException(f"{path} is not a SQLite database: {err}") from err
    if not intact or not ours:
        raise click.ClickException(f"{path} is not an intact backup of this service's database")


def libpq_command(url: sa.URL) -> tuple[str, dict]:
    """A libpq connection string for pg_dump/pg_restore; the password goes in the environment, not argv."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    plain = sa.URL.create("postgresql", username=url.username, host=url.host, port=url.port,
                          database=url.database, query=url.query)
    return plain.render_as_string(hide_password=False), env


def run_pg_tool(args: list[str], env: dict) -> None:
    if shutil.which(args[0]) is None:
        raise click.ClickException(f"{args[0]} is not installed or not on PATH: install the PostgreSQL client "
                                   "tools (the same major version as the server)")
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise click.ClickException(f"{args[0]} failed (exit {done.returncode}): {done.stderr.strip()}")


def register(app) -> None:
    @app.cli.command("backup")
    @click.argument("path", type=click.Path(dir_okay=False))
    def backup(path):
        """Back up the whole database to PATH while the service runs (SQLite: online backup;
        PostgreSQL: pg_dump --format=custom)."""
        url = db.engine.url
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise click.ClickException(f"backup of {url.get_backend_name()} databases is not supported")
        private_file(path)
        if url.get_backend_name() == "sqlite":
            sqlite_copy(sqlite_path(url), path)
        else:
            conninfo, env = libpq_command(url)
            run_pg_tool(["pg_dump", "--format=custom", "--file", path, conninfo], env)
        os.chmod(path, 0o600)
        click.echo(f"backup written to {path}")

    @app.cli.command("restore")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    @click.option("--yes", is_flag=True, help="Confirm: the database's current contents are replaced.")
    def restore(path, yes):
        """Replace the whole database with a backup from `backup`. Stop the service first."""
        if not yes:
            raise click.ClickException("restore replaces everything in the database: add --yes to confirm")
        url = db.engine.url
        db.session.remove()
        db.engine.dispose()
        if url.get_backend_name() == "sqlite":
            check_sqlite_backup(path)
            sqlite_copy(path, sqlite_path(url))
        elif url.get_backend_name() == "postgresql":
            conninfo, env = libpq_command(url)
            run_pg_tool(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                         "--dbname", conninfo, path], env)
        else:
            raise click.ClickException(f"restore of {url.get_backend_name()} databases is not supported")
        with db.engine.begin() as conn:
            heads = conn.execute(sa.select(AuditAnchor.__table__.c.practice_id, AuditAnchor.__table__.c.seq,
                                           AuditAnchor.__table__.c.hash)).all()
        # The anchor file outside the database learns the restored heads (else verify reports the lost tail).
        record_restore(heads, path=anchor_path(), key=audit_key(), at=datetime.now(UTC))
        click.echo(f"database restored from {path}; the audit anchor file notes the restored heads")
