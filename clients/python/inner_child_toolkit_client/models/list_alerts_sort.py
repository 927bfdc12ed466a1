from enum import StrEnum

class ListAlertsSort(StrEnum):
    KIND = "kind"
    RAISED_AT = "raised_at"
    STATUS = "status"
    VALUE_0 = "-raised_at"
    VALUE_3 = "-kind"
    VALUE_5 = "-status"

    def __str__(self) -> str:
        return str(self.value)
