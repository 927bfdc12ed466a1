from enum import StrEnum

class Framework(StrEnum):
    ACT = "act"
    CBT = "cbt"
    IFS = "ifs"
    JUNGIAN = "jungian"
    PSYCHODYNAMIC = "psychodynamic"

    def __str__(self) -> str:
        return str(self.value)
