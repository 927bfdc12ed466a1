from enum import StrEnum

class InvitationCreatedPurpose(StrEnum):
    AGREEMENT = "agreement"
    INTAKE = "intake"
    RESCREEN = "rescreen"

    def __str__(self) -> str:
        return str(self.value)
