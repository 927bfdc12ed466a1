"""The JSON agenda's shape, for the spec (the other formats are documented per content type).

Documentation only: render.py builds the document. Facilitator-only fields are optional (a participant
handout leaves them out); extra fields may be added, so these schemas do not forbid unknown ones.
"""

import marshmallow as ma
from marshmallow import fields, validate

from ..common.schemas import StrictSchema, negotiated_format
from ..vocab import GROUP_KINDS, MODULE_CATEGORIES
from .document import AUDIENCES, CLEARANCE_VERDICTS, DETAILS, FORMATS, PAPERS

OneOf = ma.validate.OneOf


class _Open(ma.Schema):
    """Documentation of an open shape: fields may be added to the agenda without breaking clients."""

    class Meta:
        unknown = ma.INCLUDE


class AgendaMaterialSchema(_Open):
    """One line of the materials checklist (facilitators get totals and where each is used)."""

    name = fields.String(required=True, metadata={"description": "What is needed."})
    quantity = fields.Integer(required=True, allow_none=True, metadata={"description": "How many."})
    per_participant = fields.Boolean(required=True, metadata={"description": "Multiplied by the group's size."})
    total = fields.Integer(allow_none=True, metadata={"description": "Facilitators: the total to bring (null when "
                                                                     "no quantity is given)."})
    label = fields.String(metadata={"description": "Facilitators: the line as printed."})
    used_in = fields.List(fields.String(), metadata={"description": "Facilitators: the items that use it."})
    consumable = fields.Boolean(metadata={
        "description": "Facilitators: used up, so every use is added up (across items and sessions); otherwise "
                       "reused, and the line keeps the largest number needed at one time."})
    for_participants = fields.Boolean(metadata={
        "description": "Facilitators: participants bring or use it (the participant handout lists only these)."})


class AgendaFacilitatorSchema(_Open):
    """A facilitator of the group. Participants get the name only."""

    id = fields.String(metadata={"description": "Facilitators: the therapist's id."})
    name = fields.String(required=True, metadata={"description": "The facilitator's name."})
    trauma_informed = fields.Boolean(metadata={"description": "Facilitators: trained in trauma-informed care."})


class AgendaPackingDaySchema(_Open):
    """Facilitators: what to pack for one day (that day's consumables added up, reused things at their
    largest need at one time)."""

    date = fields.Date(required=True, metadata={"description": "The day."})
    label = fields.String(required=True, metadata={"description": "The day as printed."})
    materials = fields.List(fields.Nested(AgendaMaterialSchema), required=True,
                            metadata={"description": "The day's materials, in order of first use."})


class AgendaAdaptationSchema(_Open):
    """Facilitators: what changes at one item for one member, printed under the item."""

    member_name = fields.String(required=True, metadata={"description": "Who."})
    verdict = fields.String(required=True, validate=OneOf(["adapt", "exclude", "missed_prerequisite"]),
                            metadata={"description": "adapt, exclude (sits it out) or missed_prerequisite."})
    label = fields.String(required=True, metadata={"description": "As printed, e.g. 'Adapt for Devon'."})
    text = fields.String(required=True, metadata={
        "description": "The adaptation, or for an exclusion what the member does instead."})
    reasons = fields.List(fields.String(), required=True, metadata={
        "description": "Why (without repeating the adaptation text)."})


class AgendaStatusPersonSchema(_Open):
    """Facilitators: one member who needs attention in a status box."""

    member_name = fields.String(required=True, metadata={"description": "Who."})
    verdict = fields.String(required=True, validate=OneOf(CLEARANCE_VERDICTS), metadata={
        "description": "blocked and unscreened come first."})
    label = fields.String(required=True, metadata={"description": "As printed, e.g. 'Must not take part'."})
    reasons = fields.List(fields.String(), required=True, metadata={"description": "Why."})
    items = fields.List(fields.String(), required=True, metadata={"description": "The items concerned."})


class AgendaStatusSchema(_Open):
    """Facilitators: the safety status box of the whole agenda or of one session (page one of each)."""

    level = fields.String(required=True, validate=OneOf(["blocked", "caution", "clear", "empty"]), metadata={
        "description": "blocked: someone must not take part; caution: adaptations; clear; empty: no members."})
    headline = fields.String(required=True, metadata={"description": "The box's first line."})
    people = fields.List(fields.Nested(AgendaStatusPersonSchema), required=True, metadata={
        "description": "Members who need attention, blocked and unscreened first."})
    warnings = fields.List(fields.String(), required=True, metadata={
        "description": "Whole agenda only: the facilitator warnings."})


