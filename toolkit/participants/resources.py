from flask.views import MethodView
from sqlalchemy import select

from ..access import auth_required, current_user
from ..audit.services import record
from ..common.etag import CREATED_HEADERS, ETAG_HEADER, IF_MATCH, check_if_match, etag_of
from ..common.query import contains, paginate, sorted_by
from ..common.roundtrip import drop_read_only
from ..common.schemas import AlertSummarySchema
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..signals import answers, participant_shown
from ..web import get_or_404
from . import services
from .models import Participant
from .schemas import (
    ParticipantCreateSchema,
    ParticipantDetailSchema,
    ParticipantQuerySchema,
    ParticipantSchema,
    ParticipantUpdateSchema,
)

blp = Blueprint("participants", __name__, url_prefix="/api/v1/participants",
                description="Clients of the practice. Clinical data: every read and write is audited.")



@blp.route("")
class Participants(MethodView):
    decorators = [auth_required]

    @blp.arguments(ParticipantQuerySchema, location="query")
    @blp.response(200, ParticipantSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(operationId="listParticipants",
             summary="List participants", description="Archived participants are hidden unless asked for.")
    def get(self, query, pagination_parameters):
        stmt = sorted_by(select(Participant), Participant, query["sort"])
        if not query["include_archived"]:
            stmt = stmt.where(Participant.archived_at.is_(None))
        if query.get("q"):
            stmt = stmt.where(contains(Participant.display_name, query['q']))
        rows = paginate(stmt, pagination_parameters)
        record("list", "participant", None, actor=current_user)
        db.session.commit()
        return rows

    @blp.arguments(ParticipantCreateSchema)
    @blp.response(201, ParticipantSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 409, 413, 422)
    @blp.doc(operationId="createParticipant", summary="Register a participant")
    def post(self, data):
        """Only `display_name` is required (the intake form also needs `date_of_birth`). The same name (case
        and spaces ignored) and date of birth as an existing participant answers 409 with
        `errors.possible_duplicate: [existing id]`, unless `confirm_new: true`. Audited. Answers 201 with
        `Location` and `ETag`."""
        confirm_new = data.pop("confirm_new", False)
        participant = services.create_participant(data=data, actor=current_user, confirm_new=confirm_new)
        db.session.commit()
        return participant, 201, {"ETag": etag_of(participant), "Location": f"{blp.url_prefix}/{participant.id}"}


class _WithAlerts:
    """A participant with their unresolved alerts, as GET shows them (the alerts package answers them)."""

    def __init__(self, participant: Participant):
        self._participant = participant
        self.alerts = answers(participant_shown, participant_id=participant.id).get("open_alerts", [])

    def __getattr__(self, name):
        return getattr(self._participant, name)


def _audit_read(participant_id):
    record("read", "participant", participant_id, actor=current_user)
    db.session.commit()


@blp.route("/<string:participant_id>")
class ParticipantById(MethodView):
    decorators = [auth_required]

    @blp.response(200, ParticipantDetailSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getParticipant", summary="Get a participant")
    def get(self, participant_id):
        """Audited. The `ETag` header (also in the body as `etag`) is the version to send as `If-Match`.
        `alerts` lists their open and acknowledged alerts."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        shown = _WithAlerts(participant)
        _audit_read(participant.id)
        return shown, 200, {"ETag": etag_of(participant)}

    @blp.arguments(ParticipantUpdateSchema(partial=True))
    @blp.response(200, ParticipantSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 412, 413, 422, 428)
    @blp.doc(operationId="updateParticipant", summary="Change a participant", parameters=[IF_MATCH])
    def patch(self, changes, participant_id):
        """Send only what changes, or the whole object from a GET: read-only fields equal to the stored values are
        ignored. A PATCH that changes nothing keeps the ETag. Audited."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        check_if_match(participant)
        shown = {**ParticipantSchema().dump(participant), "alerts": AlertSummarySchema(many=True).dump(
            answers(participant_shown, participant_id=participant.id).get("open_alerts", []))}
        changes = drop_read_only(changes, ParticipantUpdateSchema, shown)
        services.update_participant(participant=participant, changes=changes, actor=current_user)
        db.session.commit()
        return participant, 200, {"ETag": etag_of(participant)}

    @blp.response(204)
    @document_errors(blp, 401, 404, 409, 412, 428)
    @blp.doc(operationId="deleteParticipant",
             summary="Delete a participant with no clinical history", parameters=[IF_MATCH])
    def delete(self, participant_id):
        """A participant with screenings or group memberships is never deleted (409): archive them
        with PATCH `{"archived": true}` instead, so no clinical history is lost."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        check_if_match(participant)
        services.delete_participant(participant=participant, actor=current_user)
        db.session.commit()
