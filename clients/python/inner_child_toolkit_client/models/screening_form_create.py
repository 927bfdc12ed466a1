from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.screening_form_create_method import ScreeningFormCreateMethod
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.screening_form_create_answers import ScreeningFormCreateAnswers





T = TypeVar("T", bound="ScreeningFormCreate")



@_attrs_define
class ScreeningFormCreate:
    """ A screening by the intake form: answers to its current version.

        Attributes:
            method (ScreeningFormCreateMethod): `form`: the intake form (the server also takes a body without `method` as a
                form).
            form_version (str): The version of GET /screening/form answered; a stale one is a 422. Example: 2026-12.1.
            answers (ScreeningFormCreateAnswers): Item id → the chosen option's value. Items may stay unanswered only when a
                critical item is positive (stop at a crisis: saved with complete false, outcome defer). Example: {'phq9_1': 0,
                'phq9_2': 0, 'phq9_3': 0, 'phq9_4': 0, 'phq9_5': 0, 'phq9_6': 0, 'phq9_7': 0, 'phq9_8': 0, 'phq9_9': 0,
                'gad7_1': 0, 'gad7_2': 0, 'gad7_3': 0, 'gad7_4': 0, 'gad7_5': 0, 'gad7_6': 0, 'gad7_7': 0, 'pc_ptsd5_exposure':
                0, 'asq_1': 0, 'asq_2': 0, 'asq_3': 0, 'asq_4': 0, 'audit_c_1': 0, 'drug_use_1': 0, 'younger_self_1': 0,
                'younger_self_2': 0, 'younger_self_3': 0, 'dissociation_1': 0, 'dissociation_2': 0, 'dissociation_3': 0,
                'present_crisis_1': 0, 'present_crisis_2': 0, 'present_crisis_3': 0}.
            declined (list[str] | Unset): Items the person declined to answer. A declined critical item counts as positive;
                any other leaves its instrument incomplete (never better than caution).
            notes (None | str | Unset):
     """

    method: ScreeningFormCreateMethod
    form_version: str
    answers: ScreeningFormCreateAnswers
    declined: list[str] | Unset = UNSET
    notes: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.screening_form_create_answers import ScreeningFormCreateAnswers # noqa: PLC0415
        method = self.method.value

        form_version = self.form_version

        answers = self.answers.to_dict()

        declined: list[str] | Unset = UNSET
        if not isinstance(self.declined, Unset):
            declined = self.declined



        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "method": method,
            "form_version": form_version,
            "answers": answers,
        })
        if declined is not UNSET:
            field_dict["declined"] = declined
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.screening_form_create_answers import ScreeningFormCreateAnswers # noqa: PLC0415
        d = dict(src_dict)
        method = ScreeningFormCreateMethod(d.pop("method"))




        form_version = d.pop("form_version")

        answers = ScreeningFormCreateAnswers.from_dict(d.pop("answers"))




        declined = cast(list[str], d.pop("declined", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        screening_form_create = cls(
            method=method,
            form_version=form_version,
            answers=answers,
            declined=declined,
            notes=notes,
        )

        return screening_form_create

