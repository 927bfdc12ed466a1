from flask.views import MethodView
from sqlalchemy import select

from ..access import auth_required, current_user
from ..common.etag import CREATED_HEADERS, ETAG_HEADER, IF_MATCH, check_if_match, etag_of, with_etag
from ..common.query import page_of, paginate
from ..common.spec import PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..participants.models import Participant
from ..plans.models import SessionPlan
from ..web import get_or_404
from . import services
from .models import SessionNote
from .schemas import AddendumInSchema, NoteCreateSchema, NoteSchema, NoteUpdateSchema, ParticipantNoteSchema

blp = Blueprint("notes", __name__, url_prefix="/api/v1",
                description="Session notes (PHI, audited): a shared part and one entry per member; draft, "
                            "then signed and locked, then addenda.")


@blp.route("/plans/<string:plan_id>/notes")
class PlanNotes(MethodView):
    decorators = [auth_required]

    @blp.arguments(NoteCreateSchema)
    @blp.response(201, NoteSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 404, 409, 413, 422)
    @blp.doc(summary="Write a session's note", operationId="createNote")
    def post(self, data, plan_id):
        """One note per session, as a draft. Entries only for members on the session's roster (422 naming
        the entry otherwise); a second note for the session is a 409."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        note = services.create_note(plan=plan, actor=current_user, **data)
        db.session.commit()
        return with_etag(services.present(note), note, 201, collection=f"{blp.url_prefix}/notes")

    @blp.response(200, NoteSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404)
    @blp.doc(summary="A session's note", operationId="listPlanNotes")
    def get(self, plan_id, pagination_parameters):
        """The session's note, if written (a list of at most one, paginated like every list)."""
        plan = get_or_404(SessionPlan, plan_id, what="Plan")
        notes = paginate(select(SessionNote).where(SessionNote.plan_id == plan.id).order_by(SessionNote.id),
                         pagination_parameters)
        body = [services.read_note(note=n, actor=current_user) for n in notes]
        db.session.commit()
        return body


@blp.route("/notes/<string:note_id>")
class NoteById(MethodView):
    decorators = [auth_required]

    @blp.response(200, NoteSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404)
    @blp.doc(summary="Get a session note", operationId="getNote")
    def get(self, note_id):
        """The whole note: the shared part, every member's entry, its status, signature and addenda. Clinical
        data: audited."""
        note = get_or_404(SessionNote, note_id, what="Note")
        body = services.read_note(note=note, actor=current_user)
        db.session.commit()
        return body, 200, {"ETag": etag_of(note)}

    @blp.arguments(NoteUpdateSchema)
    @blp.response(200, NoteSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 404, 409, 412, 413, 422, 428)
    @blp.doc(summary="Change a draft note", operationId="updateNote", parameters=[IF_MATCH])
    def patch(self, changes, note_id):
        """Only while the note is a draft: a signed note answers 409."""
        note = get_or_404(SessionNote, note_id, what="Note")
        check_if_match(note)
        services.update_note(note=note, actor=current_user, changes=changes)
        db.session.commit()
        return with_etag(services.present(note), note, collection=f"{blp.url_prefix}/notes")


@blp.route("/notes/<string:note_id>/sign")
class NoteSign(MethodView):
    decorators = [auth_required]

    @blp.response(200, NoteSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401, 404, 409, 412, 428)
    @blp.doc(summary="Sign a note (locks it)", operationId="signNote", parameters=[IF_MATCH])
    def post(self, note_id):
        """From now on the note's text never changes (edits answer 409); add addenda instead."""
        note = get_or_404(SessionNote, note_id, what="Note")
        check_if_match(note)
        services.sign_note(note=note, actor=current_user)
        db.session.commit()
        return with_etag(services.present(note), note, collection=f"{blp.url_prefix}/notes")


@blp.route("/notes/<string:note_id>/addenda")
class NoteAddenda(MethodView):
    decorators = [auth_required]

    @blp.arguments(AddendumInSchema)
    @blp.response(201, NoteSchema, headers=CREATED_HEADERS)
    @document_errors(blp, 400, 401, 404, 409, 413, 422)
    @blp.doc(summary="Add an addendum to a signed note", operationId="addNoteAddendum")
    def post(self, data, note_id):
        """Kept with its author and time beside the signed text; a draft answers 409 (edit it instead)."""
        note = get_or_404(SessionNote, note_id, what="Note")
        services.add_addendum(note=note, actor=current_user, text=data["text"])
        db.session.commit()
        return with_etag(services.present(note), note, 201, collection=f"{blp.url_prefix}/notes")


@blp.route("/participants/<string:participant_id>/notes")
class ParticipantNotes(MethodView):
    decorators = [auth_required]

    @blp.response(200, ParticipantNoteSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404)
    @blp.doc(summary="A participant's session notes", operationId="listParticipantNotes")
    def get(self, participant_id, pagination_parameters):
        """Notes of the sessions this person was on the roster of: the shared part and only their own entry,
        never another member's. Paginated."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        body = page_of(services.notes_of_participant(participant=participant, actor=current_user),
                       pagination_parameters)
        db.session.commit()
        return body
