from flask import Response, jsonify
from flask.views import MethodView
from flask_smorest import abort

from ..access import auth_required, current_user
from ..common.etag import ETAG_HEADER, IF_MATCH, check_if_match
from ..common.query import page_of
from ..common.roundtrip import drop_read_only
from ..common.spec import LOCATION_HEADER, PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..groups.models import Group
from ..participants.models import Participant
from ..web import get_or_404
from . import services
from .chart import ChartError
from .schemas import (
    DueQuerySchema,
    DueSchema,
    GroupProgressSchema,
    ProgressQuerySchema,
    ProgressSchema,
    ReviewCreateSchema,
    ReviewSchema,
    RhythmSchema,
    RhythmUpdateSchema,
)

blp = Blueprint("progress", __name__, url_prefix="/api/v1",
                description="Progress over a programme: change since baseline with reliable change and recovery "
                            "(cited thresholds), charts, re-screens due, and progress reviews. Decision support; "
                            "every read and write is audited.")

SVG_RESPONSES = {"200": {"description": "The chart (image/svg+xml).", "content": {"image/svg+xml": {"schema": {
    "type": "string", "description": "An SVG document: a panel per instrument over time."}}}}}


def progress_of(participant_id: str, query, *, svg: bool):
    """A participant's progress as JSON or as the SVG chart: the answer of GET .../progress (either format) and of
    GET .../progress.svg."""
    participant = get_or_404(Participant, participant_id, what="Participant")
    options = {"group_id": query.get("group_id"), "instruments": query.get("instrument")}
    if svg:
        try:
            chart = services.progress_svg(participant=participant, actor=current_user, **options)
        except ChartError:
            abort(503, message="The chart could not be drawn just now; the JSON progress is available.")
        db.session.commit()
        return Response(chart, mimetype="image/svg+xml", headers={"Cache-Control": "private, no-store"})
    body = ProgressSchema().dump(services.participant_progress(participant=participant, actor=current_user,
                                                                **options))
    db.session.commit()
    return jsonify(body)


@blp.route("/participants/<string:participant_id>/progress")
class ParticipantProgress(MethodView):
    decorators = [auth_required]

    @blp.arguments(ProgressQuerySchema, location="query")
    @blp.doc(summary="A participant's change since baseline", operationId="getParticipantProgress",
             responses={"200": {"description": "The participant's progress.",
                                "content": {"application/json": {"schema": ProgressSchema}}}})
    @document_errors(blp, 401, 404, 422)
    def get(self, query, participant_id):
        """Per scored instrument: the series (date, score, band), the baseline, the latest score, the change,
        `reliable_change` (improved / deteriorated / none; null without a published threshold) and
        `below_caseness`; `paired`: NHS Talking Therapies' recovery, reliable improvement, reliable recovery
        and reliable deterioration over PHQ-9 and GAD-7. The baseline is the person's one baseline across all
        their groups: the latest screening before their earliest membership began (else the first after it;
        no membership: the first ever), moved only by a clinical lead's progress review.

        This operation describes the JSON representation only. For links and pages the same path also answers
        `?format=svg` with the chart, exactly as `getParticipantProgressSvg` (GET .../progress.svg, one media
        type) does; generated clients call that instead."""
        return progress_of(participant_id, query, svg=query["format"] == "svg")


@blp.route("/participants/<string:participant_id>/progress.svg")
class ParticipantProgressChart(MethodView):
    decorators = [auth_required]

    @blp.arguments(ProgressQuerySchema(exclude=("format",)), location="query")
    @blp.doc(summary="A participant's change since baseline, as a chart (SVG)",
             operationId="getParticipantProgressSvg", responses=SVG_RESPONSES)
    @document_errors(blp, 401, 404, 422, 503)
    def get(self, query, participant_id):
        """The progress drawn for a printed record, the one media type of this operation (exactly what
        `GET .../progress?format=svg` answers): the person and date range, each panel's verdict, baseline ±
        the reliable-change threshold shaded, categorical screens as event markers. 503 when the chart cannot
        be drawn just now (the JSON progress is still available). Audited like the JSON."""
        return progress_of(participant_id, query, svg=True)


