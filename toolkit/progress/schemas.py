from marshmallow import fields, validate

from ..common.roundtrip import with_read_only_echo
from ..common.schemas import StrictSchema, negotiated_format
from ..screening.schemas import PersonSchema

VERDICTS = ("improved", "deteriorated", "none")


class PointSchema(StrictSchema):
    """One score of an instrument: when, the score and its band."""

    screening_id = fields.String(required=True)
    at = fields.AwareDateTime(required=True)
    score = fields.Integer(required=True)
    band = fields.String(required=True)


class ThresholdSchema(StrictSchema):
    """The cited reliable change and caseness thresholds of an instrument."""

    reliable_change = fields.Integer(allow_none=True, required=True)
    reliable_change_source = fields.String(allow_none=True, required=True)
    caseness_at_least = fields.Integer(allow_none=True, required=True)
    caseness_source = fields.String(allow_none=True, required=True)


class InstrumentProgressSchema(StrictSchema):
    """One instrument over time: the series, baseline, latest, change, reliable change and recovery."""

    instrument = fields.String(required=True, metadata={"example": "phq9"})
    title = fields.String(required=True)
    series = fields.List(fields.Nested(PointSchema), required=True, metadata={"description": "Oldest first."})
    baseline = fields.Nested(PointSchema, allow_none=True, required=True)
    latest = fields.Nested(PointSchema, required=True)
    change = fields.Integer(allow_none=True, required=True, metadata={
        "description": "latest - baseline (higher = more symptoms); null with one screening only."})
    reliable_change = fields.String(allow_none=True, required=True, validate=validate.OneOf(VERDICTS), metadata={
        "description": "null when the instrument has no published reliable change threshold, or no change yet."})
    below_caseness = fields.Boolean(allow_none=True, required=True, metadata={
        "description": "From at or above this instrument's caseness line at baseline to below it now (one "
                       "instrument only: not recovery, which `paired` gives). Shown only: never loosens a verdict."})
    thresholds = fields.Nested(ThresholdSchema, allow_none=True, required=True)


class ProgrammeSchema(StrictSchema):
    """The programme (group) the baseline is taken from."""

    group_id = fields.String(required=True)
    group_name = fields.String(required=True)
    kind = fields.String(required=True)
    joined_on = fields.Date(required=True)


class ReviewSchema(StrictSchema):
    """A clinician's progress review after a reliable deterioration."""

    id = fields.String(required=True)
    participant_id = fields.String(required=True)
    reason = fields.String(required=True)
    screening_id = fields.String(allow_none=True, required=True, metadata={
        "description": "The newest screening when the review was recorded; a newer one ends the review's effect."})
    by = fields.Nested(PersonSchema, required=True)
    at = fields.AwareDateTime(required=True)


class ReviewCreateSchema(StrictSchema):
    """A progress review: why the member may do deep modules again despite a reliable deterioration."""

    reason = fields.String(required=True, validate=validate.Length(min=1, max=5000), metadata={
        "description": "Why deep work may go on despite the reliable deterioration (10 characters or more).",
        "example": "Seen individually: the rise follows a bereavement; safety plan reviewed, deep work may go on."})


class DeteriorationSchema(StrictSchema):
    """A reliable deterioration since baseline on one instrument."""

    active = fields.Boolean(required=True, metadata={
        "description": "A reliable deterioration not reviewed after the latest screening: deep items exclude."})
    reviewed = fields.Boolean(required=True)
    details = fields.List(fields.String(), required=True)
    review = fields.Nested(ReviewSchema, allow_none=True, required=True)
    review_path = fields.String(required=True)


class PairedSchema(StrictSchema):
    """NHS Talking Therapies' paired outcomes over PHQ-9 and GAD-7, baseline to latest (null unless both have
    a baseline and a later score). Definitions and sources: seed/screening/v1/change.yaml."""

    caseness_at_baseline = fields.Boolean(required=True, metadata={
        "description": "At baseline, PHQ-9 ≥ 10 or GAD-7 ≥ 8 (a clinical case on either)."})
    recovery = fields.Boolean(required=True, metadata={
        "description": "A case at baseline, and now below caseness on both."})
    reliable_improvement = fields.Boolean(required=True, metadata={
        "description": "At least one reliably improved (PHQ-9 by 6, GAD-7 by 4) and neither reliably deteriorated."})
    reliable_recovery = fields.Boolean(required=True, metadata={
        "description": "Both recovery and reliable improvement."})
    reliable_deterioration = fields.Boolean(required=True, metadata={
        "description": "At least one reliably deteriorated and neither reliably improved."})


