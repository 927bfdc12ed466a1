from enum import StrEnum

class Outcome(StrEnum):
    CAUTION = "caution"
    CLEAR = "clear"
    DEFER = "defer"
    REFER = "refer"

    def __str__(self) -> str:
        return str(self.value)
