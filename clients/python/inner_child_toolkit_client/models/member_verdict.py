from enum import StrEnum

class MemberVerdict(StrEnum):
    ADAPT = "adapt"
    BLOCKED = "blocked"
    EXCLUDE = "exclude"
    MISSED_PREREQUISITE = "missed_prerequisite"
    OK = "ok"
    UNSCREENED = "unscreened"

    def __str__(self) -> str:
        return str(self.value)
