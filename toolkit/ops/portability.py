"""Portability: all of one practice as one JSON document, and back.

    flask --app app export --practice-id ID [--output FILE]
    flask --app app import FILE                   # into a database that does not have that practice yet

The export is one JSON document holding everything of one practice, audit trail included. It contains
clinical data (PHI) and the therapists' password hashes (argon2, so accounts keep working after an
import): store and move it like the database itself. Every table of the metadata is either exported
(`_tables()`) or deliberately skipped (`SKIPPED_TABLES`, with the reason); a test holds the two together.
"""

import json
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import click
import sqlalchemy as sa
from sqlalchemy import select

from ..audit.chain import audit_key
from ..audit.rules import GENESIS, anchor_mac, verify_chain
from ..clearance.state import fill_missing
from ..extensions import db, refresh_planner_statistics
from .backup import private_file

EXPORT_FORMAT = "inner-child-toolkit-export"
EXPORT_VERSION = 1

# Tables that are not rows of the document's lists, and why.
SKIPPED_TABLES = {
    "practices": "exported as the document's own `practice` object, not as a list",
    "audit_anchors": "rebuilt by the import from the verified head of the exported trail",
    "login_sessions": "logins do not travel: everyone logs in again on the new database",
    "account_tokens": "reset links are short-lived one-time secrets: ask for a new one on the new database",
    "idempotency_keys": "remembered POSTs of the last hours; a retry against another database is a new request",
    "agenda_renders": "a cache of rendered PDFs, made again on request",
    "calendar_feeds": "secret subscription tokens (hashes) do not travel: make a new feed URL after an import",
    "member_calendar_feeds": "secret subscription tokens (hashes) do not travel: make new feed URLs after an import",
    "cancelled_sessions": "tombstones for calendars that imported a deleted session; not in export format 1",
    "outbox_messages": "emails of the service that wrote them (sent, or kept for its admins), not records of care",
    "notification_preferences": "not in export format version 1 yet (notifications came later, issue 29): a known "
                                "gap",
    "progress_reviews": "not in export format version 1 yet (progress came later, issue 20): a known gap",
    "rescreen_rhythms": "not in export format version 1 yet (progress came later, issue 20): a known gap",
    "events": "this database's change feed: the imported practice's feed starts again at cursor 1",
    "person_states": "derived from the history it travels with: the import computes every person's state again",
    "webhooks": "subscriptions (with their signing secrets) do not travel: subscribe again after an import",
    "webhook_deliveries": "the delivery log of this database's webhooks",
    "webhook_attempts": "the delivery log of this database's webhooks",
    "invitations": "secure links (hashes of one-time secrets) do not travel: invite again after an import",
    "agreements": "not in export format version 1 yet (agreements came later, issue 30): a known gap",
    "agreement_signatures": "not in export format version 1 yet (agreements came later, issue 30): a known gap",
}


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
        ("safety_plans", t["safety_plans"], "practice", ["participant_id", "version"]),
        ("screening_overrides", t["screening_overrides"], "practice", ["id"]),
        ("crisis_reviews", t["crisis_reviews"], "practice", ["id"]),
        ("series", t["series"], "practice", ["id"]),
        ("attendance_records", t["attendance_records"], "practice", ["id"]),
        ("session_notes", t["session_notes"], "practice", ["id"]),
        ("note_entries", t["note_entries"], ("note_id", "session_notes"), ["note_id", "position"]),
        ("note_addenda", t["note_addenda"], ("note_id", "session_notes"), ["note_id", "at", "id"]),
        ("alerts", t["alerts"], "practice", ["id"]),
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


def export_practice(conn, practice_id: str) -> dict | None:
    """Everything of one practice as one JSON-ready document (None when there is no such practice)."""
    practices = db.metadata.tables["practices"]
    practice = conn.execute(select(practices).where(practices.c.id == practice_id)).first()
    if practice is None:
        return None
    modules = db.metadata.tables["exercise_modules"]
    document: dict[str, Any] = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION,
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
    _refuse_unless_importable(conn, document)
    head = _verified_head(document, key)
    items = _items_with_local_builtins(conn, document.get("plan_items", []))
    practices = db.metadata.tables["practices"]
    practice = document["practice"]
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
    seq, last_hash = head
    conn.execute(db.metadata.tables["audit_anchors"].insert().values(
        practice_id=practice["id"], seq=seq, hash=last_hash, updated_at=datetime.now(UTC),
        mac=anchor_mac(key=key, practice_id=practice["id"], seq=seq, head=last_hash)))
    return counts


def _refuse_unless_importable(conn, document) -> None:
    """ImportRefused unless this is an export of this service, of a practice not here yet, whose every row
    belongs to it."""
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise ImportRefused(f"not an export of this service (format should be {EXPORT_FORMAT!r})")
    if document.get("version") != EXPORT_VERSION:
        raise ImportRefused(f"export version {document.get('version')!r} is not supported (only {EXPORT_VERSION})")
    practices = db.metadata.tables["practices"]
    practice = document["practice"]
    if conn.execute(select(practices.c.id).where(practices.c.id == practice["id"])).first():
        raise ImportRefused(f"practice {practice['id']} already exists in this database")
    foreign = foreign_rows(document)
    if foreign:
        shown = "; ".join(foreign[:5]) + (f" (and {len(foreign) - 5} more)" if len(foreign) > 5 else "")
        raise ImportRefused(f"{len(foreign)} row(s) do not belong to practice {practice['id']}: {shown}")


def _items_with_local_builtins(conn, plan_items: list[dict]) -> list[dict]:
    """Plan items with each built-in module (exported by slug) pointed at this database's module."""
    modules = db.metadata.tables["exercise_modules"]
    builtin_ids = {slug: module_id for slug, module_id in conn.execute(
        select(modules.c.slug, modules.c.id).where(modules.c.practice_id.is_(None)))}
    items = []
    for item in plan_items:
        item = dict(item)
        slug = item.pop("builtin_module_slug", None)
        if slug is not None:
            if slug not in builtin_ids:
                raise ImportRefused(f"built-in module {slug!r} is not in this database: run `flask seed` first")
            item["module_id"] = builtin_ids[slug]
        items.append(item)
    return items


def _verified_head(document: dict, key: bytes) -> tuple[int, str]:
    """The (seq, hash) head of the document's audit trail, which must verify with this AUDIT_KEY."""
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


def register(app) -> None:
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
            with db.engine.begin() as conn:
                counts = import_practice(conn, document, key=audit_key())
        except ImportRefused as err:
            raise click.ClickException(f"import refused, nothing written: {err}") from err
        except (sa.exc.IntegrityError, ValueError, KeyError, TypeError, AttributeError) as err:
            raise click.ClickException(f"import failed, nothing written: {err}") from err
        fill_missing()  # each imported person's state, from the history just imported
        db.session.commit()
        refresh_planner_statistics(db.engine)  # the new rows in the planner's statistics (issue 21)
        summary = ", ".join(f"{n} {key}" for key, n in counts.items())
        click.echo(f"practice {document['practice']['id']} imported: {summary}")
