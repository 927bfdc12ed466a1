from enum import StrEnum

class InvitationCreatedRevokedReasonType3Type1(StrEnum):
    REVOKED = "revoked"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
