from enum import StrEnum

class Audience(StrEnum):
    FACILITATOR = "facilitator"
    PARTICIPANT = "participant"

    def __str__(self) -> str:
        return str(self.value)
