from flask.views import MethodView

from ..access import auth_required, current_user
from ..audit.services import record
from ..common.query import paginate
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..web import get_or_404
from . import receivers as _receivers  # noqa: F401  (connects the receivers that raise alerts)
from . import services
from .models import Alert
from .schemas import AlertQuerySchema, AlertSchema, ResolveSchema

blp = Blueprint("alerts", __name__, url_prefix="/api/v1/alerts",
                description="Alerts raised by the server, one per cause (a crisis or a reliable deterioration on "
                            "a screening, a follow-up date reached, a screening due, a self-report received, a "
                            "note left unsigned, a webhook switched off): acknowledged and resolved with who and "
                            "when. Audited.")


@blp.route("")
class Alerts(MethodView):
    decorators = [auth_required]

    @blp.arguments(AlertQuerySchema, location="query")
    @blp.response(200, AlertSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(operationId="listAlerts", summary="List alerts, newest first")
    def get(self, query, pagination_parameters):
        """The practice's alerts, newest first (or in the `sort` order), filtered by `status`, `kind` and
        `participant_id`. A crisis alert is here as soon as the request that saved its screening has answered.
        Audited."""
        rows = paginate(services.alert_query(query), pagination_parameters)
        record("list", "alert", None, actor=current_user)
        db.session.commit()
        return [services.present(a) for a in rows]


@blp.route("/<string:alert_id>")
class AlertById(MethodView):
    decorators = [auth_required]

    @blp.response(200, AlertSchema)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getAlert", summary="Get an alert")
    def get(self, alert_id):
        """One alert: its kind, the participant, the record that raised it, and who acknowledged and resolved
        it, when. Audited."""
        alert = get_or_404(Alert, alert_id, what="Alert")
        body = services.read_alert(alert=alert, actor=current_user)
        db.session.commit()
        return body


@blp.route("/<string:alert_id>/acknowledge")
class AlertAcknowledge(MethodView):
    decorators = [auth_required]

    @blp.response(200, AlertSchema)
    @document_errors(blp, 401, 404, 409)
    @blp.doc(operationId="acknowledgeAlert", summary="Acknowledge an alert")
    def post(self, alert_id):
        """Says someone has seen it: `acknowledged`, with who and when. Any therapist of the practice;
        acknowledging again changes nothing; a resolved alert answers 409. Audited."""
        alert = get_or_404(Alert, alert_id, what="Alert")
        services.acknowledge(alert=alert, actor=current_user)
        db.session.commit()
        return services.present(alert)


@blp.route("/<string:alert_id>/resolve")
class AlertResolve(MethodView):
    decorators = [auth_required]

    @blp.arguments(ResolveSchema)
    @blp.response(200, AlertSchema)
    @document_errors(blp, 400, 401, 403, 404, 409, 413, 422)
    @blp.doc(operationId="resolveAlert", summary="Resolve an alert")
    def post(self, data, alert_id):
        """Closes it with who, when and why. A `crisis` or `deterioration` alert only by a clinical lead (403,
        audited as denied) with a reason of at least 20 characters (422); other kinds by any therapist. An
        alert already resolved answers 409 (of two at once, exactly one wins). Audited."""
        alert = get_or_404(Alert, alert_id, what="Alert")
        services.resolve(alert=alert, reason=data["reason"], actor=current_user)
        db.session.commit()
        return services.present(alert)
