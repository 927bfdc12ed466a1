from enum import StrEnum

class AuditEventOutcome(StrEnum):
    DENIED = "denied"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
