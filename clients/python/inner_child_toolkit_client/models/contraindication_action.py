from enum import StrEnum

class ContraindicationAction(StrEnum):
    ADAPT = "adapt"
    EXCLUDE = "exclude"

    def __str__(self) -> str:
        return str(self.value)
