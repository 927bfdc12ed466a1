from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clearance_status import ClearanceStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.clearance_participant import ClearanceParticipant
  from ..models.prerequisite_warning import PrerequisiteWarning
  from ..models.rescreen_due import RescreenDue





T = TypeVar("T", bound="Clearance")



@_attrs_define
class Clearance:
    """ Who may take part in which item of a plan, and the overall status.

        Attributes:
            plan_id (str):
            session_date (datetime.date | None): The session's date in the group's zone: its roster is the members on this
                date.
            warnings (list[PrerequisiteWarning]): Warnings that do not change a verdict: `missed_prerequisite` (a member
                absent from, or not yet in the group for, the earlier session that had a module this one needs) and
                `agreement_missing` (a member of a group or retreat who has not signed the current group agreement).
            status (ClearanceStatus): The overall clearance of a plan.
            participants (list[ClearanceParticipant]):
            missing_screenings (list[str]): Members with no valid (unexpired) screening.
            facilitator_warnings (list[str]): Names members by display name: for facilitators only.
            session_ends_at (datetime.datetime | None): Screenings are judged valid or not at this moment (the plan's end);
                null for a template that has no time yet (it has no members either).
            checked_at (datetime.datetime):
            rescreen_due (list[RescreenDue]): Members to screen again before this session: not valid at its end, or the
                practice's re-screen rhythm has come round.
     """

    plan_id: str
    session_date: datetime.date | None
    warnings: list[PrerequisiteWarning]
    status: ClearanceStatus
    participants: list[ClearanceParticipant]
    missing_screenings: list[str]
    facilitator_warnings: list[str]
    session_ends_at: datetime.datetime | None
    checked_at: datetime.datetime
    rescreen_due: list[RescreenDue]





    def to_dict(self) -> dict[str, Any]:
        from ..models.clearance_participant import ClearanceParticipant # noqa: PLC0415
        from ..models.prerequisite_warning import PrerequisiteWarning # noqa: PLC0415
        from ..models.rescreen_due import RescreenDue # noqa: PLC0415
        plan_id = self.plan_id

        session_date: None | str
        if isinstance(self.session_date, datetime.date):
            session_date = self.session_date.isoformat()
        else:
            session_date = self.session_date

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)



        status = self.status.value

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)



        missing_screenings = self.missing_screenings



        facilitator_warnings = self.facilitator_warnings



        session_ends_at: None | str
        if isinstance(self.session_ends_at, datetime.datetime):
            session_ends_at = self.session_ends_at.isoformat()
        else:
            session_ends_at = self.session_ends_at

        checked_at = self.checked_at.isoformat()

        rescreen_due = []
        for rescreen_due_item_data in self.rescreen_due:
            rescreen_due_item = rescreen_due_item_data.to_dict()
            rescreen_due.append(rescreen_due_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "plan_id": plan_id,
            "session_date": session_date,
            "warnings": warnings,
            "status": status,
            "participants": participants,
            "missing_screenings": missing_screenings,
            "facilitator_warnings": facilitator_warnings,
            "session_ends_at": session_ends_at,
            "checked_at": checked_at,
            "rescreen_due": rescreen_due,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.clearance_participant import ClearanceParticipant # noqa: PLC0415
        from ..models.prerequisite_warning import PrerequisiteWarning # noqa: PLC0415
        from ..models.rescreen_due import RescreenDue # noqa: PLC0415
        d = dict(src_dict)
        plan_id = d.pop("plan_id")

        def _parse_session_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_date_type_0 = datetime.date.fromisoformat(data)



                return session_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        session_date = _parse_session_date(d.pop("session_date"))


        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in (_warnings):
            warnings_item = PrerequisiteWarning.from_dict(warnings_item_data)



            warnings.append(warnings_item)


        status = ClearanceStatus(d.pop("status"))




        participants = []
        _participants = d.pop("participants")
        for participants_item_data in (_participants):
            participants_item = ClearanceParticipant.from_dict(participants_item_data)



            participants.append(participants_item)


        missing_screenings = cast(list[str], d.pop("missing_screenings"))


        facilitator_warnings = cast(list[str], d.pop("facilitator_warnings"))


        def _parse_session_ends_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                session_ends_at_type_0 = datetime.datetime.fromisoformat(data)



                return session_ends_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        session_ends_at = _parse_session_ends_at(d.pop("session_ends_at"))


        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))




        rescreen_due = []
        _rescreen_due = d.pop("rescreen_due")
        for rescreen_due_item_data in (_rescreen_due):
            rescreen_due_item = RescreenDue.from_dict(rescreen_due_item_data)



            rescreen_due.append(rescreen_due_item)


        clearance = cls(
            plan_id=plan_id,
            session_date=session_date,
            warnings=warnings,
            status=status,
            participants=participants,
            missing_screenings=missing_screenings,
            facilitator_warnings=facilitator_warnings,
            session_ends_at=session_ends_at,
            checked_at=checked_at,
            rescreen_due=rescreen_due,
        )

        return clearance

