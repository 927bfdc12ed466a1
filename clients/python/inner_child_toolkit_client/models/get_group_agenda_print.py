from enum import StrEnum

class GetGroupAgendaPrint(StrEnum):
    LARGE = "large"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
