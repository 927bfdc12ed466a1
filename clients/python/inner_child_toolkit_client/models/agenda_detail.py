from enum import StrEnum

class AgendaDetail(StrEnum):
    FULL = "full"
    RUN_SHEET = "run_sheet"

    def __str__(self) -> str:
        return str(self.value)
