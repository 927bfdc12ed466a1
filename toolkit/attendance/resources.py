
from flask.views import MethodView

from ..access import auth_required, current_user
from ..common.etag import ETAG_HEADER, IF_MATCH, check_if_match
from ..common.spec import Blueprint, document_errors
from ..extensions import db
from ..groups.models import Group
from ..plans.models import SessionPlan
from ..web import get_or_404
from . import services
from .schemas import AttendanceSheetInSchema, AttendanceSheetSchema, GroupAttendanceSchema

blp = Blueprint("attendance", __name__, url_prefix="/api/v1",
                description="Who came to each session (the roster is the members on its date), tallies per "
                            "member and a printable sign-in sheet.")


@blp.route("/plans/<string:plan_id>/attendance")
class PlanAttendance(MethodView):
    decorators = [auth_required]

    @blp.response(200, AttendanceSheetSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404, 409)
    @blp.doc(summary="Get a session's attendance sheet", operationId="getAttendance")
    def get(self, plan_id):
        """One line per member on the session's roster (members on its date), with what was recorded (null
        status: nothing yet). The ETag is the sheet's version: send it as If-Match to replace the sheet."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        body = services.sheet(plan=plan, actor=current_user)
        db.session.commit()
        return body, 200, {"ETag": services.etag_of_sheet(plan)}

    @blp.arguments(AttendanceSheetInSchema)
    @blp.response(200, AttendanceSheetSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 409, 412, 413, 422, 428)
    @blp.doc(summary="Record a session's attendance", operationId="replaceAttendance", parameters=[IF_MATCH])
    def put(self, data, plan_id):
        """Replaces the whole sheet in one transaction. A participant not on the session's roster is a 422
        naming the record; a session that has not started is a 409; a stale If-Match is a 412, also when two
        editors send the same tag at once (exactly one wins)."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        check_if_match(tag=services.etag_of_sheet(plan), what="attendance sheet")
        services.replace_sheet(plan=plan, actor=current_user, records=data["records"])
        db.session.commit()
        body = services.sheet(plan=plan, actor=current_user)
        db.session.commit()
        return body, 200, {"ETag": services.etag_of_sheet(plan)}


@blp.route("/groups/<string:group_id>/attendance")
class GroupAttendance(MethodView):
    decorators = [auth_required]

    @blp.response(200, GroupAttendanceSchema)
    @document_errors(blp, 401, 404)
    @blp.doc(summary="Attendance tally per member of a group", operationId="getGroupAttendance")
    def get(self, group_id):
        """Every member who ever belonged (current or not): sessions held while on the roster, each state's
        count and the attendance rate."""
        group = get_or_404(Group, group_id, what="Group")
        body = services.group_tally(group=group, actor=current_user)
        db.session.commit()
        return body
