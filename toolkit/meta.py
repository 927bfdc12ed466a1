"""Health checks (in the spec, tag `meta`, public) and the bundled Swagger UI assets (no CDN: clinics may be
offline)."""

from pathlib import Path

import marshmallow as ma
import swagger_ui_bundle
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint as FlaskBlueprint
from flask import current_app, send_from_directory
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import fields, validate

from .audit import undelivered
from .common.spec import Blueprint, document_errors
from .extensions import db
from .queue import heartbeat_fresh, read_heartbeat

health = Blueprint("meta", __name__, description="Health checks for load balancers and orchestrators. No token.")
docs_assets = FlaskBlueprint("docs_assets", __name__)
SWAGGER_DIR = Path(swagger_ui_bundle.swagger_ui_path)
PUBLIC: dict[str, list] = {"security": []}


class HealthSchema(ma.Schema):
    """The process answers."""

    status = fields.String(required=True, validate=validate.OneOf(["ok"]), metadata={"example": "ok"})


class ReadySchema(ma.Schema):
    """The database is reachable and migrated."""

    status = fields.String(required=True, validate=validate.OneOf(["ready"]), metadata={"example": "ready"})


def migrations_head() -> set[str]:
    directory = current_app.extensions["migrate"].directory
    config = current_app.extensions["migrate"].migrate.get_config(directory)
    return set(ScriptDirectory.from_config(config).get_heads())


@health.route("/healthz")
class Healthz(MethodView):
    @health.response(200, HealthSchema)
    @health.doc(operationId="getHealth", summary="Liveness: the process answers", **PUBLIC)
    def get(self):
        """Always 200 while the process serves requests; it does not touch the database."""
        return {"status": "ok"}


@health.route("/readyz")
class Readyz(MethodView):
    @health.response(200, ReadySchema)
    @document_errors(health, 503)
    @health.doc(operationId="getReadiness",
             summary="Readiness: the database is reachable and migrated, the render consumer beats", **PUBLIC)
    def get(self):
        """503 (in the error shape) while the database is unreachable or not migrated to the newest revision,
        while audit events kept during a database failure wait to be written (the consumer writes them as
        soon as it can), or while the render queue's consumer on this machine has written no heartbeat for
        10 seconds (or its process is gone; not checked where tasks run eagerly or `RENDER_WORKERS=0`):
        take the instance out of the load balancer until it answers 200."""
        try:
            with db.engine.connect() as conn:
                current = set(MigrationContext.configure(conn).get_current_heads())
            head = migrations_head()
        except Exception:  # noqa: BLE001 - any database failure means "not ready"
            current_app.logger.warning("readiness check: database unreachable")
            abort(503, message="Database unreachable.")
        if current != head:
            abort(503, message="Database is not migrated to head: run `flask --app app db upgrade`.")
        if undelivered.waiting():
            abort(503, message="Audit events wait to be written after a database failure (`audit replay`).")
        if current_app.config["READY_NEEDS_CONSUMER"] and not heartbeat_fresh(read_heartbeat()):
            abort(503, message="The render consumer is not running (no fresh heartbeat): PDFs would wait.")
        return {"status": "ready"}


@docs_assets.get("/api/v1/docs/assets/<path:filename>")
def swagger_asset(filename):
    return send_from_directory(SWAGGER_DIR, filename, max_age=86400)
