from enum import StrEnum

class FhirObservationResourceType(StrEnum):
    OBSERVATION = "Observation"

    def __str__(self) -> str:
        return str(self.value)