class AgendaItemSchema(_Open):
    """One item of a session in the agenda, timed in the group's time zone."""

    item_id = fields.String(required=True, metadata={"description": "The plan item."})
    position = fields.Integer(required=True, metadata={"description": "0-based order."})
    title = fields.String(required=True, metadata={"description": "Title."})
    is_break = fields.Boolean(required=True, metadata={"description": "True for a break."})
    starts_at = fields.AwareDateTime(required=True, metadata={"description": "Start."})
    ends_at = fields.AwareDateTime(required=True, metadata={"description": "End."})
    minutes = fields.Integer(required=True, metadata={"description": "Length."})
    category = fields.String(required=True, allow_none=True, validate=OneOf(MODULE_CATEGORIES),
                             metadata={"description": "The module's category; null for a break."})
    participant_summary = fields.String(required=True, metadata={"description": "A gentle description."})
    summary = fields.String(metadata={"description": "Facilitators: the module's summary."})
    steps = fields.List(fields.String(), metadata={"description": "Facilitators: the steps."})
    facilitator_script = fields.String(metadata={"description": "Facilitators: the script."})
    materials = fields.List(fields.Nested(AgendaMaterialSchema), metadata={"description": "Facilitators."})
    notes = fields.String(allow_none=True, metadata={"description": "Facilitators: the item's notes."})
    lead = fields.Nested(AgendaFacilitatorSchema, allow_none=True, metadata={
        "description": "Facilitators: who leads this item (the plan item's `lead_id`); null when nobody is named."})
    adaptations = fields.List(fields.Nested(AgendaAdaptationSchema), metadata={
        "description": "Facilitators: the adaptations and exclusions that happen at this item."})


class AgendaPlanSchema(_Open):
    """One session of the agenda."""

    plan_id = fields.String(required=True, metadata={"description": "The plan."})
    title = fields.String(required=True, metadata={"description": "Title."})
    starts_at = fields.AwareDateTime(required=True, metadata={"description": "Start."})
    ends_at = fields.AwareDateTime(required=True, metadata={"description": "End."})
    minutes = fields.Integer(required=True, metadata={"description": "Length."})
    items = fields.List(fields.Nested(AgendaItemSchema), required=True, metadata={"description": "In order."})
    notes = fields.String(allow_none=True, metadata={"description": "Facilitators: the plan's notes."})
    safety_note = fields.String(allow_none=True, metadata={
        "description": "Facilitators: the session's safety line (who is blocked, unscreened or adapted)."})
    draft = fields.Boolean(required=True, metadata={"description": "The plan is still a draft (printed DRAFT)."})
    session_label = fields.String(allow_none=True, metadata={
        "description": "A session of a series: \"Session 4 of 8\" (null otherwise)."})
    status = fields.Nested(AgendaStatusSchema, allow_none=True, metadata={
        "description": "Facilitators: the session's status box (null when there is no group)."})


class AgendaDaySchema(_Open):
    """The sessions of one day, in the group's time zone."""

    date = fields.Date(required=True, metadata={"description": "The day."})
    label = fields.String(required=True, metadata={"description": "The day as printed."})
    plans = fields.List(fields.Nested(AgendaPlanSchema), required=True, metadata={"description": "Its sessions."})


class AgendaClearanceLineSchema(_Open):
    """Facilitators: one member's verdict for one item that is not plainly ok."""

    member_name = fields.String(required=True, metadata={"description": "Who."})
    plan_title = fields.String(required=True, metadata={"description": "Which session."})
    item_title = fields.String(required=True, allow_none=True,
                               metadata={"description": "Which item (null: the whole person)."})
    verdict = fields.String(required=True, validate=OneOf(CLEARANCE_VERDICTS), metadata={
        "description": "adapt or exclude for an item; blocked or unscreened for the whole person; "
                       "missed_prerequisite on the item that needs what they missed."})
    adaptation = fields.String(allow_none=True, metadata={"description": "How to adapt it."})
    alternative = fields.String(allow_none=True, metadata={
        "description": "For an exclusion: what the member does instead."})
    reasons = fields.List(fields.String(), required=True, metadata={"description": "Why."})


class AgendaMemberSafetySchema(_Open):
    """Facilitators: what to know about one member before the session."""

    member_name = fields.String(required=True, metadata={"description": "Who (display name)."})
    computed_outcome = fields.String(allow_none=True, metadata={"description": "The outcome the rules gave."})
    outcome = fields.String(allow_none=True, metadata={"description": "The effective outcome."})
    override = fields.String(allow_none=True, metadata={"description": "The override: who, when and why."})
    crisis_hold = fields.Boolean(metadata={"description": "Held at defer until a crisis review and a new "
                                                          "screening."})
    findings = fields.List(fields.String(), metadata={"description": "Alcohol and drug notes, incomplete "
                                                                     "instruments."})
    expires_before_session = fields.List(fields.String(), metadata={
        "description": "The sessions that end after the screening expires."})
    notes = fields.List(fields.String(), metadata={"description": "Other facts, e.g. why there is no screening."})
    progress = fields.List(fields.String(), metadata={
        "description": "The person's unreviewed `reliable_deterioration` (against their one baseline) and other "
                       "progress notes."})
    recent_crisis = fields.Dict(allow_none=True, metadata={
        "description": "A crisis screening of the last 90 days: {screening_id, on, reviewed_by, follow_up_on} "
                       "(null when none); deep items wait for a second crisis-free screening after its review."})


