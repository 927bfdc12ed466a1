from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Score")



@_attrs_define
class Score:
    """ One instrument's score and band.

        Attributes:
            score (int):
            band (str):
            positive (bool):
            cutoff (int | None | Unset):
            complete (bool | Unset): False when items of the instrument were declined or left unanswered: the score is then
                a lower bound.
     """

    score: int
    band: str
    positive: bool
    cutoff: int | None | Unset = UNSET
    complete: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        score = self.score

        band = self.band

        positive = self.positive

        cutoff: int | None | Unset
        if isinstance(self.cutoff, Unset):
            cutoff = UNSET
        else:
            cutoff = self.cutoff

        complete = self.complete


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "score": score,
            "band": band,
            "positive": positive,
        })
        if cutoff is not UNSET:
            field_dict["cutoff"] = cutoff
        if complete is not UNSET:
            field_dict["complete"] = complete

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        score = d.pop("score")

        band = d.pop("band")

        positive = d.pop("positive")

        def _parse_cutoff(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cutoff = _parse_cutoff(d.pop("cutoff", UNSET))


        complete = d.pop("complete", UNSET)

        score = cls(
            score=score,
            band=band,
            positive=positive,
            cutoff=cutoff,
            complete=complete,
        )

        return score

