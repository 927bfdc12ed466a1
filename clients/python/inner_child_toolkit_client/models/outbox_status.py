from enum import StrEnum

class OutboxStatus(StrEnum):
    FAILED = "failed"
    KEPT = "kept"
    QUEUED = "queued"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
