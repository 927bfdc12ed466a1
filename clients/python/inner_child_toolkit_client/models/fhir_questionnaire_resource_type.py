from enum import StrEnum

class FhirQuestionnaireResourceType(StrEnum):
    QUESTIONNAIRE = "Questionnaire"

    def __str__(self) -> str:
        return str(self.value)
