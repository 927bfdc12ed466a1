from enum import StrEnum

class ListInvitationsStatus(StrEnum):
    COMPLETED = "completed"
    EXPIRED = "expired"
    OPENED = "opened"
    REVOKED = "revoked"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
