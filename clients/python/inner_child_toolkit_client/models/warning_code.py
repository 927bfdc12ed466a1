from enum import StrEnum

class WarningCode(StrEnum):
    ABOVE_MAX = "above_max"
    BELOW_MIN = "below_min"
    EMPTY_PLAN = "empty_plan"
    HOMEWORK_MID_SESSION = "homework_mid_session"
    NO_CLOSING = "no_closing"
    NO_OPENING = "no_opening"
    OVERLAP = "overlap"
    OVER_TARGET = "over_target"
    TOO_FEW_MEMBERS = "too_few_members"
    UNSUITED_KIND = "unsuited_kind"

    def __str__(self) -> str:
        return str(self.value)
