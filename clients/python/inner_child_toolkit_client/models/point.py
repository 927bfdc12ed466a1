from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Point")



@_attrs_define
class Point:
    """ One score of an instrument: when, the score and its band.

        Attributes:
            screening_id (str):
            at (datetime.datetime):
            score (int):
            band (str):
     """

    screening_id: str
    at: datetime.datetime
    score: int
    band: str





    def to_dict(self) -> dict[str, Any]:
        screening_id = self.screening_id

        at = self.at.isoformat()

        score = self.score

        band = self.band


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "screening_id": screening_id,
            "at": at,
            "score": score,
            "band": band,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        screening_id = d.pop("screening_id")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        score = d.pop("score")

        band = d.pop("band")

        point = cls(
            screening_id=screening_id,
            at=at,
            score=score,
            band=band,
        )

        return point

