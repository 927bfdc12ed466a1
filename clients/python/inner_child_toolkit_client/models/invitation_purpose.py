from enum import StrEnum

class InvitationPurpose(StrEnum):
    AGREEMENT = "agreement"
    INTAKE = "intake"
    RESCREEN = "rescreen"

    def __str__(self) -> str:
        return str(self.value)
