from enum import StrEnum

class Verdict(StrEnum):
    ADAPT = "adapt"
    EXCLUDE = "exclude"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
