"""Command-line tools: `flask --app app seed`, `create-admin`, `audit verify`, `backup`."""

import click


def register(app) -> None:
    @app.cli.command("seed")
    @click.option("--demo", is_flag=True, help="Also create a demo practice with data to try every endpoint.")
    def seed(demo):
        """Load the built-in modules (idempotent)."""
        click.echo("seed: nothing to load yet")
