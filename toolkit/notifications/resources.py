from flask.views import MethodView

from ..access import auth_required, current_user
from ..common.query import paginate
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from . import receivers as _receivers  # noqa: F401  (connects the signal receivers)
from . import services
from . import tasks as _tasks  # noqa: F401  (the after-commit hand-off to the worker, the periodic tasks)
from .schemas import OutboxMessageSchema, OutboxQuerySchema, PreferencesInSchema, PreferencesSchema

blp = Blueprint("notifications", __name__, url_prefix="/api/v1",
                description="Notifications by email: each therapist's choice of alerts, and the practice's outbox "
                            "(admins). Emails name the alert kind and the practice and link to the alert: no "
                            "participant name, no clinical detail.")


@blp.route("/me/notification-preferences")
class MyNotificationPreferences(MethodView):
    decorators = [auth_required]

    @blp.response(200, PreferencesSchema)
    @document_errors(blp, 401)
    @blp.doc(operationId="getNotificationPreferences", summary="Which alerts email you")
    def get(self):
        """Before you choose, every alert kind emails you, and so does the weekly digest. A clinical lead always
        gets crisis alerts (`always`)."""
        return services.get_preferences(therapist=current_user)

    @blp.arguments(PreferencesInSchema)
    @blp.response(200, PreferencesSchema)
    @document_errors(blp, 400, 401, 413, 422)
    @blp.doc(operationId="setNotificationPreferences", summary="Choose which alerts email you")
    def put(self, data):
        """Replaces your choice. A clinical lead cannot switch crisis alerts off (422 naming `alert_kinds`).
        Alerts you do not take by email are still listed at `GET /alerts`."""
        body = services.set_preferences(therapist=current_user, **data)
        db.session.commit()
        return body


@blp.route("/outbox")
class Outbox(MethodView):
    decorators = [auth_required(admin=True)]

    @blp.arguments(OutboxQuerySchema, location="query")
    @blp.response(200, OutboxMessageSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 403, 422)
    @blp.doc(operationId="listOutbox", summary="The practice's outgoing emails (admin), newest first")
    def get(self, query, pagination_parameters):
        """Every email the service wrote for the practice and what became of it. Without `SMTP_URL` messages are
        `kept` here (nothing is sent); with it the background worker sends them (`queued` -> `sent`, retried
        with backoff, `failed` after about a day or on a permanent refusal). The body and link of a password
        reset or a participant's invitation are withheld: only their recipient may see the link."""
        return [services.present(m) for m in paginate(services.outbox(status=query.get("status")),
                                                      pagination_parameters)]
