"""Every shared vocabulary of the API as one named enum component of the spec (issue 34): a property or
parameter whose values are exactly one of these is documented as a reference to it (common/spec.py), so a
generated client has one type per vocabulary."""

from .. import vocab

# name -> (values, description). The values are the vocabulary's tuple, in its order.
ENUMS: dict[str, tuple[tuple[str, ...], str]] = {
    "GroupKind": (vocab.GROUP_KINDS, "The kind of group: it sets how many members it holds."),
    "Role": (vocab.ROLES, "A therapist's role in the practice: an admin also manages accounts and reads the audit."),
    "ModuleCategory": (vocab.MODULE_CATEGORIES, "Where a module belongs in a session."),
    "Framework": (vocab.FRAMEWORKS, "A therapeutic framework a module draws on."),
    "Target": (vocab.TARGETS, "A theme a module addresses."),
    "Intensity": (vocab.INTENSITIES, "How emotionally demanding a module is; a deep module must exclude acute_crisis."),
    "Setting": (vocab.SETTINGS, "Where a module is done."),
    "ScreeningFlag": (vocab.FLAGS, "A contraindication a screening can raise."),
    "ContraindicationAction": (vocab.CONTRA_ACTIONS, "What a module does for a flagged person: leave them out, "
                                                     "or run an adapted version."),
    "Outcome": (vocab.OUTCOMES, "A screening outcome, from least to most restrictive."),
    "Verdict": (vocab.VERDICTS, "Whether one member may take part in one plan item."),
    "ClearanceStatus": (vocab.CLEARANCE_STATUSES, "The overall clearance of a plan."),
    "PlanStatus": (vocab.PLAN_STATUSES, "Whether a plan is still being drafted."),
    "SexAtBirth": (vocab.SEX_AT_BIRTH, "Used only for the AUDIT-C cut-off (the lower one applies when unknown)."),
    "AlertKind": (vocab.ALERT_KINDS, "What raised an alert: a crisis or a reliable deterioration on a screening, a "
                                     "follow-up date passed, a screening due, a self-report received, a note left "
                                     "unsigned, or a webhook switched off after repeated failure."),
    "AlertStatus": (vocab.ALERT_STATUSES, "Where an alert stands: open, acknowledged (seen), resolved (closed, "
                                          "with who, when and why)."),
    "EventType": (vocab.EVENT_TYPES, "What an event of the change feed (and a webhook delivery) says happened."),
    # Vocabularies of single areas, written out here because this floor imports no area; a test keeps every
    # value set of the spec declared once (tests/api/test_openapi.py), so a changed one cannot go unnoticed.
    "MemberVerdict": (("ok", "adapt", "exclude", "blocked", "unscreened", "missed_prerequisite"),
                         "A member's verdict for an item on the agenda: the clearance verdicts, and blocked (no "
                         "valid screening allows it), unscreened, or a missed prerequisite."),
    "Audience": (("facilitator", "participant"), "Who a printed copy is for: the participant copy holds no "
                                                 "clinical data."),
    "Paper": (("a4", "letter"), "The paper size of a printed copy."),
    "NoteStatus": (("draft", "signed"), "draft: editable; signed: locked, addenda only."),
    "ChangeDirection": (("improved", "deteriorated", "none"), "Reliable change since the baseline screening."),
    "OutboxStatus": (("kept", "queued", "sent", "failed"), "Where an email stands: kept in the outbox (no SMTP "
                                                            "server set), queued, sent, or failed after retries."),
    "InvitationPurpose": (("intake", "rescreen", "agreement"), "What a participant's secure link is for."),
    "InvitationStatus": (("sent", "opened", "completed", "expired", "revoked"), "Where a secure link stands."),
    "InvitationEnd": (("revoked", "superseded"), "Why a secure link stopped working before it was used."),
    # `?format=` of a path that negotiates: the spec lists only the representation the operation describes (each
    # other one is an operation of its own at a sibling path, e.g. agenda.pdf; issue 34)
    "JsonFormat": (("json",), "`json`: the representation this operation describes (the default). Its path also "
                              "negotiates other representations for browsers and links; each of those has its own "
                              "operation with one media type, named in the operation's description."),
    "AgendaDetailLevel": (("plans", "items", "run_sheet"), "How much of each session a printed agenda holds."),
    "PrintSize": (("normal", "large"), "Large print (16 pt or more) for the participant handout."),
    "RenderStatus": (("queued", "rendering"), "Where a file being laid out by a render worker stands."),
    "ScreeningMethod": (("form", "clinician_assessment", "self_report"), "How a screening was taken: the form "
                                                                       "by a therapist, a clinician's assessment, "
                                                                       "or the person by their secure link."),
    "RiskLevel": (("low", "moderate", "high"), "The risk level a crisis review records."),
    "AttendanceStatus": (("present", "late", "left_early", "excused", "late_cancel", "no_show",
                          "cancelled_by_practice"), "What was recorded for one member at one session."),
    "FhirFormat": (("json", "application/json", "application/fhir+json"), "What `_format` may name (XML answers "
                                                                          "406)."),
}
BY_VALUES = {values: name for name, (values, _) in ENUMS.items()}


def register_enums(spec) -> None:
    for name, (values, description) in ENUMS.items():
        spec.components.schema(name, {"type": "string", "enum": list(values), "description": description})
