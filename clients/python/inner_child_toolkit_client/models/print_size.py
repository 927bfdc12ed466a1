from enum import StrEnum

class PrintSize(StrEnum):
    LARGE = "large"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
