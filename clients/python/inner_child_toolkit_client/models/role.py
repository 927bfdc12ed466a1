from enum import StrEnum

class Role(StrEnum):
    ADMIN = "admin"
    THERAPIST = "therapist"

    def __str__(self) -> str:
        return str(self.value)
