"""Operations commands: `audit verify`, `backup`/`restore` (ops/backup.py), and the per-practice
`export`/`import` (ops/portability.py).

    flask --app app audit verify                  # check every practice's audit hash chain (exit 1 on a problem)
"""

import sys

import click

from ..audit import undelivered
from ..audit.anchors import anchor_path
from ..audit.chain import audit_key
from ..audit.reads import replay_undelivered
from ..audit.verify import verify_audit_chains
from ..extensions import db
from . import backup, portability


def register(app) -> None:
    @app.cli.group("audit")
    def audit():
        """The audit trail."""

    @audit.command("verify")
    def audit_verify():
        """Check every practice's audit hash chain: an edited, inserted or deleted row is reported (exit 1),
        and every chain against the newest head in the anchor file outside the database."""
        events, practices, problems = verify_audit_chains(db.session, audit_key(), anchor_path())
        db.session.rollback()
        kept = undelivered.waiting()
        if kept:
            problems.append(f"{kept} audit event(s) could not be written (the database failed) and wait in "
                            f"{undelivered.undelivered_path()}: `flask --app app audit replay` appends them")
        if problems:
            for problem in problems:
                click.echo(problem, err=True)
            click.echo(f"audit chain BROKEN: {len(problems)} problem(s) in {events} events", err=True)
            sys.exit(1)
        click.echo(f"audit chain intact: {events} events in {practices} practices")

    @audit.command("replay")
    def audit_replay():
        """Append the audit events kept while the database failed (AUDIT_UNDELIVERED_PATH) to their chains."""
        done = replay_undelivered()
        left = undelivered.waiting()
        click.echo(f"{done} audit event(s) appended; {left} still waiting")
        if left:
            sys.exit(1)

    backup.register(app)
    portability.register(app)
