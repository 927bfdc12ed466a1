from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.me import Me
  from ..models.practice import Practice





T = TypeVar("T", bound="Registered")



@_attrs_define
class Registered:
    """ The practice just created and its first admin.

        Attributes:
            practice (Practice): A practice: the tenant every record belongs to, with its settings.
            therapist (Me): A therapist account, as its owner sees it.
     """

    practice: Practice
    therapist: Me





    def to_dict(self) -> dict[str, Any]:
        from ..models.me import Me # noqa: PLC0415
        from ..models.practice import Practice # noqa: PLC0415
        practice = self.practice.to_dict()

        therapist = self.therapist.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "practice": practice,
            "therapist": therapist,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me import Me # noqa: PLC0415
        from ..models.practice import Practice # noqa: PLC0415
        d = dict(src_dict)
        practice = Practice.from_dict(d.pop("practice"))




        therapist = Me.from_dict(d.pop("therapist"))




        registered = cls(
            practice=practice,
            therapist=therapist,
        )

        return registered

