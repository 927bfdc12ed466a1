from enum import StrEnum

class DueReasonReason(StrEnum):
    EXPIRES_BEFORE_SESSION = "expires_before_session"
    NO_SCREENING = "no_screening"
    RHYTHM_DAYS = "rhythm_days"
    RHYTHM_SESSIONS = "rhythm_sessions"

    def __str__(self) -> str:
        return str(self.value)
