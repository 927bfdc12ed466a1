from enum import StrEnum

class GetSignInSheetResponse202Status(StrEnum):
    QUEUED = "queued"
    RENDERING = "rendering"

    def __str__(self) -> str:
        return str(self.value)
