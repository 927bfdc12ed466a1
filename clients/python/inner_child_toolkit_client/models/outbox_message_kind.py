from enum import StrEnum

class OutboxMessageKind(StrEnum):
    ALERT = "alert"
    DIGEST = "digest"
    INVITATION = "invitation"
    PASSWORD_RESET = "password_reset"

    def __str__(self) -> str:
        return str(self.value)
