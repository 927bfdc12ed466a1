from enum import StrEnum

class GetParticipantProgressFormat(StrEnum):
    JSON = "json"
    SVG = "svg"

    def __str__(self) -> str:
        return str(self.value)
