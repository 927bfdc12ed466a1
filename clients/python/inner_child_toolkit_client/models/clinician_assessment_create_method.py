from enum import StrEnum

class ClinicianAssessmentCreateMethod(StrEnum):
    CLINICIAN_ASSESSMENT = "clinician_assessment"

    def __str__(self) -> str:
        return str(self.value)
