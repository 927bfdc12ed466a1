from enum import StrEnum

class InvitationRevokedReasonType1(StrEnum):
    REVOKED = "revoked"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
