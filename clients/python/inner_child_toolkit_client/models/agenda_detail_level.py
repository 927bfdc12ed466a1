from enum import StrEnum

class AgendaDetailLevel(StrEnum):
    ITEMS = "items"
    PLANS = "plans"
    RUN_SHEET = "run_sheet"

    def __str__(self) -> str:
        return str(self.value)
