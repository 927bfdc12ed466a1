from enum import StrEnum

class JsonFormat(StrEnum):
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
