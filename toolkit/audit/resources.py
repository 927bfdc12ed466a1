from flask.views import MethodView
from sqlalchemy import select

from ..access import auth_required, current_therapist
from ..common.query import paginate
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from .models import AuditEvent
from .schemas import AuditEventSchema, AuditQuerySchema
from .services import record

blp = Blueprint("audit", __name__, url_prefix="/api/v1/audit-events",
                description="The audit trail (admins): who read or changed which record, when. Append-only.")


@blp.route("")
class AuditEvents(MethodView):
    decorators = [auth_required(admin=True)]

    @blp.arguments(AuditQuerySchema, location="query")
    @blp.response(200, AuditEventSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 403, 422)
    @blp.doc(operationId="listAuditEvents", summary="List audit events (admin), newest first")
    def get(self, query, pagination_parameters):
        """Newest first (`sort=seq`: oldest first), filtered by record, actor, action or time. `after_seq` and
        `before_seq` are cursors: read a long trail page by page without offsets. Only admins. Reading the
        trail is itself an event of it (`list` of `audit_event`)."""
        order = AuditEvent.seq.asc() if query["sort"] == "seq" else AuditEvent.seq.desc()
        stmt = select(AuditEvent).order_by(order)
        if query.get("after_seq") is not None:
            stmt = stmt.where(AuditEvent.seq > query["after_seq"])
        if query.get("before_seq") is not None:
            stmt = stmt.where(AuditEvent.seq < query["before_seq"])
        for key in ("record_type", "record_id", "actor_id", "action"):
            if query.get(key):
                stmt = stmt.where(getattr(AuditEvent, key) == query[key])
        if query.get("since"):
            stmt = stmt.where(AuditEvent.at >= query["since"])
        page = paginate(stmt, pagination_parameters)
        record("list", "audit_event", None, actor=current_therapist())
        db.session.commit()
        return page
