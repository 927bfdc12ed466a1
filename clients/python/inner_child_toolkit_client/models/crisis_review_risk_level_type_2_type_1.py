from enum import StrEnum

class CrisisReviewRiskLevelType2Type1(StrEnum):
    HIGH = "high"
    LOW = "low"
    MODERATE = "moderate"

    def __str__(self) -> str:
        return str(self.value)