class ProgressSchema(StrictSchema):
    """A participant's progress per scored instrument. Decision support, not a diagnosis."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    programme = fields.Nested(ProgrammeSchema, allow_none=True, required=True)
    baseline_rule = fields.String(required=True)
    thresholds_version = fields.String(required=True)
    instruments = fields.List(fields.Nested(InstrumentProgressSchema), required=True)
    overall = fields.String(allow_none=True, required=True, validate=validate.OneOf(VERDICTS))
    reliable_deterioration = fields.Nested(DeteriorationSchema, required=True)
    below_caseness = fields.List(fields.String(), required=True, metadata={
        "description": "Titles of the instruments that went from caseness at baseline to below it."})
    paired = fields.Nested(PairedSchema, allow_none=True, required=True)
    reviews = fields.List(fields.Nested(ReviewSchema), required=True)


class ProgressQuerySchema(StrictSchema):
    format = negotiated_format(("json", "svg"), described="json", load_default="json", description=(
        "`json` is the representation this operation describes. Links and pages may also ask this "
        "path for `svg`, the chart; that is its own operation at `progress.svg` (getParticipantProgressSvg) with "
        "one media type, which generated clients call instead."))


    instrument = fields.List(fields.String(validate=validate.Length(min=1, max=40)), metadata={
        "description": "Only these instruments (repeat the parameter), e.g. instrument=phq9&instrument=gad7."})
    group_id = fields.String(metadata={
        "description": "Measure within this group's programme (the participant must be a current member); "
                       "default: their current group programme (kind `group`), else any current group."})


class DueQuerySchema(StrictSchema):
    before = fields.Date(metadata={"description": "Sessions starting before this date (default: 14 days on)."})


class DueSessionSchema(StrictSchema):
    """The next session a participant is on the roster of."""

    plan_id = fields.String(required=True)
    title = fields.String(required=True)
    group_id = fields.String(required=True)
    group_name = fields.String(required=True)
    starts_at = fields.AwareDateTime(required=True)
    ends_at = fields.AwareDateTime(allow_none=True, required=True)
    series_id = fields.String(allow_none=True, required=True)
    session_number = fields.Integer(allow_none=True, required=True)


class DueReasonSchema(StrictSchema):
    """Why a re-screen is due."""

    reason = fields.String(required=True, validate=validate.OneOf(
        ("no_screening", "expires_before_session", "rhythm_sessions", "rhythm_days")))
    message = fields.String(required=True)


class DueSchema(StrictSchema):
    """A participant whose screening will not be valid at their next session, or whose re-screen rhythm has come
    round."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    last_screened_at = fields.AwareDateTime(allow_none=True, required=True)
    valid_until = fields.AwareDateTime(allow_none=True, required=True)
    session = fields.Nested(DueSessionSchema, required=True)
    reasons = fields.List(fields.Nested(DueReasonSchema), required=True)


class RhythmUpdateSchema(StrictSchema):
    """A change to the practice's re-screen rhythm: the fields sent change, null switches that rhythm off."""

    every_sessions = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=100), metadata={
        "description": "Screen again every N sessions of a series (null: not used).", "example": 4})
    every_days = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=3650), metadata={
        "description": "Screen again every N days (null: not used).", "example": 90})


class RhythmSchema(RhythmUpdateSchema):
    """The practice's re-screen rhythm: every N sessions of a series and/or every N days."""

    class Meta(StrictSchema.Meta):
        response = True

    etag = fields.String(dump_only=True, metadata={
        "description": "The rhythm's ETag, as the ETag header gives it: send it as If-Match to change it."})


RhythmUpdateSchema = with_read_only_echo(RhythmUpdateSchema, RhythmSchema)  # type: ignore[misc]  # the echoing subclass


class MemberRefSchema(StrictSchema):
    """A group member (for facilitators: id and display name)."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)


class MemberInstrumentSchema(StrictSchema):
    """One member's figures on one instrument."""

    instrument = fields.String(required=True)
    title = fields.String(required=True)
    baseline = fields.Integer(allow_none=True, required=True)
    latest = fields.Integer(required=True)
    change = fields.Integer(allow_none=True, required=True)
    reliable_change = fields.String(allow_none=True, required=True, validate=validate.OneOf(VERDICTS))
    below_caseness = fields.Boolean(allow_none=True, required=True)


class MemberProgressSchema(StrictSchema):
    """One member's progress in a group's summary."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    joined_on = fields.Date(required=True)
    overall = fields.String(allow_none=True, required=True, validate=validate.OneOf(VERDICTS))
    reliable_deterioration_active = fields.Boolean(required=True)
    below_caseness = fields.List(fields.String(), required=True)
    paired = fields.Nested(PairedSchema, allow_none=True, required=True)
    instruments = fields.List(fields.Nested(MemberInstrumentSchema), required=True)


class CountsSchema(StrictSchema):
    """How many members improved, did not change, deteriorated or are not yet measured."""

    improved = fields.Integer(required=True)
    no_change = fields.Integer(required=True)
    deteriorated = fields.Integer(required=True)
    not_measured = fields.Integer(required=True)


class GroupProgressSchema(StrictSchema):
    """A group's progress summary for a supervision meeting."""

    group_id = fields.String(required=True)
    group_name = fields.String(required=True)
    counts = fields.Nested(CountsSchema, required=True)
    improved = fields.List(fields.Nested(MemberRefSchema), required=True)
    no_change = fields.List(fields.Nested(MemberRefSchema), required=True)
    deteriorated = fields.List(fields.Nested(MemberRefSchema), required=True)
    not_measured = fields.List(fields.Nested(MemberRefSchema), required=True)
    members = fields.List(fields.Nested(MemberProgressSchema), required=True)
