from enum import StrEnum

class ClearanceStatus(StrEnum):
    BLOCKED = "blocked"
    CAUTION = "caution"
    CLEAR = "clear"

    def __str__(self) -> str:
        return str(self.value)
