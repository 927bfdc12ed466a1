from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Counts")



@_attrs_define
class Counts:
    """ How many members improved, did not change, deteriorated or are not yet measured.

        Attributes:
            improved (int):
            no_change (int):
            deteriorated (int):
            not_measured (int):
     """

    improved: int
    no_change: int
    deteriorated: int
    not_measured: int





    def to_dict(self) -> dict[str, Any]:
        improved = self.improved

        no_change = self.no_change

        deteriorated = self.deteriorated

        not_measured = self.not_measured


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "improved": improved,
            "no_change": no_change,
            "deteriorated": deteriorated,
            "not_measured": not_measured,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        improved = d.pop("improved")

        no_change = d.pop("no_change")

        deteriorated = d.pop("deteriorated")

        not_measured = d.pop("not_measured")

        counts = cls(
            improved=improved,
            no_change=no_change,
            deteriorated=deteriorated,
            not_measured=not_measured,
        )

        return counts