class AgendaWhatToDoSchema(_Open):
    """What a facilitator does if a member who must not take part comes (issue 31)."""

    member_name = fields.String(required=True, metadata={"description": "The member."})
    reason = fields.String(required=True, metadata={"description": "Why, once, in plain words."})
    checklist = fields.List(fields.String(), required=True, metadata={
        "description": "The screening's crisis checklist in short (its first steps)."})
    clinical_leads = fields.List(fields.Dict(), required=True, metadata={
        "description": "`{name, how}`: the practice's clinical leads and how to reach them."})
    emergency_contact = fields.String(required=True, metadata={
        "description": "The group's emergency contact, else the practice's."})
    people_to_ask = fields.List(fields.String(), required=True, metadata={
        "description": "From the member's current safety plan."})
    open_alerts = fields.List(fields.String(), required=True, metadata={"description": "Their unresolved alerts."})
    plan_ids = fields.List(fields.String(), required=True, metadata={
        "description": "The sessions it applies to (printed on their run sheets too)."})


class AgendaRosterLineSchema(_Open):
    """One member on the facilitator-only roster (issue 31)."""

    member_name = fields.String(required=True, metadata={"description": "The member."})
    emergency_contact = fields.String(required=True, metadata={"description": "Whom to call for them."})
    dietary_notes = fields.String(required=True, metadata={"description": "Allergies and dietary notes."})
    open_alerts = fields.List(fields.String(), required=True, metadata={"description": "Their unresolved alerts."})


class AgendaSchema(_Open):
    """An agenda as JSON (`?format=json` or `Accept: application/json`, the default)."""

    practice_name = fields.String(required=True, metadata={"description": "The practice."})
    group_name = fields.String(required=True, allow_none=True, metadata={"description": "The group."})
    group_kind = fields.String(required=True, allow_none=True, validate=OneOf(GROUP_KINDS),
                               metadata={"description": "The group's kind."})
    group_description = fields.String(required=True, metadata={"description": "The group's description."})
    detail = fields.String(required=True, validate=OneOf(["full", "run_sheet"]), metadata={
        "description": "full: run sheets, then scripts and steps; run_sheet: the run sheets alone."})
    printed_on = fields.Date(required=True, allow_none=True, metadata={"description": "The day it was printed."})
    first_date = fields.Date(required=True, allow_none=True, metadata={"description": "The first session's day."})
    last_date = fields.Date(required=True, allow_none=True, metadata={"description": "The last session's day."})
    facilitators = fields.List(fields.Nested(AgendaFacilitatorSchema), required=True, metadata={
        "description": "The group's facilitators."})
    contact = fields.String(required=True, allow_none=True, metadata={
        "description": "How to reach the practice (its `contact` setting)."})
    timezone = fields.String(required=True, metadata={"description": "The IANA zone the times are shown in."})
    location = fields.String(required=True, allow_none=True, metadata={"description": "Where."})
    audience = fields.String(required=True, validate=OneOf(["facilitator", "participant"]),
                             metadata={"description": "Who the agenda is for."})
    paper = fields.String(required=True, validate=OneOf(["a4", "letter"]), metadata={"description": "Paper size."})
    generated_for_date = fields.Date(required=True, allow_none=True, metadata={"description": "The first day."})
    member_count = fields.Integer(required=True, allow_none=True, metadata={"description": "Group size."})
    is_empty = fields.Boolean(required=True, metadata={"description": "True when there is nothing planned."})
    empty_message = fields.String(required=True, allow_none=True, metadata={"description": "Shown when empty."})
    days = fields.List(fields.Nested(AgendaDaySchema), required=True, metadata={"description": "By day."})
    materials = fields.List(fields.Nested(AgendaMaterialSchema), required=True,
                            metadata={"description": "The materials checklist: for facilitators everything, with "
                                                     "totals; for participants only what they bring or use."})
    facilitators = fields.List(fields.Nested(AgendaFacilitatorSchema), metadata={
        "description": "The group's facilitators (participants get their names only); empty without a group."})
    packing = fields.List(fields.Nested(AgendaPackingDaySchema), metadata={
        "description": "Facilitators: a packing list per day (days without materials are left out)."})
    clearance = fields.List(fields.Nested(AgendaClearanceLineSchema), allow_none=True, metadata={
        "description": "Facilitators: the clearance summary (null when there is no group)."})
    member_safety = fields.List(fields.Nested(AgendaMemberSafetySchema), allow_none=True, metadata={
        "description": "Facilitators: each member's safety facts (null when there is no group)."})
    safety_warnings = fields.List(fields.String(), metadata={
        "description": "Facilitators: warnings naming members, e.g. no trauma-informed facilitator."})
    status = fields.Nested(AgendaStatusSchema, allow_none=True, metadata={
        "description": "Facilitators: the status box of the whole agenda (page one; null without a group)."})
    emergency_contact = fields.String(allow_none=True, metadata={
        "description": "Whom to call in an emergency where the group meets: the group's, else the practice's."})
    large_print = fields.Boolean(metadata={"description": "`?print=large`: printed at 16 pt and more."})
    what_to_do = fields.List(fields.Nested(AgendaWhatToDoSchema), metadata={
        "description": "Facilitators: a box per member who must not take part (refer, defer, crisis hold)."})
    roster = fields.List(fields.Nested(AgendaRosterLineSchema), allow_none=True, metadata={
        "description": "Facilitators only: emergency contacts, allergies and dietary notes, open alerts."})
    coverage_warnings = fields.List(fields.String(), metadata={
        "description": "Facilitators: exclusions whose alternative needs a second adult in a group with one "
                       "facilitator (also in the status box's warnings)."})


