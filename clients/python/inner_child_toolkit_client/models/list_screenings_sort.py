from enum import StrEnum

class ListScreeningsSort(StrEnum):
    COMPUTED_OUTCOME = "computed_outcome"
    SCREENED_AT = "screened_at"
    VALUE_0 = "-screened_at"
    VALUE_3 = "-computed_outcome"

    def __str__(self) -> str:
        return str(self.value)
