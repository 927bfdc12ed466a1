from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.agenda_adaptation_verdict import AgendaAdaptationVerdict
from typing import cast






T = TypeVar("T", bound="AgendaAdaptation")



@_attrs_define
class AgendaAdaptation:
    """ Facilitators: what changes at one item for one member, printed under the item.

        Attributes:
            member_name (str): Who.
            verdict (AgendaAdaptationVerdict): adapt, exclude (sits it out) or missed_prerequisite.
            label (str): As printed, e.g. 'Adapt for Devon'.
            text (str): The adaptation, or for an exclusion what the member does instead.
            reasons (list[str]): Why (without repeating the adaptation text).
     """

    member_name: str
    verdict: AgendaAdaptationVerdict
    label: str
    text: str
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        member_name = self.member_name

        verdict = self.verdict.value

        label = self.label

        text = self.text

        reasons = self.reasons




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "member_name": member_name,
            "verdict": verdict,
            "label": label,
            "text": text,
            "reasons": reasons,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_name = d.pop("member_name")

        verdict = AgendaAdaptationVerdict(d.pop("verdict"))




        label = d.pop("label")

        text = d.pop("text")

        reasons = cast(list[str], d.pop("reasons"))


        agenda_adaptation = cls(
            member_name=member_name,
            verdict=verdict,
            label=label,
            text=text,
            reasons=reasons,
        )


        agenda_adaptation.additional_properties = d
        return agenda_adaptation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
