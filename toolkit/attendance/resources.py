from flask import Response, current_app
from flask.views import MethodView
from flask_jwt_extended import current_user
from flask_smorest import Blueprint

from ..auth.jwt import auth_required
from ..auth.models import Practice
from ..common.http import ETAG_HEADER, IF_MATCH, document_errors, get_or_404
from ..extensions import db
from ..groups.models import Group
from ..plans.models import SessionPlan
from . import services
from .schemas import AttendanceSheetInSchema, AttendanceSheetSchema, GroupAttendanceSchema, SignInQuerySchema
from .sheet import render_sign_in_html

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
        services.check_sheet_if_match(plan)
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


SIGN_IN_RESPONSES = {"200": {"description": "The sign-in sheet.", "content": {
    "text/html": {"schema": {"type": "string"}},
    "application/pdf": {"schema": {"type": "string", "format": "binary"}}}}}


@blp.route("/plans/<string:plan_id>/sign-in-sheet")
class SignInSheet(MethodView):
    decorators = [auth_required]

    @blp.arguments(SignInQuerySchema, location="query")
    @document_errors(blp, 401, 404, 409, 422)
    @blp.doc(summary="Printable sign-in sheet of a session", operationId="getSignInSheet",
             responses=SIGN_IN_RESPONSES)
    def get(self, query, plan_id):
        """For the facilitator: the session's roster (members on its date) with boxes to tick and room to sign.
        `?format=html` (default) or `pdf`."""
        from zoneinfo import ZoneInfo

        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        services._session_plan(plan)
        ids = services.roster(plan)
        names = services._names(ids)
        group = plan.group
        when = plan.starts_at.astimezone(ZoneInfo(group.timezone)).strftime("%A %d %B %Y, %H:%M")
        html = render_sign_in_html(practice=db.session.get(Practice, current_user.practice_id).name,
                                   group=group.name, title=plan.title, when=f"{when} ({group.timezone})",
                                   session_number=plan.session_number, names=[names.get(i, i) for i in ids],
                                   facilitators=[f.name for f in group.facilitators])
        services.record("read", "attendance", plan.id, actor=current_user)
        db.session.commit()
        if query["format"] == "pdf":
            from ..agendas.isolation import render_pdf_isolated
            from ..agendas.render import _write_pdf

            body = render_pdf_isolated(html) if current_app.config.get("PDF_IN_CHILD_PROCESS") else _write_pdf(html)
            response = Response(body, mimetype="application/pdf")
        else:
            response = Response(html, mimetype="text/html")
            response.headers["Content-Type"] = "text/html; charset=utf-8"
        response.headers["Content-Disposition"] = (f'inline; filename="sign-in-{plan.id}.'
                                                   f'{"pdf" if query["format"] == "pdf" else "html"}"')
        response.headers["Cache-Control"] = "private, no-cache"
        return response
