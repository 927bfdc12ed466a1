from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ScreeningFormCreateAnswers")



@_attrs_define
class ScreeningFormCreateAnswers:
    """ Item id → the chosen option's value. Items may stay unanswered only when a critical item is positive (stop at a
    crisis: saved with complete false, outcome defer).

        Example:
            {'phq9_1': 0, 'phq9_2': 0, 'phq9_3': 0, 'phq9_4': 0, 'phq9_5': 0, 'phq9_6': 0, 'phq9_7': 0, 'phq9_8': 0,
                'phq9_9': 0, 'gad7_1': 0, 'gad7_2': 0, 'gad7_3': 0, 'gad7_4': 0, 'gad7_5': 0, 'gad7_6': 0, 'gad7_7': 0,
                'pc_ptsd5_exposure': 0, 'asq_1': 0, 'asq_2': 0, 'asq_3': 0, 'asq_4': 0, 'audit_c_1': 0, 'drug_use_1': 0,
                'younger_self_1': 0, 'younger_self_2': 0, 'younger_self_3': 0, 'dissociation_1': 0, 'dissociation_2': 0,
                'dissociation_3': 0, 'present_crisis_1': 0, 'present_crisis_2': 0, 'present_crisis_3': 0}

     """

    additional_properties: dict[str, int] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        screening_form_create_answers = cls(
        )


        screening_form_create_answers.additional_properties = d
        return screening_form_create_answers

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> int:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: int) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
