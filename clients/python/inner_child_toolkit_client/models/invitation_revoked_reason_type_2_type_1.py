from enum import StrEnum

class InvitationRevokedReasonType2Type1(StrEnum):
    REVOKED = "revoked"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
