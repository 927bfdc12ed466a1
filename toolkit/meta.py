"""Health checks and the bundled Swagger UI assets (no CDN: clinics may be offline)."""

from pathlib import Path

import swagger_ui_bundle
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify, send_from_directory
from flask_migrate import Migrate  # noqa: F401

from .extensions import db

health = Blueprint("health", __name__)
docs_assets = Blueprint("docs_assets", __name__)
SWAGGER_DIR = Path(swagger_ui_bundle.swagger_ui_path)


def migrations_head() -> set[str]:
    directory = current_app.extensions["migrate"].directory
    config = current_app.extensions["migrate"].migrate.get_config(directory)
    return set(ScriptDirectory.from_config(config).get_heads())


@health.get("/healthz")
def healthz():
    return jsonify(status="ok")


@health.get("/readyz")
def readyz():
    try:
        with db.engine.connect() as conn:
            current = set(MigrationContext.configure(conn).get_current_heads())
        head = migrations_head()
    except Exception:  # noqa: BLE001 - any database failure means "not ready"
        current_app.logger.warning("readiness check: database unreachable")
        return jsonify(code=503, status="Service Unavailable", message="Database unreachable."), 503
    if current != head:
        return jsonify(code=503, status="Service Unavailable",
                       message="Database is not migrated to head: run `flask --app app db upgrade`."), 503
    return jsonify(status="ready")


@docs_assets.get("/api/v1/docs/assets/<path:filename>")
def swagger_asset(filename):
    return send_from_directory(SWAGGER_DIR, filename, max_age=86400)
