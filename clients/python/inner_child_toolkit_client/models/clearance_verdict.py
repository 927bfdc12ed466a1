from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.verdict import Verdict
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ClearanceVerdict")



@_attrs_define
class ClearanceVerdict:
    """ One member's verdict for one plan item.

        Attributes:
            item_id (str):
            module_id (None | str):
            verdict (Verdict): Whether one member may take part in one plan item.
            alternative (None | str): For a flag's `exclude`: what the person does instead while the group does this item.
            reasons (list[str]):
            adaptation (None | str | Unset):
     """

    item_id: str
    module_id: None | str
    verdict: Verdict
    alternative: None | str
    reasons: list[str]
    adaptation: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        module_id: None | str
        module_id = self.module_id

        verdict = self.verdict.value

        alternative: None | str
        alternative = self.alternative

        reasons = self.reasons



        adaptation: None | str | Unset
        if isinstance(self.adaptation, Unset):
            adaptation = UNSET
        else:
            adaptation = self.adaptation


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "item_id": item_id,
            "module_id": module_id,
            "verdict": verdict,
            "alternative": alternative,
            "reasons": reasons,
        })
        if adaptation is not UNSET:
            field_dict["adaptation"] = adaptation

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id")

        def _parse_module_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        module_id = _parse_module_id(d.pop("module_id"))


        verdict = Verdict(d.pop("verdict"))




        def _parse_alternative(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        alternative = _parse_alternative(d.pop("alternative"))


        reasons = cast(list[str], d.pop("reasons"))


        def _parse_adaptation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adaptation = _parse_adaptation(d.pop("adaptation", UNSET))


        clearance_verdict = cls(
            item_id=item_id,
            module_id=module_id,
            verdict=verdict,
            alternative=alternative,
            reasons=reasons,
            adaptation=adaptation,
        )

        return clearance_verdict

