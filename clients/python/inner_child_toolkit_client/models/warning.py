from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.warning_code import WarningCode
from typing import cast






T = TypeVar("T", bound="Warning_")



@_attrs_define
class Warning_:
    """ Something the facilitator should look at; warnings never block saving.

        Attributes:
            code (WarningCode): What kind of warning.
            message (str): For people.
            position (int | None): The item it is about, if any.
     """

    code: WarningCode
    message: str
    position: int | None





    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        message = self.message

        position: int | None
        position = self.position


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "message": message,
            "position": position,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = WarningCode(d.pop("code"))




        message = d.pop("message")

        def _parse_position(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        position = _parse_position(d.pop("position"))


        warning = cls(
            code=code,
            message=message,
            position=position,
        )

        return warning

