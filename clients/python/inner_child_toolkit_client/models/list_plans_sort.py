from enum import StrEnum

class ListPlansSort(StrEnum):
    CREATED_AT = "created_at"
    STARTS_AT = "starts_at"
    TITLE = "title"
    VALUE_1 = "-starts_at"
    VALUE_3 = "-title"
    VALUE_5 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
