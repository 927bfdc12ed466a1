from enum import StrEnum

class FhirCarePlanResourceType(StrEnum):
    CAREPLAN = "CarePlan"

    def __str__(self) -> str:
        return str(self.value)
