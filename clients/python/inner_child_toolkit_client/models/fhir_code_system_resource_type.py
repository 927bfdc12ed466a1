from enum import StrEnum

class FhirCodeSystemResourceType(StrEnum):
    CODESYSTEM = "CodeSystem"

    def __str__(self) -> str:
        return str(self.value)
