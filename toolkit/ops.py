"""Operations commands: `audit verify`, `backup`/`restore`, and the per-practice `export`/`import`.

    flask --app app audit verify                  # check every practice's audit hash chain (exit 1 on a problem)
    flask --app app backup PATH                   # SQLite: online backup; PostgreSQL: pg_dump --format=custom
    flask --app app restore PATH --yes            # SQLite: copy the backup back; PostgreSQL: pg_restore --clean
    flask --app app export --practice-id ID [--output FILE]
    flask --app app import FILE                   # into a database that does not have that practice yet

The export is one JSON document holding everything of one practice, audit trail included. It contains
clinical data (PHI) and the therapists' password hashes (argon2, so accounts keep working after an
import): store and move it like the database itself.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime

import click
import sqlalchemy as sa
from sqlalchemy import select

from .extensions import db, refresh_planner_statistics

EXPORT_FORMAT = "inner-child-toolkit-export"
EXPORT_VERSION = 1


# --- audit verify -----------------------------------------------------------------------------------------


def verify_audit_chains(session, key: bytes) -> tuple[int, int, list[str]]:
    """(events checked, practices checked, problems) over every practice's chain and its head anchor,
    read unscoped. `key` is the AUDIT_KEY the chain was written with."""
    from .audit.models import AuditAnchor, AuditEvent
    from .audit.rules import verify_chain
    from .auth.models import Practice

    practice_ids = session.scalars(
        select(Practice.id).order_by(Practice.id).execution_options(all_practices=True)).all()
    anchors = {a.practice_id: a for a in session.execute(select(AuditAnchor.__table__)).all()}
    events, problems = 0, []
    for practice_id in practice_ids:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.practice_id == practice_id).order_by(AuditEvent.seq)
            .execution_options(all_practices=True)).all()
        events += len(rows)
        problems += [f"practice {practice_id}: {problem}"
                     for problem in verify_chain(rows, key=key, anchor=anchors.get(practice_id), anchored=True)]
    return events, len(practice_ids), problems


# --- backup and restore -----------------------------------------------------------------------------------


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


# --- export and import ------------------------------------------------------------------------------------


def _tables():
    """(document key, table, how its rows belong to the practice, sort columns), in dependency order."""
    t = db.metadata.tables
    return [
        ("therapists", t["therapists"], "practice", ["id"]),
        ("participants", t["participants"], "practice", ["id"]),
        ("modules", t["exercise_modules"], "practice", ["id"]),
        ("groups", t["groups"], "practice", ["id"]),
        ("group_facilitators", t["group_facilitators"], ("group_id", "groups"), ["group_id", "therapist_id"]),
        ("group_members", t["group_members"], ("group_id", "groups"), ["group_id", "participant_id"]),
        ("plans", t["session_plans"], "practice", ["id"]),
        ("plan_items", t["plan_items"], ("plan_id", "session_plans"), ["plan_id", "position"]),
        ("screenings", t["screenings"], "practice", ["id"]),
        ("screening_overrides", t["screening_overrides"], "practice", ["id"]),
        ("crisis_reviews", t["crisis_reviews"], "practice", ["id"]),
        ("series", t["series"], "practice", ["id"]),
        ("attendance_records", t["attendance_records"], "practice", ["id"]),
        ("session_notes", t["session_notes"], "practice", ["id"]),
        ("note_entries", t["note_entries"], ("note_id", "session_notes"), ["note_id", "position"]),
        ("note_addenda", t["note_addenda"], ("note_id", "session_notes"), ["note_id", "at", "id"]),
        ("audit_events", t["audit_events"], "practice", ["seq"]),
    ]


# Columns that do not travel: a member row's integer key is the target database's to assign.
SKIPPED_COLUMNS = {"group_members": {"id"}}


def to_json_value(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_json_value(column: sa.Column, value):
    """The column's Python value for what `to_json_value` wrote."""
    if value is None:
        return None
    kind = column.type.impl if isinstance(column.type, sa.TypeDecorator) else column.type
    if isinstance(kind, sa.DateTime):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError(f"{column.table.name}.{column.name}: a datetime without an offset")
        return parsed
    if isinstance(kind, sa.Date):
        return date.fromisoformat(value)
    return value


def row_to_json(table: sa.Table, row) -> dict:
    skipped = SKIPPED_COLUMNS.get(table.name, set())
    return {c.name: to_json_value(row._mapping[c]) for c in table.columns if c.name not in skipped}


