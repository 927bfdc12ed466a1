from enum import StrEnum

class AgendaAdaptationVerdict(StrEnum):
    ADAPT = "adapt"
    EXCLUDE = "exclude"
    MISSED_PREREQUISITE = "missed_prerequisite"

    def __str__(self) -> str:
        return str(self.value)
