from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Submit")



@_attrs_define
class Submit:
    """ Nothing for a form (the saved answers are sent); the signature for an `agreement` invitation.

        Attributes:
            typed_name (str | Unset): Agreement only: the name the person typed. Example: Sam Example.
            agreed (bool | Unset): Agreement only: the "I agree" tick (must be true). Example: True.
     """

    typed_name: str | Unset = UNSET
    agreed: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        typed_name = self.typed_name

        agreed = self.agreed


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if typed_name is not UNSET:
            field_dict["typed_name"] = typed_name
        if agreed is not UNSET:
            field_dict["agreed"] = agreed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        typed_name = d.pop("typed_name", UNSET)

        agreed = d.pop("agreed", UNSET)

        submit = cls(
            typed_name=typed_name,
            agreed=agreed,
        )

        return submit

