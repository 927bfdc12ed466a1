"""More practices for the growth measurement, fast: copies of the first practice's rows with new ids.

Building a practice through the API takes 10-20 s of two cores, so 99 more would take most of an hour.
Growth asks how the reads of one practice behave when the tables hold a hundred practices' rows: copies
have exactly the first practice's shape (the same counts, sizes and distributions), each under its own
practice id, and the measured practice is untouched. Every row a copy needs is copied (participants,
screenings, groups and members, plans and items, therapists, the audit trail, ...), with every id that
names a row of the practice replaced by the copy's own; references to shared rows (the built-in modules)
stay. Emails get a prefix (they are unique). Logins, idempotency keys and rendered agendas are not copied.
A copied audit chain does not verify (its hashes name the first practice): the bench only reads it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Integer, insert, select

SKIP = {"practices", "agenda_renders", "idempotency_keys", "login_sessions"}
NAMESPACE = uuid.UUID("7d0f7b3e-4a6c-4f8e-9b2a-21c0ffee2121")


def _source_rows(conn, metadata, practice_id: str) -> dict[str, list[dict]]:
    """The practice's rows, table by table in dependency order: by practice_id, or through a foreign key
    to rows already taken (plan items, group members, facilitators, note entries)."""
    taken: dict[str, list[dict]] = {}
    for table in metadata.sorted_tables:
        if table.name in SKIP:
            continue
        if "practice_id" in table.c:
            stmt = select(table).where(table.c.practice_id == practice_id)
        else:
            parents = [(col, fk.column.table.name) for col in table.c for fk in col.foreign_keys
                       if fk.column.table.name in taken]
            if not parents:
                continue
            col, parent = parents[0]
            ids = [row["id"] for row in taken[parent]]
            stmt = select(table).where(col.in_(ids)) if ids else None
        taken[table.name] = [dict(r._mapping) for r in conn.execute(stmt)] if stmt is not None else []
    return taken


def _owned_ids(rows: dict[str, list[dict]], practice_id: str) -> set[str]:
    owned = {practice_id}
    for table_rows in rows.values():
        owned.update(r["id"] for r in table_rows if isinstance(r.get("id"), str))
    return owned


def _copied(value, ids: dict[str, str]):
    """A value with the ids it names replaced: a whole id, or ids inside a key such as an alert's cause or an
    email's dedupe key (`alert:<alert id>:<therapist id>`, unique per practice)."""
    if not isinstance(value, str):
        return value
    if value in ids:
        return ids[value]
    if ":" in value:
        return ":".join(ids.get(part, part) for part in value.split(":"))
    return value


def _copy_row(row: dict, ids: dict[str, str], skip_columns: set[str], copy: int) -> dict:
    out = {k: _copied(v, ids) for k, v in row.items() if k not in skip_columns}
    if "email" in out and isinstance(out["email"], str):
        out["email"] = f"c{copy}-{out['email']}"
    return out


def clone_practice(engine, metadata, practice_id: str, copies: range, log=print) -> int:
    """Insert `copies` copies of the practice (each in its own transaction); returns the rows inserted."""
    practices = metadata.tables["practices"]
    with engine.connect() as conn:
        source = dict(conn.execute(select(practices).where(practices.c.id == practice_id)).one()._mapping)
        rows = _source_rows(conn, metadata, practice_id)
    owned = _owned_ids(rows, practice_id)
    int_keys = {t.name: {c.name for c in t.primary_key if isinstance(c.type, Integer)} for t in metadata.sorted_tables}
    inserted = 0
    for copy in copies:
        ids = {old: str(uuid.uuid5(NAMESPACE, f"{copy}:{old}")) for old in owned}
        with engine.begin() as conn:
            conn.execute(insert(practices), {**source, "id": ids[practice_id], "name": f"{source['name']} #{copy}"})
            for name, table_rows in rows.items():
                if table_rows:
                    conn.execute(insert(metadata.tables[name]),
                                 [_copy_row(r, ids, int_keys[name], copy) for r in table_rows])
                    inserted += len(table_rows)
        if copy % 10 == 0:
            log(f"  cloned practice {copy}")
    return inserted
