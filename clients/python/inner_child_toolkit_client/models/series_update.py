from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SeriesUpdate")



@_attrs_define
class SeriesUpdate:
    """ Changes to a series (its title); sessions are edited one by one as plans.

        Attributes:
            title (str): The new title; sessions are titled '<title> - session N'. Example: Thursday group, spring term.
     """

    title: str





    def to_dict(self) -> dict[str, Any]:
        title = self.title


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        series_update = cls(
            title=title,
        )

        return series_update

