from enum import StrEnum

class AttendanceStatus(StrEnum):
    CANCELLED_BY_PRACTICE = "cancelled_by_practice"
    EXCUSED = "excused"
    LATE = "late"
    LATE_CANCEL = "late_cancel"
    LEFT_EARLY = "left_early"
    NO_SHOW = "no_show"
    PRESENT = "present"

    def __str__(self) -> str:
        return str(self.value)
