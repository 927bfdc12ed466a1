from enum import StrEnum

class Target(StrEnum):
    ADDICTION = "addiction"
    ANXIETY = "anxiety"
    ATTACHMENT = "attachment"
    CHILDHOOD_TRAUMA = "childhood_trauma"
    LOW_SELF_ESTEEM = "low_self_esteem"
    PERFECTIONISM = "perfectionism"

    def __str__(self) -> str:
        return str(self.value)
