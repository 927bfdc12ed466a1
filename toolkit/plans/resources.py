from flask.views import MethodView

from ..access import auth_required
from ..common.etag import CREATED_HEADERS, ETAG_HEADER, IF_MATCH, check_if_match, with_etag
from ..common.query import paginate
from ..common.roundtrip import drop_read_only
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..web import get_or_404
from . import services
from .models import SessionPlan
from .schemas import (
    PlanCloneSchema,
    PlanCreateSchema,
    PlanItemsSchema,
    PlanQuerySchema,
    PlanSchema,
    PlanUpdateSchema,
)

blp = Blueprint("plans", __name__, url_prefix="/api/v1/plans",
                description="Session plans: ordered modules with computed times and warnings; templates have no group.")


def _shown(plan) -> dict:
    return services.present(plan, services.overlapping_plans([plan])[plan.id])


@blp.route("")
class Plans(MethodView):
    decorators = [auth_required]

    @blp.arguments(PlanQuerySchema, location="query")
    @blp.response(200, PlanSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(operationId="listPlans",
             summary="List plans", description="By start time by default: a retreat's plans in order.")
    def get(self, filters, pagination_parameters):
        plans = paginate(services.plan_query(filters), pagination_parameters)
        others = services.overlapping_plans(plans)
        return [services.present(p, others[p.id]) for p in plans]

    @blp.arguments(PlanCreateSchema)
    @blp.response(201, PlanSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 413, 415, 422)
    @blp.doc(operationId="createPlan", summary="Create a plan")
    def post(self, data):
        """Warnings (over target, minutes outside a module's range, unsuited kind, homework mid-session,
        no opening/closing, overlap with another plan of the group) never block saving; invalid data
        (unknown module, bad minutes or datetime) is a 422."""
        plan = services.create_plan(data=data)
        db.session.commit()
        return with_etag(_shown(plan), plan, 201, collection=blp.url_prefix)


@blp.route("/<string:plan_id>")
class PlanById(MethodView):
    decorators = [auth_required]

    @blp.response(200, PlanSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getPlan", summary="Get a plan with its computed schedule")
    def get(self, plan_id):
        """The plan with each item's computed start and end, the total and the warnings."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan", options=services.DETAIL_OPTIONS)
        return with_etag(_shown(plan), plan, collection=blp.url_prefix)

    @blp.arguments(PlanUpdateSchema)
    @blp.response(200, PlanSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 412, 413, 422, 428)
    @blp.doc(operationId="updatePlan", summary="Change a plan's details", parameters=[IF_MATCH])
    def patch(self, changes, plan_id):
        """Title, group, start, target, status or notes; items are replaced with PUT /plans/{id}/items. The whole
        object from a GET may be sent back (read-only fields equal to the stored values are ignored)."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        check_if_match(plan)
        changes = drop_read_only(changes, PlanUpdateSchema, PlanSchema().dump(_shown(plan)))
        services.update_plan(plan=plan, changes=changes)
        db.session.commit()
        return with_etag(_shown(plan), plan, collection=blp.url_prefix)

    @blp.response(204)
    @document_errors(blp, 401, 404, 412, 428)
    @blp.doc(operationId="deletePlan", summary="Delete a plan", parameters=[IF_MATCH])
    def delete(self, plan_id):
        """Deletes the plan and its items."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        check_if_match(plan)
        services.delete_plan(plan=plan)
        db.session.commit()


@blp.route("/<string:plan_id>/items")
class PlanItems(MethodView):
    decorators = [auth_required]

    @blp.arguments(PlanItemsSchema)
    @blp.response(200, PlanSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 412, 413, 422, 428)
    @blp.doc(operationId="replacePlanItems", summary="Replace a plan's items", parameters=[IF_MATCH])
    def put(self, data, plan_id):
        """Replaces the whole ordered list in one transaction. An item with `module_id: null` is a break."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        check_if_match(plan)
        services.replace_items(plan=plan, items=data["items"])
        db.session.commit()
        return with_etag(_shown(plan), plan, collection=blp.url_prefix)


@blp.route("/<string:plan_id>/clone")
class PlanClone(MethodView):
    decorators = [auth_required]

    @blp.arguments(PlanCloneSchema)
    @blp.response(201, PlanSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 404, 413, 422)
    @blp.doc(operationId="clonePlan", summary="Copy a plan (e.g. a template into a group)")
    def post(self, options, plan_id):
        """Copies the items into a new draft plan: into a group (a template becomes a session) or as a template
        (`group_id: null`)."""
        copy = services.clone_plan(plan=get_or_404(SessionPlan, plan_id, what="Plan"), options=options)
        db.session.commit()
        return with_etag(_shown(copy), copy, 201, collection=blp.url_prefix)
