from enum import StrEnum

class FhirQuestionnaireResponseResourceType(StrEnum):
    QUESTIONNAIRERESPONSE = "QuestionnaireResponse"

    def __str__(self) -> str:
        return str(self.value)
