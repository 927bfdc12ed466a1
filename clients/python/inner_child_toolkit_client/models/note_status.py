from enum import StrEnum

class NoteStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"

    def __str__(self) -> str:
        return str(self.value)
