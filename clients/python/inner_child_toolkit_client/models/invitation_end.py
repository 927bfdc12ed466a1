from enum import StrEnum

class InvitationEnd(StrEnum):
    REVOKED = "revoked"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
