from marshmallow import fields, validate

from ..common.schemas import StrictSchema, aware_datetime, etag_string
from .rules import MAX_COUNT, MAX_EVERY_WEEKS


class SeriesCreateSchema(StrictSchema):
    """A new series: `count` held sessions cloned from a template, every `every_weeks` weeks in the group's time
    zone; a skipped date does not count."""

    group_id = fields.String(required=True, validate=validate.Length(min=1, max=64), metadata={
        "description": "The group that meets (an unknown or foreign id is a 422 naming this field).",
        "example": "0d9c4b1e-5a7f-4c3e-9b2d-1e2f3a4b5c6d"})
    template_id = fields.String(required=True, validate=validate.Length(min=1, max=64), metadata={
        "description": "A template (a plan with no group) each session is cloned from.",
        "example": "6a1f0e2d-3c4b-4a5e-8f7d-9b0c1d2e3f4a"})
    first_starts_at = aware_datetime(required=True, metadata={
        "description": "The first session; later ones keep its wall-clock time in the group's time zone.",
        "example": "2027-03-04T18:00:00+00:00"})
    count = fields.Integer(required=True, strict=True, validate=validate.Range(min=1, max=MAX_COUNT), metadata={
        "description": "How many sessions are held (skipped dates do not count).", "example": 8})
    every_weeks = fields.Integer(load_default=1, strict=True, validate=validate.Range(min=1, max=MAX_EVERY_WEEKS),
                                 metadata={"description": "1: weekly, 2: every other week, ...", "example": 1})
    skip_dates = fields.List(fields.Date(), load_default=list, validate=validate.Length(max=MAX_COUNT), metadata={
        "description": "Dates (in the group's zone) of the series with no session, e.g. a holiday: the series "
                       "runs one slot longer for each.", "example": ["2027-04-01"]})
    title = fields.String(validate=validate.Length(min=1, max=160), metadata={
        "description": "Default: the template's title. Sessions are titled '<title> - session N'."})


class SeriesUpdateSchema(StrictSchema):
    """Changes to a series (its title); sessions are edited one by one as plans."""

    title = fields.String(required=True, validate=validate.Length(min=1, max=160), metadata={
        "description": "The new title; sessions are titled '<title> - session N'.",
        "example": "Thursday group, spring term"})


class SeriesSessionSchema(StrictSchema):
    """One session of a series: its plan, number and date, and whether attendance or a note exists."""

    plan_id = fields.String(required=True)
    session_number = fields.Integer(required=True)
    title = fields.String(required=True)
    starts_at = fields.AwareDateTime(required=True)
    ends_at = fields.AwareDateTime(required=True)
    has_attendance = fields.Boolean(required=True)
    has_note = fields.Boolean(required=True)


class SeriesSchema(StrictSchema):
    """A series of sessions (a programme) with the recurrence rule the server wrote (RRULE and EXDATEs)."""

    id = fields.String(required=True)
    group_id = fields.String(required=True)
    template_id = fields.String(allow_none=True, required=True)
    title = fields.String(required=True)
    timezone = fields.String(required=True)
    first_starts_at = fields.AwareDateTime(required=True)
    count = fields.Integer(required=True)
    every_weeks = fields.Integer(required=True)
    skip_dates = fields.List(fields.Date(), required=True)
    dtstart = fields.String(required=True, metadata={"example": "DTSTART;TZID=Europe/London:20270304T180000"})
    rrule = fields.String(required=True, metadata={
        "description": "Written by the server: COUNT includes the skipped slots (RFC 5545 removes EXDATEs "
                       "after counting).", "example": "RRULE:FREQ=WEEKLY;COUNT=9;INTERVAL=1"})
    exdates = fields.List(fields.String(), required=True,
                          metadata={"example": ["EXDATE;TZID=Europe/London:20270401T180000"]})
    sessions = fields.List(fields.Nested(SeriesSessionSchema), required=True)
    created_at = fields.AwareDateTime(required=True)
    updated_at = fields.AwareDateTime(required=True)
    etag = etag_string("series")


class SeriesQuerySchema(StrictSchema):
    group_id = fields.String(validate=validate.Length(max=64), metadata={
        "description": "Only this group's series (an unknown or foreign id is a 422 naming it)."})
