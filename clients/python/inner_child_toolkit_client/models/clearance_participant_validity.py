from enum import StrEnum

class ClearanceParticipantValidity(StrEnum):
    EXPIRED = "expired"
    EXPIRES_BEFORE_SESSION = "expires_before_session"
    MISSING = "missing"
    UNUSABLE = "unusable"
    VALID = "valid"

    def __str__(self) -> str:
        return str(self.value)
