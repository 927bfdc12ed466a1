from enum import StrEnum

class ChangeDirection(StrEnum):
    DETERIORATED = "deteriorated"
    IMPROVED = "improved"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
