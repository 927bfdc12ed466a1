from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Finding")



@_attrs_define
class Finding:
    """ A note for the clinician that does not change the outcome (e.g. alcohol use below the crisis level).

        Attributes:
            instrument (str):
            level (str):
            text (str):
            rule (str):
     """

    instrument: str
    level: str
    text: str
    rule: str





    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument

        level = self.level

        text = self.text

        rule = self.rule


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "instrument": instrument,
            "level": level,
            "text": text,
            "rule": rule,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = d.pop("instrument")

        level = d.pop("level")

        text = d.pop("text")

        rule = d.pop("rule")

        finding = cls(
            instrument=instrument,
            level=level,
            text=text,
            rule=rule,
        )

        return finding

