from enum import StrEnum

class ScreeningCreateMethod(StrEnum):
    CLINICIAN_ASSESSMENT = "clinician_assessment"
    FORM = "form"

    def __str__(self) -> str:
        return str(self.value)
