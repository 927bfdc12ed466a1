from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.change_direction import ChangeDirection
from typing import cast






T = TypeVar("T", bound="MemberInstrument")



@_attrs_define
class MemberInstrument:
    """ One member's figures on one instrument.

        Attributes:
            instrument (str):
            title (str):
            baseline (int | None):
            latest (int):
            change (int | None):
            reliable_change (ChangeDirection | None):
            below_caseness (bool | None):
     """

    instrument: str
    title: str
    baseline: int | None
    latest: int
    change: int | None
    reliable_change: ChangeDirection | None
    below_caseness: bool | None





    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument

        title = self.title

        baseline: int | None
        baseline = self.baseline

        latest = self.latest

        change: int | None
        change = self.change

        reliable_change: None | str
        if isinstance(self.reliable_change, ChangeDirection):
            reliable_change = self.reliable_change.value
        else:
            reliable_change = self.reliable_change

        below_caseness: bool | None
        below_caseness = self.below_caseness


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "instrument": instrument,
            "title": title,
            "baseline": baseline,
            "latest": latest,
            "change": change,
            "reliable_change": reliable_change,
            "below_caseness": below_caseness,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = d.pop("instrument")

        title = d.pop("title")

        def _parse_baseline(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        baseline = _parse_baseline(d.pop("baseline"))


        latest = d.pop("latest")

        def _parse_change(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        change = _parse_change(d.pop("change"))


        def _parse_reliable_change(data: object) -> ChangeDirection | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reliable_change_type_0 = ChangeDirection(data)



                return reliable_change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeDirection | None, data)

        reliable_change = _parse_reliable_change(d.pop("reliable_change"))


        def _parse_below_caseness(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        below_caseness = _parse_below_caseness(d.pop("below_caseness"))


        member_instrument = cls(
            instrument=instrument,
            title=title,
            baseline=baseline,
            latest=latest,
            change=change,
            reliable_change=reliable_change,
            below_caseness=below_caseness,
        )

        return member_instrument

