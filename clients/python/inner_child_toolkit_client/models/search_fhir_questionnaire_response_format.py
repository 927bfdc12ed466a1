from enum import StrEnum

class SearchFhirQuestionnaireResponseFormat(StrEnum):
    APPLICATIONFHIRJSON = "application/fhir+json"
    APPLICATIONJSON = "application/json"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
