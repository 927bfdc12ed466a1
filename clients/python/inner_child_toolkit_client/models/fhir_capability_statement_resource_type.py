from enum import StrEnum

class FhirCapabilityStatementResourceType(StrEnum):
    CAPABILITYSTATEMENT = "CapabilityStatement"

    def __str__(self) -> str:
        return str(self.value)
