from enum import StrEnum

class ScreeningFormCreateMethod(StrEnum):
    FORM = "form"

    def __str__(self) -> str:
        return str(self.value)
