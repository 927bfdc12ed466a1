from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.due_reason import DueReason
  from ..models.due_session import DueSession





T = TypeVar("T", bound="Due")



@_attrs_define
class Due:
    """ A participant whose screening will not be valid at their next session, or whose re-screen rhythm has come
    round.

        Attributes:
            participant_id (str):
            display_name (str):
            last_screened_at (datetime.datetime | None):
            valid_until (datetime.datetime | None):
            session (DueSession): The next session a participant is on the roster of.
            reasons (list[DueReason]):
     """

    participant_id: str
    display_name: str
    last_screened_at: datetime.datetime | None
    valid_until: datetime.datetime | None
    session: DueSession
    reasons: list[DueReason]





    def to_dict(self) -> dict[str, Any]:
        from ..models.due_reason import DueReason # noqa: PLC0415
        from ..models.due_session import DueSession # noqa: PLC0415
        participant_id = self.participant_id

        display_name = self.display_name

        last_screened_at: None | str
        if isinstance(self.last_screened_at, datetime.datetime):
            last_screened_at = self.last_screened_at.isoformat()
        else:
            last_screened_at = self.last_screened_at

        valid_until: None | str
        if isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        session = self.session.to_dict()

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "last_screened_at": last_screened_at,
            "valid_until": valid_until,
            "session": session,
            "reasons": reasons,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.due_reason import DueReason # noqa: PLC0415
        from ..models.due_session import DueSession # noqa: PLC0415
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        def _parse_last_screened_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_screened_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_screened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_screened_at = _parse_last_screened_at(d.pop("last_screened_at"))


        def _parse_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)



                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))


        session = DueSession.from_dict(d.pop("session"))




        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = DueReason.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        due = cls(
            participant_id=participant_id,
            display_name=display_name,
            last_screened_at=last_screened_at,
            valid_until=valid_until,
            session=session,
            reasons=reasons,
        )

        return due

