from enum import StrEnum

class FormItemEnableBehavior(StrEnum):
    ALL = "all"
    ANY = "any"

    def __str__(self) -> str:
        return str(self.value)
