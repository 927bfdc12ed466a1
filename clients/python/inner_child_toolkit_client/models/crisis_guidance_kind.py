from enum import StrEnum

class CrisisGuidanceKind(StrEnum):
    ACUTE = "acute"
    NON_ACUTE = "non_acute"

    def __str__(self) -> str:
        return str(self.value)
