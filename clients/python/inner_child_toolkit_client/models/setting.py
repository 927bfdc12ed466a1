from enum import StrEnum

class Setting(StrEnum):
    HOMEWORK = "homework"
    IN_SESSION = "in_session"
    RETREAT_ACTIVITY = "retreat_activity"

    def __str__(self) -> str:
        return str(self.value)
