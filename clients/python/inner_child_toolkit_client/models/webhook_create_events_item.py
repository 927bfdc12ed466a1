from enum import StrEnum

class WebhookCreateEventsItem(StrEnum):
    ALERT_ACKNOWLEDGED = "alert.acknowledged"
    ALERT_RAISED = "alert.raised"
    ALERT_RESOLVED = "alert.resolved"
    ATTENDANCE_RECORDED = "attendance.recorded"
    CLEARANCE_CHANGED = "clearance.changed"
    CRISIS_REVIEW_CREATED = "crisis_review.created"
    NOTE_SIGNED = "note.signed"
    PROGRESS_REVIEW_CREATED = "progress_review.created"
    SCREENING_CREATED = "screening.created"
    SCREENING_OVERRIDDEN = "screening.overridden"
    SELF_REPORT_SUBMITTED = "self_report.submitted"

    def __str__(self) -> str:
        return str(self.value)
