from enum import StrEnum

class ClearanceParticipantMethodType2Type1(StrEnum):
    CLINICIAN_ASSESSMENT = "clinician_assessment"
    FORM = "form"
    SELF_REPORT = "self_report"

    def __str__(self) -> str:
        return str(self.value)
