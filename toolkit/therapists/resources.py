from flask.views import MethodView
from flask_jwt_extended import current_user
from flask_smorest import Blueprint
from sqlalchemy import select

from ..auth.jwt import auth_required
from ..auth.models import Therapist
from ..auth.services import create_therapist
from ..common.http import PAGINATION_HEADER, contains, document_errors, get_or_404, paginate
from ..extensions import db
from . import services
from .schemas import TherapistCreateSchema, TherapistQuerySchema, TherapistSchema, TherapistUpdateSchema

blp = Blueprint("therapists", __name__, url_prefix="/api/v1/therapists",
                description="Therapist accounts of the practice. Only an admin creates or changes them.")


@blp.route("")
class Therapists(MethodView):
    decorators = [auth_required]

    @blp.arguments(TherapistQuerySchema, location="query")
    @blp.response(200, TherapistSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(summary="List therapists")
    def get(self, query, pagination_parameters):
        stmt = select(Therapist).order_by(Therapist.name, Therapist.id)
        if "active" in query:
            stmt = stmt.where(Therapist.active.is_(query["active"]))
        if query.get("q"):
            stmt = stmt.where(contains(Therapist.name, query['q']))
        return paginate(stmt, pagination_parameters)

    @auth_required(admin=True)
    @blp.arguments(TherapistCreateSchema)
    @blp.response(201, TherapistSchema)
    @document_errors(blp, 400, 401, 403, 409, 413, 422)
    @blp.doc(summary="Create a therapist account (admin)")
    def post(self, args):
        therapist = create_therapist(practice_id=current_user.practice_id, **args)
        db.session.commit()
        return therapist


@blp.route("/<string:therapist_id>")
class TherapistById(MethodView):
    decorators = [auth_required]

    @blp.response(200, TherapistSchema)
    @document_errors(blp, 401, 404)
    @blp.doc(summary="Get a therapist")
    def get(self, therapist_id):
        return get_or_404(Therapist, therapist_id, what="Therapist")

    @auth_required(admin=True)
    @blp.arguments(TherapistUpdateSchema)
    @blp.response(200, TherapistSchema)
    @document_errors(blp, 400, 401, 403, 404, 409, 413, 422)
    @blp.doc(summary="Change a therapist (admin): role, credentials, trauma-informed, clinical lead, active")
    def patch(self, changes, therapist_id):
        """Deactivating ends every login of that therapist. The last active admin cannot be demoted
        or deactivated (409)."""
        therapist = get_or_404(Therapist, therapist_id, what="Therapist")
        services.update_therapist(therapist, changes, actor=current_user)
        db.session.commit()
        return therapist

    @auth_required(admin=True)
    @blp.response(204)
    @document_errors(blp, 401, 403, 404, 409)
    @blp.doc(summary="Deactivate a therapist (admin)")
    def delete(self, therapist_id):
        """Deactivates the account (kept for the audit trail and screenings they signed)."""
        therapist = get_or_404(Therapist, therapist_id, what="Therapist")
        services.deactivate_therapist(therapist, actor=current_user)
        db.session.commit()
