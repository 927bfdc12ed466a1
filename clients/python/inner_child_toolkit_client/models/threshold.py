from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Threshold")



@_attrs_define
class Threshold:
    """ The cited reliable change and caseness thresholds of an instrument.

        Attributes:
            reliable_change (int | None):
            reliable_change_source (None | str):
            caseness_at_least (int | None):
            caseness_source (None | str):
     """

    reliable_change: int | None
    reliable_change_source: None | str
    caseness_at_least: int | None
    caseness_source: None | str





    def to_dict(self) -> dict[str, Any]:
        reliable_change: int | None
        reliable_change = self.reliable_change

        reliable_change_source: None | str
        reliable_change_source = self.reliable_change_source

        caseness_at_least: int | None
        caseness_at_least = self.caseness_at_least

        caseness_source: None | str
        caseness_source = self.caseness_source


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reliable_change": reliable_change,
            "reliable_change_source": reliable_change_source,
            "caseness_at_least": caseness_at_least,
            "caseness_source": caseness_source,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_reliable_change(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reliable_change = _parse_reliable_change(d.pop("reliable_change"))


        def _parse_reliable_change_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reliable_change_source = _parse_reliable_change_source(d.pop("reliable_change_source"))


        def _parse_caseness_at_least(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        caseness_at_least = _parse_caseness_at_least(d.pop("caseness_at_least"))


        def _parse_caseness_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        caseness_source = _parse_caseness_source(d.pop("caseness_source"))


        threshold = cls(
            reliable_change=reliable_change,
            reliable_change_source=reliable_change_source,
            caseness_at_least=caseness_at_least,
            caseness_source=caseness_source,
        )

        return threshold

