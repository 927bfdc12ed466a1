from enum import StrEnum

class PrerequisiteWarningCode(StrEnum):
    AGREEMENT_MISSING = "agreement_missing"
    MISSED_PREREQUISITE = "missed_prerequisite"

    def __str__(self) -> str:
        return str(self.value)
