"""Named signals: how one package tells the others that something happened (version 3).

Packages react to each other through these, as indico's packages do (`@signals.users.merged.connect`): the
package where a thing happens *sends*; the packages that care *connect* a receiver in their own code
(`alerts/`, `events/`, `notifications/`, ...). The sender never imports a receiver, so imports keep pointing
down and a new reaction is one decorated function in the package that reacts.

Rules, the same for every signal here:
* sent by a service **after its flush**, inside the request's transaction: a receiver's writes (an alert, an
  event row, an outbox message) commit or roll back with the change that caused them. A receiver never
  commits, never reads `flask.request`, and must not do network I/O (deliveries happen on the worker);
* the sender is the acting `Therapist`, or `None` when the server acts by itself (the periodic tasks, a
  participant's own page);
* keyword arguments carry ORM objects that are already flushed (so they have ids); receivers read what they
  need from them and may query the session;
* tests can check a connection with `signal.connected_to(receiver)` or `signal.receivers`.

Grep for `signals.<name>.send(` to find every place a signal starts; for `.connect` to find every reaction.
"""

from blinker import Namespace

_signals = Namespace()

# screening ---------------------------------------------------------------------------------------------------
screening_saved = _signals.signal("screening-saved", doc="""A screening was stored (any method).
    kwargs: screening (Screening), participant (Participant), invitation_id (str or None: the participant's link
    a self-report was sent from).""")
screening_overridden = _signals.signal("screening-overridden", doc="""A clinician overrode a screening's
    outcome. kwargs: screening (Screening), override (ScreeningOverride).""")
crisis_review_recorded = _signals.signal("crisis-review-recorded", doc="""A clinical lead recorded a crisis
    review. kwargs: review (CrisisReview), participant (Participant).""")

# progress ----------------------------------------------------------------------------------------------------
progress_review_recorded = _signals.signal("progress-review-recorded", doc="""A clinical lead reviewed a
    reliable deterioration. kwargs: review (ProgressReview), participant (Participant).""")

# attendance and notes ----------------------------------------------------------------------------------------
attendance_recorded = _signals.signal("attendance-recorded", doc="""A session's attendance sheet was
    replaced. kwargs: plan (SessionPlan).""")
note_signed = _signals.signal("note-signed", doc="""A session note was signed. kwargs: note (SessionNote).""")

# the participant's own page ----------------------------------------------------------------------------------
self_report_crisis_answer = _signals.signal("self-report-crisis-answer", doc="""A participant answered a
    critical item positively on their own page, before sending the form. kwargs: participant (Participant),
    invitation (the invitation row).""")
self_report_submitted = _signals.signal("self-report-submitted", doc="""A participant sent a form from their
    own page; the screening exists. kwargs: participant (Participant), screening (Screening), invitation.""")

# alerts ------------------------------------------------------------------------------------------------------
alert_raised = _signals.signal("alert-raised", doc="""The server raised an alert (once per cause).
    kwargs: alert (Alert).""")
alert_acknowledged = _signals.signal("alert-acknowledged", doc="""kwargs: alert (Alert).""")
alert_resolved = _signals.signal("alert-resolved", doc="""kwargs: alert (Alert).""")

# accounts and invitations ------------------------------------------------------------------------------------
password_reset_requested = _signals.signal("password-reset-requested", doc="""A one-time password-reset link
    was made for a therapist. kwargs: therapist (Therapist), url (str, the link with its secret: only an
    email to the therapist's own address may carry it, never a log or an event).""")
invitation_sent = _signals.signal("invitation-sent", doc="""A participant was invited by a secure link and has
    an email address to receive it. kwargs: invitation (the invitation row), participant (Participant), url
    (str, the link with its secret: only an email to the participant's own address may carry it).""")

# events and webhooks -----------------------------------------------------------------------------------------
event_recorded = _signals.signal("event-recorded", doc="""An event was appended to a practice's change feed
    (GET /events), in the transaction of its cause. kwargs: event (Event). Webhooks connect to it to queue
    their deliveries (rows written here; the HTTP requests happen on the worker).""")
webhook_disabled = _signals.signal("webhook-disabled", doc="""A webhook was switched off after repeated failed
    deliveries (the server acts: sender None). kwargs: webhook (Webhook). The practice's admins are to be told
    (an alert of kind `webhook_disabled` is raised as well).""")

# accounts (the account lifecycle, issue 28) ---------------------------------------------------------------
therapist_deactivated = _signals.signal("therapist-deactivated", doc="""An admin deactivated a therapist: their
    logins are ended already; packages end whatever else the account holds (calendar feeds it made).
    kwargs: therapist (Therapist).""")

# calendars and the facilitator's room (issue 31) -------------------------------------------------------------
session_plan_deleted = _signals.signal("session-plan-deleted", doc="""A session plan was deleted (it is gone
    after the flush, so the kwargs are plain values): plan_id, practice_id, group_id (None for a template),
    title, starts_at, ends_at (aware datetimes, None for a template). The calendars keep a tombstone so the
    session is sent as cancelled instead of silently vanishing.""")
group_member_left = _signals.signal("group-member-left", doc="""A member's current membership period ended.
    kwargs: group (Group), participant_id (str), left_on (date). Their own calendar feed is revoked.""")

# house -------------------------------------------------------------------------------------------------------
# Questions asked before a delete, by the package that deletes, of the packages whose rows point at the record
# (the referenced package imports none of them). Sent before the delete, in its transaction; each receiver
# reads only and returns one (name, answer) pair; `answers(signal, ...)` collects them by name. The restricting
# foreign keys stay the backstop (common/query.flush_delete turns a missed reference into the same Conflict).
participant_uses = _signals.signal("participant-uses", doc="""Who still refers to this participant? kwargs:
    participant_id (str). Answers: (name, count), e.g. ("screenings", 2).""")
plan_uses = _signals.signal("plan-uses", doc="""Which of these sessions are part of the record? kwargs: plan_ids
    (list[str]). Answers: (name, the set of those ids it keeps), e.g. ("attendance", {...}).""")
module_uses = _signals.signal("module-uses", doc="""Which plans use this module? kwargs: module_id (str).
    Answers: (name, list of "title (id)", at most 20).""")
group_uses = _signals.signal("group-uses", doc="""What still refers to this group? kwargs: group_id (str).
    Answers: (name, count).""")
participant_deleting = _signals.signal("participant-deleting", doc="""A participant with no clinical history is
    about to be deleted: rows of theirs that keep nothing go with them. kwargs: participant_id (str). Receivers
    may delete in the caller's transaction; they never commit.""")
group_facilitators_changed = _signals.signal("group-facilitators-changed", doc="""A group's facilitators changed
    (before the flush). kwargs: group_id (str), keep (ids of the facilitators now). Receivers keep their rows
    valid (the plans package releases the items a departed facilitator led).""")


def answers(question, **kwargs) -> dict:
    """Every receiver's (name, answer) to a question signal, by name."""
    return dict(answer for _receiver, answer in question.send(None, **kwargs))
participant_shown = _signals.signal("participant-shown", doc="""A participant's page asks what other packages
    show on it (the participants package imports none of them). kwargs: participant_id (str). Answers: (name,
    value), e.g. ("open_alerts", [...]).""")
