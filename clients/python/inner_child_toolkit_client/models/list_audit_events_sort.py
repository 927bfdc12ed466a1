from enum import StrEnum

class ListAuditEventsSort(StrEnum):
    SEQ = "seq"
    VALUE_0 = "-seq"

    def __str__(self) -> str:
        return str(self.value)
