from enum import StrEnum

class FhirPlanDefinitionResourceType(StrEnum):
    PLANDEFINITION = "PlanDefinition"

    def __str__(self) -> str:
        return str(self.value)
