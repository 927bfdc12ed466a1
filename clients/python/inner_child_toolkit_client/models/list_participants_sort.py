from enum import StrEnum

class ListParticipantsSort(StrEnum):
    CREATED_AT = "created_at"
    DISPLAY_NAME = "display_name"
    VALUE_1 = "-display_name"
    VALUE_3 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
