from enum import StrEnum

class ScreeningFlag(StrEnum):
    ACUTE_CRISIS = "acute_crisis"
    DISSOCIATION = "dissociation"
    MOOD_EXACERBATION = "mood_exacerbation"
    UNRESOLVED_TRAUMA = "unresolved_trauma"

    def __str__(self) -> str:
        return str(self.value)
