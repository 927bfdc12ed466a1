from enum import StrEnum

class FhirPatientResourceType(StrEnum):
    PATIENT = "Patient"

    def __str__(self) -> str:
        return str(self.value)
