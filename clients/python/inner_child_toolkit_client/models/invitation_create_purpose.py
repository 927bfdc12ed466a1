from enum import StrEnum

class InvitationCreatePurpose(StrEnum):
    AGREEMENT = "agreement"
    INTAKE = "intake"
    RESCREEN = "rescreen"

    def __str__(self) -> str:
        return str(self.value)
