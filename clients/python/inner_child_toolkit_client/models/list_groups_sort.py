from enum import StrEnum

class ListGroupsSort(StrEnum):
    CREATED_AT = "created_at"
    NAME = "name"
    STARTS_ON = "starts_on"
    VALUE_1 = "-name"
    VALUE_3 = "-starts_on"
    VALUE_5 = "-created_at"

    def __str__(self) -> str:
        return str(self.value)
