from enum import StrEnum

class AgendaStatusLevel(StrEnum):
    BLOCKED = "blocked"
    CAUTION = "caution"
    CLEAR = "clear"
    EMPTY = "empty"

    def __str__(self) -> str:
        return str(self.value)
