from enum import StrEnum

class FhirFormat(StrEnum):
    APPLICATIONFHIRJSON = "application/fhir+json"
    APPLICATIONJSON = "application/json"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
