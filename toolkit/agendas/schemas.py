"""The JSON agenda's shape, for the spec (the other formats are documented per content type).

Documentation only: render.py builds the document. Facilitator-only fields are optional (a participant
handout leaves them out); extra fields may be added, so these schemas do not forbid unknown ones.
"""

import marshmallow as ma
from marshmallow import fields

from ..vocab import GROUP_KINDS, MODULE_CATEGORIES, VERDICTS

OneOf = ma.validate.OneOf


class AgendaMaterialSchema(ma.Schema):
    """One line of the materials checklist (facilitators get totals and where each is used)."""

    name = fields.String(required=True, metadata={"description": "What is needed."})
    quantity = fields.Integer(required=True, allow_none=True, metadata={"description": "How many."})
    per_participant = fields.Boolean(required=True, metadata={"description": "Multiplied by the group's size."})
    total = fields.Integer(metadata={"description": "Facilitators: the total to bring."})
    label = fields.String(metadata={"description": "Facilitators: the line as printed."})
    used_in = fields.List(fields.String(), metadata={"description": "Facilitators: the items that use it."})


class AgendaItemSchema(ma.Schema):
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


class AgendaPlanSchema(ma.Schema):
    """One session of the agenda."""

    plan_id = fields.String(required=True, metadata={"description": "The plan."})
    title = fields.String(required=True, metadata={"description": "Title."})
    starts_at = fields.AwareDateTime(required=True, metadata={"description": "Start."})
    ends_at = fields.AwareDateTime(required=True, metadata={"description": "End."})
    minutes = fields.Integer(required=True, metadata={"description": "Length."})
    items = fields.List(fields.Nested(AgendaItemSchema), required=True, metadata={"description": "In order."})
    notes = fields.String(allow_none=True, metadata={"description": "Facilitators: the plan's notes."})


class AgendaDaySchema(ma.Schema):
    """The sessions of one day, in the group's time zone."""

    date = fields.Date(required=True, metadata={"description": "The day."})
    label = fields.String(required=True, metadata={"description": "The day as printed."})
    plans = fields.List(fields.Nested(AgendaPlanSchema), required=True, metadata={"description": "Its sessions."})


class AgendaClearanceLineSchema(ma.Schema):
    """Facilitators: one member's verdict for one item that is not plainly ok."""

    member_name = fields.String(required=True, metadata={"description": "Who."})
    plan_title = fields.String(required=True, metadata={"description": "Which session."})
    item_title = fields.String(required=True, allow_none=True,
                               metadata={"description": "Which item (null: the whole person)."})
    verdict = fields.String(required=True, validate=OneOf(VERDICTS), metadata={"description": "The verdict."})
    adaptation = fields.String(allow_none=True, metadata={"description": "How to adapt it."})
    reasons = fields.List(fields.String(), required=True, metadata={"description": "Why."})


class AgendaSchema(ma.Schema):
    """An agenda as JSON (`?format=json` or `Accept: application/json`, the default)."""

    practice_name = fields.String(required=True, metadata={"description": "The practice."})
    group_name = fields.String(required=True, allow_none=True, metadata={"description": "The group."})
    group_kind = fields.String(required=True, allow_none=True, validate=OneOf(GROUP_KINDS),
                               metadata={"description": "The group's kind."})
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
                            metadata={"description": "The materials checklist."})
    clearance = fields.List(fields.Nested(AgendaClearanceLineSchema), allow_none=True, metadata={
        "description": "Facilitators: the clearance summary (null when there is no group)."})
