"""Command-line tools: `flask --app app seed [--demo]`, `flask --app app create-admin`, plus the
operations commands registered from toolkit/ops/ (audit verify, backup, export/import)."""

import sys

import click

from .auth.models import Practice
from .auth.services import create_therapist
from .clearance.state import fill_missing
from .demo import create_demo
from .errors import DomainError
from .exercises.catalogue import SeedError
from .exercises.seed import load_builtins
from .extensions import db
from .ops import register as register_ops


def register(app) -> None:
    @app.cli.command("seed")
    @click.option("--demo", is_flag=True, help="Also create a demo practice with data to try every endpoint.")
    def seed(demo):
        """Load the built-in modules and store any missing person state (idempotent: a second run changes
        nothing)."""
        try:
            report = load_builtins()
        except SeedError as err:
            db.session.rollback()
            click.echo(f"seed failed, nothing loaded: {err}", err=True)
            sys.exit(1)
        db.session.commit()
        click.echo(f"built-in modules: {report.created} created, {report.updated} updated, "
                   f"{report.unchanged} unchanged")
        filled = fill_missing()  # people written before person_states existed, or by an import
        db.session.commit()
        if filled:
            click.echo(f"person states: {filled} computed")
        if demo:
            click.echo(create_demo())

    @app.cli.command("create-admin")
    @click.option("--practice-id", required=True, help="The practice the admin belongs to.")
    @click.option("--name", required=True)
    @click.option("--email", required=True)
    @click.password_option(help="At least 12 characters; prompted for when omitted.")
    def create_admin(practice_id, name, email, password):
        """Create an admin for an existing practice (e.g. when its last admin left)."""
        if db.session.get(Practice, practice_id) is None:
            click.echo(f"no practice with id {practice_id}", err=True)
            sys.exit(1)
        try:
            therapist = create_therapist(practice_id=practice_id, name=name, email=email, password=password,
                                         role="admin")
        except DomainError as err:
            db.session.rollback()
            click.echo(f"not created: {err.message} {err.errors or ''}", err=True)
            sys.exit(1)
        db.session.commit()
        click.echo(f"admin created: {therapist.email} ({therapist.id})")

    register_ops(app)
