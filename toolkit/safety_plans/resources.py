from flask import Response, current_app, jsonify, request
from flask.views import MethodView

from ..access import auth_required, current_user
from ..common.query import paginate
from ..common.spec import LOCATION_HEADER, PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db, limiter
from ..participants.models import Participant
from ..web import get_or_404
from . import services
from .models import SafetyPlan
from .schemas import SafetyPlanCreateSchema, SafetyPlanQuerySchema, SafetyPlanSchema

blp = Blueprint("safety_plans", __name__, url_prefix="/api/v1",
                description="Safety plans (Stanley-Brown), versioned: written with the participant in their own "
                            "words, printed for them to take home. Clinical data: every read and write is audited.")


@blp.route("/participants/<string:participant_id>/safety-plans")
class ParticipantSafetyPlans(MethodView):
    decorators = [auth_required]

    @blp.response(200, SafetyPlanSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404, 422)
    @blp.doc(operationId="listSafetyPlans", summary="A participant's safety plans, newest version first")
    def get(self, participant_id, pagination_parameters):
        """Every version, the current one first (`status: current`), then the superseded ones. Audited."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        rows = paginate(services.plans_of(participant), pagination_parameters)
        result = [services.present(p) for p in rows]
        services.record_list(participant=participant, actor=current_user)
        db.session.commit()
        return result

    @blp.arguments(SafetyPlanCreateSchema)
    @blp.response(201, SafetyPlanSchema, headers=LOCATION_HEADER)
    @document_errors(blp, 400, 401, 404, 409, 413, 422)
    @blp.doc(operationId="createSafetyPlan", summary="Write a new version of a participant's safety plan")
    def post(self, data, participant_id):
        """The seven Stanley-Brown sections, each a list of short texts or of people with how to reach them.
        The new version becomes `current` and the previous one `superseded` (kept, never changed). 422 naming
        the section when every section is empty or an entry is listed twice; 409 when another version was
        saved at the same moment. Audited."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        plan = services.create_safety_plan(participant=participant, actor=current_user, sections=data)
        body = services.present(plan)
        db.session.commit()
        return body, 201, {"Location": f"{blp.url_prefix}/safety-plans/{plan.id}"}


def _pdf_limit():
    return current_app.config["PDF_RATE_LIMIT"]


# `?format=pdf` on the record's path and its `.pdf` sibling print the same copy: one PDF_RATE_LIMIT bucket.
PRINT_SCOPE = "safety-plan-pdf"
PLAN_RESPONSES = {"200": {"description": "The safety plan.",
                          "content": {"application/json": {"schema": SafetyPlanSchema}}}}
PRINT_RESPONSES = {"200": {"description": "The participant's own copy (PDF).", "content": {
    "application/pdf": {"schema": {"type": "string", "format": "binary",
                                   "description": "The participant's own copy (PDF bytes)."}}},
    "headers": {"Content-Disposition": {"description": "inline, with a file name.",
                                        "schema": {"type": "string"}}}}}


def safety_plan(safety_plan_id: str, *, printed: bool):
    """The record as JSON, or the participant's printed copy: the answer of GET /safety-plans/{id} (either
    format) and of GET /safety-plans/{id}.pdf. Audited (the print as an export)."""
    plan = get_or_404(SafetyPlan, safety_plan_id, what="Safety plan")
    body = services.read_safety_plan(plan=plan, actor=current_user, printed=printed)
    if not printed:
        db.session.commit()
        return jsonify(SafetyPlanSchema().dump(body))
    pdf = services.print_safety_plan(plan=plan, practice=current_user.practice,
                                     crisis_text=current_app.config.get("CRISIS_LINE_TEXT"))
    db.session.commit()
    response = Response(pdf, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="safety-plan-v{plan.version}.pdf"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@blp.route("/safety-plans/<string:safety_plan_id>")
class SafetyPlanById(MethodView):
    decorators = [auth_required, limiter.shared_limit(_pdf_limit, scope=PRINT_SCOPE,
                                                      exempt_when=lambda: request.args.get("format") != "pdf")]

    @blp.arguments(SafetyPlanQuerySchema, location="query")
    @document_errors(blp, 401, 404, 422)
    @blp.doc(operationId="getSafetyPlan", summary="Get a safety plan", responses=PLAN_RESPONSES)
    def get(self, query, safety_plan_id):
        """The plan as JSON: its seven sections, version and status. Audited.

        This operation describes the JSON representation only. For links the same path also answers
        `?format=pdf` with the participant's printed copy, exactly as `getSafetyPlanPdf` (GET
        /safety-plans/{safety_plan_id}.pdf, one media type) does; generated clients call that instead."""
        return safety_plan(safety_plan_id, printed=query["format"] == "pdf")


@blp.route("/safety-plans/<string:safety_plan_id>.pdf")
class SafetyPlanPrint(MethodView):
    decorators = [auth_required, limiter.shared_limit(_pdf_limit, scope=PRINT_SCOPE)]

    @document_errors(blp, 401, 404, 429)
    @blp.doc(operationId="getSafetyPlanPdf", summary="Print the participant's copy of a safety plan (PDF)",
             responses=PRINT_RESPONSES)
    def get(self, safety_plan_id):
        """The participant's own copy, the one media type of this operation (exactly what `GET
        /safety-plans/{safety_plan_id}?format=pdf` answers): only this plan, in their own words, in large clear
        type, with the practice's contact and the deployment's crisis line; no name of anyone else, no score, no
        flag and no clinical note. Printing is limited like the other PDFs (`PDF_RATE_LIMIT`, shared with
        `?format=pdf`). Audited as an export."""
        return safety_plan(safety_plan_id, printed=True)
