"""The closed vocabularies of the domain (DESIGN.md). Plain Python: used by rules, schemas and models."""

GROUP_KINDS = ("individual", "family", "couples", "retreat", "group")
ROLES = ("admin", "therapist")

MODULE_CATEGORIES = ("opening", "psychoeducation", "exercise", "reflection", "closing", "homework")
FRAMEWORKS = ("jungian", "ifs", "psychodynamic", "act", "cbt")
TARGETS = ("attachment", "childhood_trauma", "addiction", "perfectionism", "low_self_esteem", "anxiety")
INTENSITIES = ("gentle", "moderate", "deep")
SETTINGS = ("in_session", "homework", "retreat_activity")

FLAGS = ("unresolved_trauma", "mood_exacerbation", "dissociation", "acute_crisis")
CONTRA_ACTIONS = ("exclude", "adapt")

# Screening outcomes, from least to most restrictive. The order matters: max() of outcomes is the outcome.
OUTCOMES = ("clear", "caution", "refer", "defer")
# The outcomes that keep a person out of a session (refer, defer): the named constant outside screening/.
BLOCKING_OUTCOMES = OUTCOMES[2:]
# The levels of a screening rule (rules.yaml) and of a finding: a note (`info`) or a flag's outcome.
RULE_LEVELS = ("info", *OUTCOMES[1:])
VERDICTS = ("ok", "adapt", "exclude")
CLEARANCE_STATUSES = ("clear", "caution", "blocked")

PLAN_STATUSES = ("draft", "final")
SEX_AT_BIRTH = ("female", "male", "intersex", "unknown")

# Alerts (version 3, "The team between sessions"): what raised one, and where it stands.
ALERT_KINDS = ("crisis", "deterioration", "follow_up_due", "screening_due", "self_report_received", "note_unsigned",
               "webhook_disabled")
ALERT_STATUSES = ("open", "acknowledged", "resolved")
# The kinds of event in a practice's change feed (GET /events) and what webhooks subscribe to.
EVENT_TYPES = ("screening.created", "screening.overridden", "clearance.changed", "crisis_review.created",
               "progress_review.created", "attendance.recorded", "note.signed", "self_report.submitted",
               "alert.raised", "alert.acknowledged", "alert.resolved")