def export_practice(conn, practice_id: str) -> dict:
    """Everything of one practice as one JSON-ready document (None when there is no such practice)."""
    practices = db.metadata.tables["practices"]
    practice = conn.execute(select(practices).where(practices.c.id == practice_id)).first()
    if practice is None:
        return None
    modules = db.metadata.tables["exercise_modules"]
    document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION,
                "exported_at": datetime.now(UTC).isoformat(), "practice": row_to_json(practices, practice)}
    for key, table, owner, order in _tables():
        if owner == "practice":
            where = table.c.practice_id == practice_id
        else:
            column, parent_name = owner
            parent = db.metadata.tables[parent_name]
            where = table.c[column].in_(select(parent.c.id).where(parent.c.practice_id == practice_id))
        rows = conn.execute(select(table).where(where).order_by(*(table.c[o] for o in order)))
        document[key] = [row_to_json(table, row) for row in rows]
    # Built-in modules are seeded in every database under their slug, but their ids differ.
    builtin_slugs = {module_id: slug for module_id, slug in conn.execute(
        select(modules.c.id, modules.c.slug).where(modules.c.practice_id.is_(None)))}
    for item in document["plan_items"]:
        slug = builtin_slugs.get(item["module_id"])
        item["builtin_module_slug"] = slug
        if slug is not None:
            item["module_id"] = None
    return document


class ImportRefused(Exception):
    pass


def foreign_rows(document: dict) -> list[str]:
    """Rows of the document that do not belong to its practice: another `practice_id`, or a reference
    (group, plan, participant, therapist, module...) to a record that is not in the document itself."""
    practice_id = document["practice"]["id"]
    ids: dict[str, set] = {"practices": {practice_id}}
    for key, table, _owner, _order in _tables():
        if "id" in table.c:
            ids[table.name] = {row.get("id") for row in document.get(key, []) if isinstance(row, dict)}
    problems = []
    for key, table, _owner, _order in _tables():
        for index, row in enumerate(document.get(key, [])):
            if not isinstance(row, dict):
                problems.append(f"{key}[{index}]: not an object")
                continue
            if "practice_id" in table.c and row.get("practice_id") != practice_id:
                problems.append(f"{key}[{index}]: practice_id {row.get('practice_id')!r} is not the document's "
                                f"practice {practice_id}")
            for fk in table.foreign_keys:
                column, target = fk.parent.name, fk.column.table.name
                value = row.get(column)
                if value is not None and target in ids and column != "practice_id" and value not in ids[target]:
                    problems.append(f"{key}[{index}]: {column} {value!r} is not a record of this practice")
    return problems


def import_practice(conn, document: dict, *, key: bytes) -> dict[str, int]:
    """Insert an exported practice (within the caller's transaction). Returns rows inserted per key."""
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportRefused(f"not an export of this service (format should be {EXPORT_FORMAT!r})")
    if document.get("version") != EXPORT_VERSION:
        raise ImportRefused(f"export version {document.get('version')!r} is not supported (only {EXPORT_VERSION})")
    practices = db.metadata.tables["practices"]
    modules = db.metadata.tables["exercise_modules"]
    practice = document["practice"]
    if conn.execute(select(practices.c.id).where(practices.c.id == practice["id"])).first():
        raise ImportRefused(f"practice {practice['id']} already exists in this database")
    foreign = foreign_rows(document)
    if foreign:
        shown = "; ".join(foreign[:5]) + (f" (and {len(foreign) - 5} more)" if len(foreign) > 5 else "")
        raise ImportRefused(f"{len(foreign)} row(s) do not belong to practice {practice['id']}: {shown}")
    head = _verified_head(document, key)
    builtin_ids = {slug: module_id for slug, module_id in conn.execute(
        select(modules.c.slug, modules.c.id).where(modules.c.practice_id.is_(None)))}
    items = []
    for item in document.get("plan_items", []):
        item = dict(item)
        slug = item.pop("builtin_module_slug", None)
        if slug is not None:
            if slug not in builtin_ids:
                raise ImportRefused(f"built-in module {slug!r} is not in this database: run `flask seed` first")
            item["module_id"] = builtin_ids[slug]
        items.append(item)
    counts = {"practice": _insert(conn, practices, [practice])}
    # A series names its template (a plan) and a plan names its series: plans go in first without theirs.
    in_series = {}
    plans = []
    for plan in document.get("plans", []):
        plan = dict(plan)
        if plan.get("series_id"):
            in_series[plan["id"]] = plan["series_id"]
        plan["series_id"] = None
        plans.append(plan)
    rows = {"plan_items": items, "plans": plans}
    for name, table, _owner, _order in _tables():
        counts[name] = _insert(conn, table, rows[name] if name in rows else document.get(name, []))
        if name == "series" and in_series:
            plan_table = db.metadata.tables["session_plans"]
            for plan_id, series_id in in_series.items():  # updated_at as exported (not the column's onupdate)
                conn.execute(plan_table.update().where(plan_table.c.id == plan_id)
                             .values(series_id=series_id, updated_at=plan_table.c.updated_at))
    from .audit.rules import anchor_mac

    seq, last_hash = head
    conn.execute(db.metadata.tables["audit_anchors"].insert().values(
        practice_id=practice["id"], seq=seq, hash=last_hash, updated_at=datetime.now(UTC),
        mac=anchor_mac(key=key, practice_id=practice["id"], seq=seq, head=last_hash)))
    return counts


