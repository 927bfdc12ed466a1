from enum import StrEnum

class FhirGroupResourceType(StrEnum):
    GROUP = "Group"

    def __str__(self) -> str:
        return str(self.value)
