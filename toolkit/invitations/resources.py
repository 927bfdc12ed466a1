from datetime import UTC, datetime

from flask import current_app, request
from flask.views import MethodView

from ..access import auth_required, current_user
from ..audit.services import record
from ..common.query import paginate
from ..common.spec import LOCATION_HEADER, PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..participants.models import Participant
from ..web import get_or_404
from . import services
from .models import Invitation
from .schemas import InvitationCreatedSchema, InvitationCreateSchema, InvitationQuerySchema, InvitationSchema

blp = Blueprint("invitations", __name__, url_prefix="/api/v1",
                description="Invitations: a participant's secure link to their own page (intake, re-screen, the "
                            "group agreement), with its status; scheduled re-screens are invited by the server.")

NO_STORE = {"Cache-Control": {"description": "no-store: the answer carries a secret.", "schema": {"type": "string"}}}


def base_url() -> str:
    return current_app.config.get("PUBLIC_URL") or request.host_url


@blp.route("/participants/<string:participant_id>/invitations")
class ParticipantInvitations(MethodView):
    decorators = [auth_required]

    @blp.response(200, InvitationSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404, 422)
    @blp.doc(operationId="listParticipantInvitations", summary="A participant's invitations, newest first")
    def get(self, participant_id, pagination_parameters):
        """Each with its `status`: `sent`, `opened`, `completed`, `expired` or `revoked`. Audited."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        now = datetime.now(UTC)
        rows = [services.present(i, now) for i in paginate(services.invitations_of(participant),
                                                            pagination_parameters)]
        record("list", "invitation", participant.id, actor=current_user)
        db.session.commit()
        return rows

    @blp.arguments(InvitationCreateSchema)
    @blp.response(201, InvitationCreatedSchema, headers={**LOCATION_HEADER, **NO_STORE})
    @document_errors(blp, 400, 401, 404, 413, 422)
    @blp.doc(operationId="createInvitation", summary="Invite a participant by a secure link")
    def post(self, data, participant_id):
        """A link (`url`) with a 256-bit secret, shown only in this answer (only its hash is kept): when the
        participant has an email address in their contact it is emailed to them (`emailed: true`), else give it
        by hand. An open invitation for the same purpose is revoked (superseded). `intake` and `rescreen` need
        an adult with a date of birth (422 naming `date_of_birth` or `purpose`); `agreement` needs a published
        agreement (422). Sending the form makes a screening with `method: self_report`; the link then shows
        only a thank-you."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        invitation, url = services.create_invitation(participant=participant, purpose=data["purpose"],
                                                     expires_in_days=data["expires_in_days"], actor=current_user,
                                                     base_url=base_url())
        body = services.present(invitation, url=url)
        db.session.commit()
        return body, 201, {"Location": f"{blp.url_prefix}/invitations/{invitation.id}", "Cache-Control": "no-store"}


@blp.route("/invitations")
class Invitations(MethodView):
    decorators = [auth_required]

    @blp.arguments(InvitationQuerySchema, location="query")
    @blp.response(200, InvitationSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(operationId="listInvitations", summary="The practice's invitations, newest first")
    def get(self, query, pagination_parameters):
        """Every invitation of the practice (those the therapists made and the scheduled re-screens the server
        sent), optionally of one `status`. Audited."""
        now = datetime.now(UTC)
        rows = [services.present(i, now) for i in paginate(services.with_status(query.get("status"), now),
                                                            pagination_parameters)]
        record("list", "invitation", None, actor=current_user)
        db.session.commit()
        return rows


@blp.route("/invitations/<string:invitation_id>")
class InvitationById(MethodView):
    decorators = [auth_required]

    @blp.response(200, InvitationSchema)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getInvitation", summary="An invitation and its status")
    def get(self, invitation_id):
        """Never the secret. Audited."""
        invitation = get_or_404(Invitation, invitation_id, what="Invitation")
        body = services.present(invitation)
        record("read", "invitation", invitation.id, actor=current_user)
        db.session.commit()
        return body

    @blp.response(204)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="revokeInvitation", summary="Revoke an invitation")
    def delete(self, invitation_id):
        """The link stops working at once: it shows the same neutral page as any wrong link. A completed or
        already revoked invitation is left as it is."""
        services.revoke_invitation(invitation=get_or_404(Invitation, invitation_id, what="Invitation"),
                                   actor=current_user)
        db.session.commit()
