from enum import StrEnum

class AlertKind(StrEnum):
    CRISIS = "crisis"
    DETERIORATION = "deterioration"
    FOLLOW_UP_DUE = "follow_up_due"
    NOTE_UNSIGNED = "note_unsigned"
    SCREENING_DUE = "screening_due"
    SELF_REPORT_RECEIVED = "self_report_received"
    WEBHOOK_DISABLED = "webhook_disabled"

    def __str__(self) -> str:
        return str(self.value)
