from enum import StrEnum

class GroupKind(StrEnum):
    COUPLES = "couples"
    FAMILY = "family"
    GROUP = "group"
    INDIVIDUAL = "individual"
    RETREAT = "retreat"

    def __str__(self) -> str:
        return str(self.value)
