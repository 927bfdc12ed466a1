from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PasswordReset")



@_attrs_define
class PasswordReset:
    """ The new password.

        Attributes:
            new_password (str): At least 12 characters, not guessable (zxcvbn's top score, with your name and email as
                context), not your email address. Example: kitten-orbit-lantern-59.
     """

    new_password: str





    def to_dict(self) -> dict[str, Any]:
        new_password = self.new_password


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "new_password": new_password,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_password = d.pop("new_password")

        password_reset = cls(
            new_password=new_password,
        )

        return password_reset

