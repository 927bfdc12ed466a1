from enum import StrEnum

class SexAtBirth(StrEnum):
    FEMALE = "female"
    INTERSEX = "intersex"
    MALE = "male"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return str(self.value)
