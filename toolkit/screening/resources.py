from flask.views import MethodView

from ..access import auth_required, current_user
from ..audit.services import record
from ..common.query import paginate
from ..common.spec import LOCATION_HEADER, PAGINATION_HEADER, Blueprint, document_errors
from ..extensions import db
from ..participants.models import Participant
from ..web import get_or_404
from . import services
from .models import Screening
from .request_schemas import ScreeningCreateSchema, ScreeningListQuerySchema, request_example
from .schemas import CrisisReviewCreateSchema, CrisisReviewSchema, FormSchema, OverrideCreateSchema, ScreeningSchema

blp = Blueprint("screening", __name__, url_prefix="/api/v1",
                description="Intake screening against the contraindications, and plan clearance. Decision support "
                            "for a clinician, not a diagnosis. Every read and write is audited.")


@blp.route("/screening/form")
class ScreeningForm(MethodView):
    decorators = [auth_required]

    @blp.response(200, FormSchema)
    @document_errors(blp, 401)
    @blp.doc(operationId="getScreeningForm", summary="The current intake form")
    def get(self):
        """Versioned instruments (PHQ-9, GAD-7, PC-PTSD-5, ASQ, AUDIT-C, a single drug-use question and our
        clinician-entered items). Option values are the item scores; the lowest means "no symptom".
        `validity_days` is this deployment's: a screening counts for a plan only if still valid at its end."""
        return services.form_for_clients(services.current_form())


@blp.route("/participants/<string:participant_id>/screenings")
class ParticipantScreenings(MethodView):
    decorators = [auth_required]

    @blp.arguments(ScreeningListQuerySchema, location="query")
    @blp.response(200, ScreeningSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404, 422)
    @blp.doc(operationId="listScreenings", summary="A participant's screenings, newest first")
    def get(self, query, participant_id, pagination_parameters):
        """Newest first (or in the `sort` order). Audited."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        rows = paginate(services.screenings_of(participant, query["sort"]), pagination_parameters)
        # Present before the commit: it expires the rows, and reloading them would cost a query per row.
        result = [services.present(s) for s in rows]
        record("list", "screening", participant.id, actor=current_user)
        db.session.commit()
        return result

    @blp.arguments(ScreeningCreateSchema, example=request_example())
    @blp.response(201, ScreeningSchema, headers=LOCATION_HEADER)
    @document_errors(blp, 400, 401, 403, 404, 413, 422)
    @blp.doc(operationId="createScreening", summary="Screen a participant")
    def post(self, data, participant_id):
        """Scores the answers, raises the contraindication flags with their reasons and gives the outcome:
        `clear`, `caution`, `refer` or `defer` (crisis: the response carries acute or non-acute guidance).
        A stale `form_version`, a missing item, a value outside an item's options or an answer to an item
        that is not enabled is a 422 naming the item, except that a positive critical item lets the form be
        saved with items unanswered (`complete: false`, outcome `defer`). `declined` items: a declined
        critical item counts as positive, any other leaves its instrument incomplete (at least `caution`).
        The adult form is refused (422) for a participant under 18 on the screening date: a clinical lead
        records `method: clinician_assessment` with an `outcome` and a `reason` instead (403 for others).
        The form needs the participant's `date_of_birth` (422 naming it). An incomplete instrument raises the
        flag it screens for at `caution` (finding `incomplete-instrument`), and a declined answer never gives
        fewer flags than the worst answer would. A screening taken during a crisis hold carries
        `crisis_hold: true` and `effective_outcome: defer`. Immutable once stored."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        screening = services.submit_screening(participant=participant, data=data, actor=current_user)
        body = services.present(screening, new_by=current_user)  # built from what was just stored, before commit
        db.session.commit()
        return body, 201, {"Location": f"{blp.url_prefix}/screenings/{screening.id}"}


@blp.route("/participants/<string:participant_id>/crisis-reviews")
class ParticipantCrisisReviews(MethodView):
    decorators = [auth_required]

    @blp.response(200, CrisisReviewSchema(many=True), headers=PAGINATION_HEADER)
    @blp.paginate()
    @document_errors(blp, 401, 404, 422)
    @blp.doc(operationId="listCrisisReviews", summary="A participant's crisis reviews, newest first")
    def get(self, participant_id, pagination_parameters):
        """The crisis reviews recorded for this participant by clinical leads (the crisis screening, summary,
        risk level, safety plan, the follow-up date, who and when; older reviews show `safety_plan_in_place`).
        Audited as a read of clinical data."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        rows = paginate(services.crisis_reviews_of(participant), pagination_parameters)
        result = [services.present_review(r) for r in rows]
        record("list", "crisis_review", participant.id, actor=current_user)
        db.session.commit()
        return result

    @blp.arguments(CrisisReviewCreateSchema)
    @blp.response(201, CrisisReviewSchema, headers=LOCATION_HEADER)
    @document_errors(blp, 400, 401, 403, 404, 409, 413, 422)
    @blp.doc(operationId="createCrisisReview", summary="Record a crisis review (clinical lead)")
    def post(self, data, participant_id):
        """After a crisis (`defer`) the participant stays `defer` in clearance until a clinical lead reviews
        their latest crisis screening (`screening_id`) with a risk level that is not `high` **and** a
        screening free of crisis is taken at least 24 hours after the review. 403 for a therapist who is not
        a clinical lead; 409 when `screening_id` is not the person's latest crisis screening (a newer crisis
        is unseen) or there is none; 422 for a summary under 20 characters, a past `follow_up_on`, or a
        `safety_plan_id` that is not the person's current safety plan. Concurrent reviews and screenings of
        one person are serialised. Audited."""
        participant = get_or_404(Participant, participant_id, what="Participant")
        review = services.record_crisis_review(participant=participant, data=data, actor=current_user)
        db.session.commit()
        location = f"{blp.url_prefix}/participants/{participant.id}/crisis-reviews"
        return services.present_review(review), 201, {"Location": location}


@blp.route("/screenings/<string:screening_id>")
class ScreeningById(MethodView):
    decorators = [auth_required]

    @blp.response(200, ScreeningSchema)
    @document_errors(blp, 401, 404)
    @blp.doc(operationId="getScreening", summary="Get a screening")
    def get(self, screening_id):
        """The scores, flags with their reasons, the computed and current outcome, and every override. Audited."""
        screening = get_or_404(Screening, screening_id, what="Screening")
        record("read", "screening", screening.id, actor=current_user)
        db.session.commit()
        return services.present(screening)


@blp.route("/screenings/<string:screening_id>/override")
class ScreeningOverride(MethodView):
    decorators = [auth_required]

    @blp.arguments(OverrideCreateSchema)
    @blp.response(201, ScreeningSchema, headers=LOCATION_HEADER)
    @document_errors(blp, 400, 401, 403, 404, 409, 413, 422)
    @blp.doc(operationId="overrideScreening", summary="Override a screening's outcome (reason required)")
    def post(self, data, screening_id):
        """Any therapist may make the outcome more restrictive. Making it less restrictive needs a clinical
        lead (403 otherwise) and a reason of at least 20 characters (422). A screening whose computed flags
        include `acute_crisis` cannot go below `refer` (409: record a crisis review and screen again). The
        override changes the outcome, never the flags: their module adaptations still apply. The computed
        outcome stays on the record beside the override. Audited, refusals too."""
        screening = get_or_404(Screening, screening_id, what="Screening")
        services.override(screening=screening, outcome=data["outcome"], reason=data["reason"],
                          actor=current_user)
        db.session.commit()
        return services.present(screening), 201, {"Location": f"{blp.url_prefix}/screenings/{screening.id}"}
