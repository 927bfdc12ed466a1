from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_verdict import MemberVerdict
from typing import cast






T = TypeVar("T", bound="AgendaStatusPerson")



@_attrs_define
class AgendaStatusPerson:
    """ Facilitators: one member who needs attention in a status box.

        Attributes:
            member_name (str): Who.
            verdict (MemberVerdict): A member's verdict for an item on the agenda: the clearance verdicts, and blocked (no
                valid screening allows it), unscreened, or a missed prerequisite.
            label (str): As printed, e.g. 'Must not take part'.
            reasons (list[str]): Why.
            items (list[str]): The items concerned.
     """

    member_name: str
    verdict: MemberVerdict
    label: str
    reasons: list[str]
    items: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        member_name = self.member_name

        verdict = self.verdict.value

        label = self.label

        reasons = self.reasons



        items = self.items




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "member_name": member_name,
            "verdict": verdict,
            "label": label,
            "reasons": reasons,
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_name = d.pop("member_name")

        verdict = MemberVerdict(d.pop("verdict"))




        label = d.pop("label")

        reasons = cast(list[str], d.pop("reasons"))


        items = cast(list[str], d.pop("items"))


        agenda_status_person = cls(
            member_name=member_name,
            verdict=verdict,
            label=label,
            reasons=reasons,
            items=items,
        )


        agenda_status_person.additional_properties = d
        return agenda_status_person

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
