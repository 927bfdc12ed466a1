from flask import current_app
from flask.views import MethodView
from sqlalchemy import select

from ..access import auth_required, current_therapist, current_user
from ..audit.services import record
from ..auth.account import send_reset
from ..auth.account_resources import reset_link
from ..auth.models import Therapist
from ..auth.schemas import AcceptedSchema
from ..auth.services import create_therapist
from ..common.etag import CREATED_HEADERS, ETAG_HEADER, IF_MATCH, check_if_match, etag_of
from ..common.query import contains, paginate
from ..common.roundtrip import drop_read_only
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..errors import NotFound
from ..extensions import db
from ..web import get_or_404
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
    @blp.doc(operationId="listTherapists", summary="List therapists")
    def get(self, query, pagination_parameters):
        """Every therapist account of your practice, by name. Any therapist may list them."""
        stmt = select(Therapist).order_by(Therapist.name, Therapist.id)
        if "active" in query:
            stmt = stmt.where(Therapist.active.is_(query["active"]))
        if query.get("q"):
            stmt = stmt.where(contains(Therapist.name, query['q']))
        return paginate(stmt, pagination_parameters)

    @auth_required(admin=True)
    @blp.arguments(TherapistCreateSchema)
    @blp.response(201, TherapistSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 403, 409, 413, 422)
    @blp.doc(operationId="createTherapist", summary="Create a therapist account (admin)")
    def post(self, args):
        """Only an admin. The password follows the same policy as at registration (422 naming `password`); an email
        already in use is a 409."""
        therapist = create_therapist(practice_id=current_user.practice_id, **args)
        record("create", "therapist", therapist.id, actor=current_user)
        db.session.commit()
        return therapist, 201, {"Location": f"{blp.url_prefix}/{therapist.id}", "ETag": etag_of(therapist)}


@blp.route("/<string:therapist_id>")
class TherapistById(MethodView):
    decorators = [auth_required]

    @blp.response(200, TherapistSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getTherapist", summary="Get a therapist")
    def get(self, therapist_id):
        """One therapist account of your practice. The `ETag` header (also `etag` in the body) is the version
        to send as `If-Match` with a change."""
        therapist = get_or_404(Therapist, therapist_id, what="Therapist")
        return therapist, 200, {"ETag": etag_of(therapist)}

    @auth_required(admin=True)
    @blp.arguments(TherapistUpdateSchema)
    @blp.response(200, TherapistSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 403, 404, 409, 412, 413, 422, 428)
    @blp.doc(operationId="updateTherapist",
             summary="Change a therapist (admin): role, credentials, trauma-informed, clinical lead, active",
             parameters=[IF_MATCH])
    def patch(self, changes, therapist_id):
        """Send the account's ETag as `If-Match` (412 when someone changed it since, 428 without): two admins
        cannot overwrite each other's change of a role or the clinical-lead flag. Deactivating ends every login
        of that therapist. The last active admin cannot be demoted or deactivated (409)."""
        therapist = get_or_404(Therapist, therapist_id, what="Therapist")
        check_if_match(therapist, what="therapist")
        changes = drop_read_only(changes, TherapistUpdateSchema, TherapistSchema().dump(therapist))
        services.update_therapist(therapist, changes, actor=current_user)
        record("update", "therapist", therapist.id, actor=current_user)
        db.session.commit()
        return therapist, 200, {"ETag": etag_of(therapist)}

    @auth_required(admin=True)
    @blp.response(204)
    @document_errors(blp, 401, 403, 404, 409, 412, 428)
    @blp.doc(operationId="deactivateTherapist", summary="Deactivate a therapist (admin)", parameters=[IF_MATCH])
    def delete(self, therapist_id):
        """Deactivates the account (kept for the audit trail and screenings they signed). Send its ETag as
        `If-Match`, as for a change."""
        therapist = get_or_404(Therapist, therapist_id, what="Therapist")
        check_if_match(therapist, what="therapist")
        services.deactivate_therapist(therapist, actor=current_user)
        record("deactivate", "therapist", therapist.id, actor=current_user)
        db.session.commit()


@blp.route("/<string:therapist_id>/password-reset", methods=["POST"])
@auth_required(admin=True)
@blp.response(202, AcceptedSchema)
@document_errors(blp, 401, 403, 404)
@blp.doc(operationId="sendTherapistPasswordReset", summary="Email a therapist a password reset link (admin)")
def send_password_reset(therapist_id):
    """Only an admin, for an active therapist of the practice (a deactivated one answers 404 like an unknown
    id). The therapist gets the same one-time link as `POST /auth/password-reset` sends (single use, short
    expiry); their password and logins stay as they are until the link is used. The admin never sees it."""
    therapist = get_or_404(Therapist, therapist_id, what="Therapist")
    if not therapist.active:
        raise NotFound("Therapist not found.")
    send_reset(therapist=therapist, link=reset_link(), minutes=current_app.config["PASSWORD_RESET_MINUTES"],
               actor=current_therapist())
    db.session.commit()
    return {"message": "A reset link is on its way to the therapist's email address."}
