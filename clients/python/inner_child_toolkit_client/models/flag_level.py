from enum import StrEnum

class FlagLevel(StrEnum):
    CAUTION = "caution"
    DEFER = "defer"
    INFO = "info"
    REFER = "refer"

    def __str__(self) -> str:
        return str(self.value)
