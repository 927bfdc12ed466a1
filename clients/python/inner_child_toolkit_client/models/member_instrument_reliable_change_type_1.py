from enum import StrEnum

class MemberInstrumentReliableChangeType1(StrEnum):
    DETERIORATED = "deteriorated"
    IMPROVED = "improved"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
