from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ready_status import ReadyStatus






T = TypeVar("T", bound="Ready")



@_attrs_define
class Ready:
    """ The database is reachable and migrated.

        Attributes:
            status (ReadyStatus):  Example: ready.
     """

    status: ReadyStatus





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = ReadyStatus(d.pop("status"))




        ready = cls(
            status=status,
        )

        return ready

