"""GET /api/v1/plans/{plan_id}/clearance, on clearance's own blueprint. The spec files it under the
"screening" tag, where clients have always found it (FiledUnder)."""

from datetime import UTC, datetime

from flask import jsonify
from flask.views import MethodView

from ..access import auth_required, current_user
from ..audit.services import record
from ..common.spec import FiledUnder, document_errors
from ..extensions import db
from ..plans.models import SessionPlan
from ..screening.schemas import ClearanceSchema
from ..web import get_or_404
from . import services

blp = FiledUnder("clearance", __name__, url_prefix="/api/v1", tag="screening",
                 description="Plan clearance (filed under the screening tag).")


def _audit_read(plan_id):
    record("read", "plan_clearance", plan_id, actor=current_user)
    db.session.commit()


@blp.route("/plans/<string:plan_id>/clearance")
class PlanClearance(MethodView):
    decorators = [auth_required]

    @blp.response(200, ClearanceSchema)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getPlanClearance", summary="Who may take part in which item of a plan")
    def get(self, plan_id):
        """Every member × every item: `ok`, `adapt` (with the module's adaptation) or `exclude`, each with
        reasons. `status` is `blocked` if any member is `refer`/`defer` or has no valid screening, `caution`
        if any verdict is adapt/exclude or a member with unresolved trauma has no trauma-informed
        facilitator, else `clear`. A missing or expired screening is never clear."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan", options=services.CLEARANCE_PLAN_OPTIONS)
        now = datetime.now(UTC)
        result = services.clearance(plan, now=now)
        _audit_read(plan.id)
        # Members × items can be hundreds of verdicts: the result is built JSON-ready by the pure rules
        # (the shape ClearanceSchema documents, checked by the contract tests), so it skips marshmallow.
        return jsonify({**result, "checked_at": result["checked_at"].isoformat(),
                        "session_ends_at": _iso(result["session_ends_at"]),
                        "session_date": _iso(result["session_date"])})


def _iso(value):
    """A template has no time and no date: null (issue 28 point 4, a 500 before)."""
    return value.isoformat() if value is not None else None