class AgendaQuerySchema(StrictSchema):
    format = negotiated_format(FORMATS, described="json", description=(
        "`json` (the default) is the representation this operation describes. Browsers and links may also ask "
        "this path for `html`, `pdf`, `ics` or `md` (it wins over the Accept header); each of those is its own "
        "operation at `agenda.{ext}` with one media type, which generated clients call instead."))
    audience = fields.String(load_default="facilitator", validate=validate.OneOf(AUDIENCES), metadata={
        "description": "participant: a handout without names, screenings, scripts or clinical notes."})
    paper = fields.String(load_default="a4", validate=validate.OneOf(PAPERS),
                          metadata={"description": "Paper size of the PDF and print CSS."})
    detail = fields.String(load_default="plans", validate=validate.OneOf(DETAILS), metadata={
        "description": "How much detail. ics: `plans` (the default) gives one event per plan, `items` one per "
                       "item. pdf, html, md and json: every day opens with its run sheet (time, duration, item, "
                       "lead, materials, notes) followed by the scripts and steps; `run_sheet` leaves the scripts, "
                       "steps and module summaries out (at most about two PDF pages a day). Any other value is 422.",
        "example": "run_sheet"})
    print = fields.String(load_default="normal", validate=validate.OneOf(["normal", "large"]), metadata={
        "description": "`large`: the participant handout in large print (16 pt and more)."})


class CalendarFeedSchema(StrictSchema):
    """A group's calendar subscription, without its token (that is shown once, when it is made)."""

    group_id = fields.String(required=True, metadata={"description": "The group whose sessions the feed shows."})
    created_at = fields.AwareDateTime(required=True, metadata={"description": "When the current token was made."})
    created_by = fields.String(allow_none=True, required=True, metadata={
        "description": "The therapist who made the current token (null if that account is gone)."})


class CalendarTokenSchema(CalendarFeedSchema):
    """A new calendar token: the only time it is shown. Give the URL to a calendar app as a subscription;
    anyone with it can read the sessions' titles, times and location (no names, no clinical data)."""

    token = fields.String(required=True, metadata={"description": "The secret token (not stored: keep the URL).",
                                                   "example": "q0Zr3bX2k9YwH1mD8sJ4tV6nC5pL7aE0fG2hK3uR9xQ"})
    url = fields.String(required=True, metadata={
        "description": "The feed's URL: GET it without a bearer token; it answers text/calendar.",
        "example": "https://toolkit.example.org/api/v1/calendar-feeds/q0Zr3bX2k9YwH1mD8sJ4tV6nC5pL7aE0fG2hK3uR9xQ"})
    webcal_url = fields.String(required=True, metadata={
        "description": "The same URL with the webcal: scheme, which opens a calendar app's subscribe dialog.",
        "example": "webcal://toolkit.example.org/api/v1/calendar-feeds/q0Zr3bX2k9YwH1mD8sJ4tV6nC5pL7aE0fG2hK3uR9xQ"})


class PackQuerySchema(StrictSchema):
    paper = fields.String(load_default="a4", validate=validate.OneOf(PAPERS),
                          metadata={"description": "Paper size of the pack's PDFs and sign-in sheets."})
