from enum import StrEnum

class MemberProgressOverallType3Type1(StrEnum):
    DETERIORATED = "deteriorated"
    IMPROVED = "improved"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
