from enum import StrEnum

class GetSignInSheetFormat(StrEnum):
    HTML = "html"

    def __str__(self) -> str:
        return str(self.value)
