from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import fields, validate
from sqlalchemy import select

from ..auth.jwt import auth_required
from ..common.query import paginate
from ..common.schemas import StrictSchema, aware_datetime
from ..common.spec import PAGINATION_HEADER, document_errors
from .models import AuditEvent

blp = Blueprint("audit", __name__, url_prefix="/api/v1/audit-events",
                description="The audit trail (admins): who read or changed which record, when. Append-only.")


class AuditEventSchema(StrictSchema):
    """One audit event: who read or changed which record, when."""

    id = fields.String(required=True)
    seq = fields.Integer(required=True)
    actor_id = fields.String(allow_none=True, required=True)
    action = fields.String(required=True, metadata={"example": "read"})
    record_type = fields.String(required=True, metadata={"example": "screening"})
    record_id = fields.String(allow_none=True, required=True)
    outcome = fields.String(required=True, validate=validate.OneOf(["ok", "denied"]))
    request_id = fields.String(allow_none=True, required=True)
    at = fields.AwareDateTime(required=True)


class AuditQuerySchema(StrictSchema):
    record_type = fields.String(validate=validate.Length(max=40), metadata={"description": "e.g. participant."})
    record_id = fields.String(validate=validate.Length(max=64), metadata={"description": "Events about this record."})
    actor_id = fields.String(validate=validate.Length(max=64), metadata={"description": "Events by this therapist."})
    action = fields.String(validate=validate.Length(max=40), metadata={"description": "e.g. read, update."})
    since = aware_datetime(metadata={"description": "Events at or after this time."})


@blp.route("")
class AuditEvents(MethodView):
    decorators = [auth_required(admin=True)]

    @blp.arguments(AuditQuerySchema, location="query")
    @blp.response(200, AuditEventSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 403, 422)
    @blp.doc(operationId="listAuditEvents", summary="List audit events (admin), newest first")
    def get(self, query, pagination_parameters):
        """Newest first, filtered by record, actor, action or time. Only admins."""
        stmt = select(AuditEvent).order_by(AuditEvent.seq.desc())
        for key in ("record_type", "record_id", "actor_id", "action"):
            if query.get(key):
                stmt = stmt.where(getattr(AuditEvent, key) == query[key])
        if query.get("since"):
            stmt = stmt.where(AuditEvent.at >= query["since"])
        return paginate(stmt, pagination_parameters)
