from enum import StrEnum

class Intensity(StrEnum):
    DEEP = "deep"
    GENTLE = "gentle"
    MODERATE = "moderate"

    def __str__(self) -> str:
        return str(self.value)
