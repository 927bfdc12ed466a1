from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.rescreen_due_reasons_item import RescreenDueReasonsItem





T = TypeVar("T", bound="RescreenDue")



@_attrs_define
class RescreenDue:
    """ A member to screen again before a session, with the reasons.

        Attributes:
            participant_id (str):
            display_name (str):
            reasons (list[RescreenDueReasonsItem]): [{reason, message}]; reason is no_screening, expires_before_session,
                rhythm_sessions or rhythm_days.
     """

    participant_id: str
    display_name: str
    reasons: list[RescreenDueReasonsItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.rescreen_due_reasons_item import RescreenDueReasonsItem # noqa: PLC0415
        participant_id = self.participant_id

        display_name = self.display_name

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "reasons": reasons,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rescreen_due_reasons_item import RescreenDueReasonsItem # noqa: PLC0415
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = RescreenDueReasonsItem.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        rescreen_due = cls(
            participant_id=participant_id,
            display_name=display_name,
            reasons=reasons,
        )

        return rescreen_due

