from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_verdict import MemberVerdict
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AgendaClearanceLine")



@_attrs_define
class AgendaClearanceLine:
    """ Facilitators: one member's verdict for one item that is not plainly ok.

        Attributes:
            member_name (str): Who.
            plan_title (str): Which session.
            item_title (None | str): Which item (null: the whole person).
            verdict (MemberVerdict): A member's verdict for an item on the agenda: the clearance verdicts, and blocked (no
                valid screening allows it), unscreened, or a missed prerequisite.
            reasons (list[str]): Why.
            adaptation (None | str | Unset): How to adapt it.
            alternative (None | str | Unset): For an exclusion: what the member does instead.
     """

    member_name: str
    plan_title: str
    item_title: None | str
    verdict: MemberVerdict
    reasons: list[str]
    adaptation: None | str | Unset = UNSET
    alternative: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        member_name = self.member_name

        plan_title = self.plan_title

        item_title: None | str
        item_title = self.item_title

        verdict = self.verdict.value

        reasons = self.reasons



        adaptation: None | str | Unset
        if isinstance(self.adaptation, Unset):
            adaptation = UNSET
        else:
            adaptation = self.adaptation

        alternative: None | str | Unset
        if isinstance(self.alternative, Unset):
            alternative = UNSET
        else:
            alternative = self.alternative


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "member_name": member_name,
            "plan_title": plan_title,
            "item_title": item_title,
            "verdict": verdict,
            "reasons": reasons,
        })
        if adaptation is not UNSET:
            field_dict["adaptation"] = adaptation
        if alternative is not UNSET:
            field_dict["alternative"] = alternative

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        member_name = d.pop("member_name")

        plan_title = d.pop("plan_title")

        def _parse_item_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        item_title = _parse_item_title(d.pop("item_title"))


        verdict = MemberVerdict(d.pop("verdict"))




        reasons = cast(list[str], d.pop("reasons"))


        def _parse_adaptation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adaptation = _parse_adaptation(d.pop("adaptation", UNSET))


        def _parse_alternative(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alternative = _parse_alternative(d.pop("alternative", UNSET))


        agenda_clearance_line = cls(
            member_name=member_name,
            plan_title=plan_title,
            item_title=item_title,
            verdict=verdict,
            reasons=reasons,
            adaptation=adaptation,
            alternative=alternative,
        )


        agenda_clearance_line.additional_properties = d
        return agenda_clearance_line

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
