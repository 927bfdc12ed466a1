from enum import StrEnum

class SafetyPlanStatus(StrEnum):
    CURRENT = "current"
    SUPERSEDED = "superseded"

    def __str__(self) -> str:
        return str(self.value)
