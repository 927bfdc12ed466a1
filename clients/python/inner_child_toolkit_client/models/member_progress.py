from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_direction import ChangeDirection
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.member_instrument import MemberInstrument
  from ..models.paired import Paired





T = TypeVar("T", bound="MemberProgress")



@_attrs_define
class MemberProgress:
    """ One member's progress in a group's summary.

        Attributes:
            participant_id (str):
            display_name (str):
            joined_on (datetime.date):
            overall (ChangeDirection | None):
            reliable_deterioration_active (bool):
            below_caseness (list[str]):
            paired (None | Paired):
            instruments (list[MemberInstrument]):
     """

    participant_id: str
    display_name: str
    joined_on: datetime.date
    overall: ChangeDirection | None
    reliable_deterioration_active: bool
    below_caseness: list[str]
    paired: None | Paired
    instruments: list[MemberInstrument]





    def to_dict(self) -> dict[str, Any]:
        from ..models.member_instrument import MemberInstrument # noqa: PLC0415
        from ..models.paired import Paired # noqa: PLC0415
        participant_id = self.participant_id

        display_name = self.display_name

        joined_on = self.joined_on.isoformat()

        overall: None | str
        if isinstance(self.overall, ChangeDirection):
            overall = self.overall.value
        else:
            overall = self.overall

        reliable_deterioration_active = self.reliable_deterioration_active

        below_caseness = self.below_caseness



        paired: dict[str, Any] | None
        if isinstance(self.paired, Paired):
            paired = self.paired.to_dict()
        else:
            paired = self.paired

        instruments = []
        for instruments_item_data in self.instruments:
            instruments_item = instruments_item_data.to_dict()
            instruments.append(instruments_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "joined_on": joined_on,
            "overall": overall,
            "reliable_deterioration_active": reliable_deterioration_active,
            "below_caseness": below_caseness,
            "paired": paired,
            "instruments": instruments,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_instrument import MemberInstrument # noqa: PLC0415
        from ..models.paired import Paired # noqa: PLC0415
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        joined_on = datetime.date.fromisoformat(d.pop("joined_on"))




        def _parse_overall(data: object) -> ChangeDirection | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                overall_type_0 = ChangeDirection(data)



                return overall_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeDirection | None, data)

        overall = _parse_overall(d.pop("overall"))


        reliable_deterioration_active = d.pop("reliable_deterioration_active")

        below_caseness = cast(list[str], d.pop("below_caseness"))


        def _parse_paired(data: object) -> None | Paired:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                paired_type_0 = Paired.from_dict(data)



                return paired_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Paired, data)

        paired = _parse_paired(d.pop("paired"))


        instruments = []
        _instruments = d.pop("instruments")
        for instruments_item_data in (_instruments):
            instruments_item = MemberInstrument.from_dict(instruments_item_data)



            instruments.append(instruments_item)


        member_progress = cls(
            participant_id=participant_id,
            display_name=display_name,
            joined_on=joined_on,
            overall=overall,
            reliable_deterioration_active=reliable_deterioration_active,
            below_caseness=below_caseness,
            paired=paired,
            instruments=instruments,
        )

        return member_progress