def _verified_head(document: dict, key: bytes) -> tuple[int, str]:
    """The (seq, hash) head of the document's audit trail, which must verify with this AUDIT_KEY."""
    from types import SimpleNamespace

    from .audit.rules import GENESIS, verify_chain

    table = db.metadata.tables["audit_events"]
    rows = [SimpleNamespace(**{name: from_json_value(table.c[name], value) for name, value in row.items()})
            for row in document.get("audit_events", [])]
    rows.sort(key=lambda r: r.seq)
    problems = verify_chain(rows, key=key)
    if problems:
        raise ImportRefused(f"its audit trail does not verify with this AUDIT_KEY ({problems[0]}); export and "
                            "import with the same AUDIT_KEY, and never edit an export")
    return (rows[-1].seq, rows[-1].hash) if rows else (0, GENESIS)


def _insert(conn, table: sa.Table, rows: list[dict]) -> int:
    if not rows:
        return 0
    unknown = set().union(*rows) - {c.name for c in table.columns}
    if unknown:
        raise ImportRefused(f"{table.name}: unknown fields {sorted(unknown)}")
    values = [{name: from_json_value(table.c[name], value) for name, value in row.items()} for row in rows]
    conn.execute(table.insert(), values)
    return len(values)


# --- commands ---------------------------------------------------------------------------------------------


def register(app) -> None:
    @app.cli.group("audit")
    def audit():
        """The audit trail."""

    @audit.command("verify")
    def audit_verify():
        """Check every practice's audit hash chain: an edited, inserted or deleted row is reported (exit 1)."""
        from .audit.services import audit_key

        events, practices, problems = verify_audit_chains(db.session, audit_key())
        db.session.rollback()
        if problems:
            for problem in problems:
                click.echo(problem, err=True)
            click.echo(f"audit chain BROKEN: {len(problems)} problem(s) in {events} events", err=True)
            sys.exit(1)
        click.echo(f"audit chain intact: {events} events in {practices} practices")

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
        click.echo(f"database restored from {path}")

    @app.cli.command("export")
    @click.option("--practice-id", required=True, help="The practice to export.")
    @click.option("--output", type=click.Path(dir_okay=False), help="File to write (default: standard output).")
    def export(practice_id, output):
        """Write all of one practice's data as one JSON document. It holds clinical data and the
        therapists' password hashes (so accounts work after an import): keep it as safe as the database."""
        with db.engine.connect() as conn:
            document = export_practice(conn, practice_id)
        if document is None:
            raise click.ClickException(f"no practice with id {practice_id}")
        text = json.dumps(document, indent=2, ensure_ascii=False)
        if output:
            private_file(output)
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
            click.echo(f"practice {practice_id} exported to {output}", err=True)
        else:
            click.echo(text)

    @app.cli.command("import")
    @click.argument("file", type=click.File("r", encoding="utf-8"))
    def import_(file):
        """Load a practice exported with `export` into this database, all or nothing. Refused when the
        practice is already here; the built-in modules must be seeded (`flask seed`)."""
        try:
            document = json.load(file)
        except json.JSONDecodeError as err:
            raise click.ClickException(f"not a JSON document: {err}") from err
        try:
            from .audit.services import audit_key

            with db.engine.begin() as conn:
                counts = import_practice(conn, document, key=audit_key())
        except ImportRefused as err:
            raise click.ClickException(f"import refused, nothing written: {err}") from err
        except (sa.exc.IntegrityError, ValueError, KeyError, TypeError, AttributeError) as err:
            raise click.ClickException(f"import failed, nothing written: {err}") from err
        refresh_planner_statistics(db.engine)  # the new rows in the planner's statistics (issue 21)
        summary = ", ".join(f"{n} {key}" for key, n in counts.items())
        click.echo(f"practice {document['practice']['id']} imported: {summary}")
