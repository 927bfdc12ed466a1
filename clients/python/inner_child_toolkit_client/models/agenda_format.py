from enum import StrEnum

class AgendaFormat(StrEnum):
    HTML = "html"
    ICS = "ics"
    JSON = "json"
    MD = "md"
    PDF = "pdf"

    def __str__(self) -> str:
        return str(self.value)
