from enum import StrEnum

class ScreeningMethod(StrEnum):
    CLINICIAN_ASSESSMENT = "clinician_assessment"
    FORM = "form"
    SELF_REPORT = "self_report"

    def __str__(self) -> str:
        return str(self.value)
