from enum import StrEnum

class RenderStatus(StrEnum):
    QUEUED = "queued"
    RENDERING = "rendering"

    def __str__(self) -> str:
        return str(self.value)
