from marshmallow import fields, validate

from ..common.schemas import StrictSchema, etag_string, negotiated_format, text
from .rules import STATUSES


class AttendanceInSchema(StrictSchema):
    """One member's attendance at a session."""

    participant_id = fields.String(required=True, validate=validate.Length(min=1, max=64), metadata={
        "description": "A member on the session's roster (else a 422 naming this field)."})
    status = fields.String(required=True, validate=validate.OneOf(STATUSES), metadata={"example": "present"})
    note = text(2000, allow_none=True, load_default=None, metadata={"example": "Arrived 10 minutes late (bus)."})


class AttendanceSheetInSchema(StrictSchema):
    """The whole attendance sheet of a session, for members on its roster; replaced in one transaction."""

    records = fields.List(fields.Nested(AttendanceInSchema), required=True, validate=validate.Length(max=1000),
                          metadata={"description": "The whole sheet: members left out have nothing recorded."})


class RecorderSchema(StrictSchema):
    """Who recorded the attendance."""

    id = fields.String(required=True)
    name = fields.String(required=True)


class AttendanceLineSchema(StrictSchema):
    """One roster member's attendance (status null while not recorded)."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    status = fields.String(allow_none=True, required=True, validate=validate.OneOf(STATUSES),
                           metadata={"description": "Null: not recorded yet."})
    note = fields.String(allow_none=True, required=True)
    recorded_by = fields.Nested(RecorderSchema, allow_none=True, required=True)
    recorded_at = fields.AwareDateTime(allow_none=True, required=True)


class AttendanceSheetSchema(StrictSchema):
    """A session's attendance sheet: one line per member on the roster of its date."""

    plan_id = fields.String(required=True)
    session_date = fields.Date(required=True, metadata={"description": "The roster is the members on this date."})
    session_number = fields.Integer(allow_none=True, required=True)
    records = fields.List(fields.Nested(AttendanceLineSchema), required=True,
                          metadata={"description": "One line per member on the session's roster."})
    etag = etag_string("sheet")


class TallySchema(StrictSchema):
    """One member's attendance over the group's sessions held: counts per status and the attendance rate."""

    participant_id = fields.String(required=True)
    display_name = fields.String(required=True)
    current_member = fields.Boolean(required=True)
    sessions_held = fields.Integer(required=True, metadata={
        "description": "Sessions with attendance recorded while this person was on the roster."})
    unrecorded = fields.Integer(required=True)
    counts = fields.Dict(keys=fields.String(validate=validate.OneOf(STATUSES)), values=fields.Integer(),
                         required=True, metadata={"example": dict.fromkeys(STATUSES, 0)})
    attendance_rate = fields.Float(allow_none=True, required=True, metadata={
        "description": "Present, late or left early over the sessions held for them, not counting sessions the "
                       "practice cancelled or with nothing recorded; null before any."})


class GroupAttendanceSchema(StrictSchema):
    """Attendance per member over all the sessions a group has held."""

    group_id = fields.String(required=True)
    sessions_held = fields.Integer(required=True)
    members = fields.List(fields.Nested(TallySchema), required=True)


class SignInQuerySchema(StrictSchema):
    format = negotiated_format(("html", "pdf"), described="html", load_default="html", description=(
        "`html` is the representation this operation describes. Links may also ask this path for "
        "`pdf`; that is its own operation at `sign-in-sheet.pdf` (getSignInSheetPdf) with one media type, which "
        "generated clients call instead."))
    paper = fields.String(load_default="a4", validate=validate.OneOf(["a4", "letter"]), metadata={
        "description": "a4 (default) or letter."})