@blp.route("/participants/<string:participant_id>/progress-reviews")
class ParticipantProgressReviews(MethodView):
    decorators = [auth_required]

    @blp.arguments(ReviewCreateSchema)
    @blp.response(201, ReviewSchema, headers=LOCATION_HEADER)
    @document_errors(blp, 400, 401, 403, 404, 409, 413, 422)
    @blp.doc(summary="Record a progress review", operationId="createProgressReview")
    def post(self, data, participant_id):
        """A clinical lead (403 otherwise) records why deep work may go on after a reliable deterioration.
        It counts until the next screening: a newer screening that still shows the deterioration excludes
        deep items again. Audited, refusals too."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        review = services.record_review(participant=participant, reason=data["reason"], actor=current_user)
        body = services.present_review(review)
        db.session.commit()
        return body, 201, {"Location": f"{blp.url_prefix}/participants/{participant.id}/progress-reviews"}

    @blp.response(200, ReviewSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404)
    @blp.doc(summary="A participant's progress reviews, newest first", operationId="listProgressReviews")
    def get(self, participant_id, pagination_parameters):
        """Every progress review recorded for the participant, newest first, paginated."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        body = page_of(services.reviews_of(participant=participant, actor=current_user), pagination_parameters)
        db.session.commit()
        return body


@blp.route("/screenings/due")
class ScreeningsDue(MethodView):
    decorators = [auth_required]

    @blp.arguments(DueQuerySchema, location="query")
    @blp.response(200, DueSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 422)
    @blp.doc(summary="Re-screens due before a date", operationId="listScreeningsDue")
    def get(self, query, pagination_parameters):
        """Participants whose next session (starting from now and before `before`) will find their screening
        not valid at its end, or whose practice re-screen rhythm has come round, with that session and the
        reasons (no_screening, expires_before_session, rhythm_sessions, rhythm_days)."""
        before = query.get("before") or services.default_before()
        body = page_of(services.screenings_due(before=before, actor=current_user), pagination_parameters)
        db.session.commit()
        return body


@blp.route("/practice/rescreen-rhythm")
class PracticeRescreenRhythm(MethodView):
    decorators = [auth_required]

    @blp.response(200, RhythmSchema, headers=ETAG_HEADER)
    @document_errors(blp, 401)
    @blp.doc(summary="The practice's re-screen rhythm", operationId="getRescreenRhythm")
    def get(self):
        """Every N sessions of a series and/or every N days; null means not used. The `ETag` header (also
        `etag` in the body) is the version to send as `If-Match` with a change."""
        body = services.get_rhythm(actor=current_user)
        return body, 200, {"ETag": body["etag"]}

    @auth_required(admin=True)
    @blp.arguments(RhythmUpdateSchema)
    @blp.response(200, RhythmSchema, headers=ETAG_HEADER)
    @document_errors(blp, 400, 401, 403, 412, 413, 422, 428)
    @blp.doc(summary="Set the practice's re-screen rhythm (admin)", operationId="updateRescreenRhythm",
             parameters=[IF_MATCH])
    def patch(self, changes):
        """Admins only (403), with the rhythm's ETag as `If-Match` (412 when another admin changed it since,
        428 without). Fields left out keep their value; null switches that rhythm off. The object a GET
        returned may be sent back as it is. Audited."""
        shown = services.get_rhythm(actor=current_user)
        changes = drop_read_only(changes, RhythmUpdateSchema, shown)
        check_if_match(tag=shown["etag"], what="re-screen rhythm")
        body = services.set_rhythm(actor=current_user, changes=changes)
        db.session.commit()
        return body, 200, {"ETag": body["etag"]}


@blp.route("/groups/<string:group_id>/progress")
class GroupProgress(MethodView):
    decorators = [auth_required]

    @blp.response(200, GroupProgressSchema)
    @document_errors(blp, 401, 404)
    @blp.doc(summary="A group's members: improved, no change, deteriorated", operationId="getGroupProgress")
    def get(self, group_id):
        """For a supervision meeting: each current member's change since their own baseline (the person's,
        the same in every group), and the lists of improved / no change / deteriorated / not yet measured
        members (ids and names)."""
        group = get_or_404(Group, group_id, what="Group")
        body = services.group_progress(group=group, actor=current_user)
        db.session.commit()
        return body
