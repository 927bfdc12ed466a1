from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contraindication_action import ContraindicationAction
from ..models.screening_flag import ScreeningFlag
from ..types import UNSET, Unset






T = TypeVar("T", bound="Contraindication")



@_attrs_define
class Contraindication:
    """ What a module does for a person with one screening flag.

        Attributes:
            flag (ScreeningFlag): A contraindication a screening can raise.
            action (ContraindicationAction): What a module does for a flagged person: leave them out, or run an adapted
                version.
            adaptation (str | Unset): Required for `adapt`: how to run the module for this person. For `exclude`: what to
                offer instead. Default when left out: `""`.
     """

    flag: ScreeningFlag
    action: ContraindicationAction
    adaptation: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        flag = self.flag.value

        action = self.action.value

        adaptation = self.adaptation


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "flag": flag,
            "action": action,
        })
        if adaptation is not UNSET:
            field_dict["adaptation"] = adaptation

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        flag = ScreeningFlag(d.pop("flag"))




        action = ContraindicationAction(d.pop("action"))




        adaptation = d.pop("adaptation", UNSET)

        contraindication = cls(
            flag=flag,
            action=action,
            adaptation=adaptation,
        )

        return contraindication

