from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.flag_level import FlagLevel
from ..models.screening_flag import ScreeningFlag
from typing import cast






T = TypeVar("T", bound="Flag")



@_attrs_define
class Flag:
    """ A contraindication flag raised by a screening, with the rules and reasons behind it.

        Attributes:
            flag (ScreeningFlag): A contraindication a screening can raise.
            level (FlagLevel):
            reasons (list[str]):
            rules (list[str]):
     """

    flag: ScreeningFlag
    level: FlagLevel
    reasons: list[str]
    rules: list[str]





    def to_dict(self) -> dict[str, Any]:
        flag = self.flag.value

        level = self.level.value

        reasons = self.reasons



        rules = self.rules




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "flag": flag,
            "level": level,
            "reasons": reasons,
            "rules": rules,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        flag = ScreeningFlag(d.pop("flag"))




        level = FlagLevel(d.pop("level"))




        reasons = cast(list[str], d.pop("reasons"))


        rules = cast(list[str], d.pop("rules"))


        flag = cls(
            flag=flag,
            level=level,
            reasons=reasons,
            rules=rules,
        )

        return flag

