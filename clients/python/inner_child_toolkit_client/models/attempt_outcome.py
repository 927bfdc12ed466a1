from enum import StrEnum

class AttemptOutcome(StrEnum):
    HTTP_ERROR = "http_error"
    NETWORK_ERROR = "network_error"
    OK = "ok"
    REFUSED = "refused"

    def __str__(self) -> str:
        return str(self.value)
