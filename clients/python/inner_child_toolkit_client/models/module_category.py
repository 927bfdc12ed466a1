from enum import StrEnum

class ModuleCategory(StrEnum):
    CLOSING = "closing"
    EXERCISE = "exercise"
    HOMEWORK = "homework"
    OPENING = "opening"
    PSYCHOEDUCATION = "psychoeducation"
    REFLECTION = "reflection"

    def __str__(self) -> str:
        return str(self.value)
