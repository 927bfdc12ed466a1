from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outcome import Outcome
from ..models.screening_create_method import ScreeningCreateMethod
from ..models.screening_flag import ScreeningFlag
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.screening_create_answers import ScreeningCreateAnswers





T = TypeVar("T", bound="ScreeningCreate")



@_attrs_define
class ScreeningCreate:
    """ Answers to the current intake form, or a clinician assessment.

        Attributes:
            method (ScreeningCreateMethod | Unset): `form` (the intake form: form_version, answers, declined) or
                `clinician_assessment` (a clinical lead's outcome and reason, for under-18s and anyone who cannot do the form).
                Default when left out: `"form"`.
            form_version (str | Unset): Required with method `form`: the version of GET /screening/form answered; a stale
                one is a 422. Example: 2026-12.1.
            answers (ScreeningCreateAnswers | Unset): Item id → the chosen option's value. Required with method `form`.
                Items may stay unanswered only when a critical item is positive (stop at a crisis: saved with complete false,
                outcome defer). Example: {'phq9_1': 0, 'phq9_2': 0, 'phq9_3': 0, 'phq9_4': 0, 'phq9_5': 0, 'phq9_6': 0,
                'phq9_7': 0, 'phq9_8': 0, 'phq9_9': 0, 'gad7_1': 0, 'gad7_2': 0, 'gad7_3': 0, 'gad7_4': 0, 'gad7_5': 0,
                'gad7_6': 0, 'gad7_7': 0, 'pc_ptsd5_exposure': 0, 'asq_1': 0, 'asq_2': 0, 'asq_3': 0, 'asq_4': 0, 'audit_c_1':
                0, 'drug_use_1': 0, 'younger_self_1': 0, 'younger_self_2': 0, 'younger_self_3': 0, 'dissociation_1': 0,
                'dissociation_2': 0, 'dissociation_3': 0, 'present_crisis_1': 0, 'present_crisis_2': 0, 'present_crisis_3': 0}.
            declined (list[str] | Unset): Items the person declined to answer. A declined critical item counts as positive;
                any other leaves its instrument incomplete (never better than caution).
            outcome (Outcome | Unset): A screening outcome, from least to most restrictive.
            reason (str | Unset): Clinician assessment only: why (at least 20 characters).
            flags (list[ScreeningFlag] | Unset): Clinician assessment only: the contraindication flags found; their module
                adaptations apply as for a form screening.
            notes (None | str | Unset):
     """

    method: ScreeningCreateMethod | Unset = UNSET
    form_version: str | Unset = UNSET
    answers: ScreeningCreateAnswers | Unset = UNSET
    declined: list[str] | Unset = UNSET
    outcome: Outcome | Unset = UNSET
    reason: str | Unset = UNSET
    flags: list[ScreeningFlag] | Unset = UNSET
    notes: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.screening_create_answers import ScreeningCreateAnswers # noqa: PLC0415
        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value


        form_version = self.form_version

        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        declined: list[str] | Unset = UNSET
        if not isinstance(self.declined, Unset):
            declined = self.declined



        outcome: str | Unset = UNSET
        if not isinstance(self.outcome, Unset):
            outcome = self.outcome.value


        reason = self.reason

        flags: list[str] | Unset = UNSET
        if not isinstance(self.flags, Unset):
            flags = []
            for flags_item_data in self.flags:
                flags_item = flags_item_data.value
                flags.append(flags_item)



        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if method is not UNSET:
            field_dict["method"] = method
        if form_version is not UNSET:
            field_dict["form_version"] = form_version
        if answers is not UNSET:
            field_dict["answers"] = answers
        if declined is not UNSET:
            field_dict["declined"] = declined
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if reason is not UNSET:
            field_dict["reason"] = reason
        if flags is not UNSET:
            field_dict["flags"] = flags
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.screening_create_answers import ScreeningCreateAnswers # noqa: PLC0415
        d = dict(src_dict)
        _method = d.pop("method", UNSET)
        method: ScreeningCreateMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = ScreeningCreateMethod(_method)




        form_version = d.pop("form_version", UNSET)

        _answers = d.pop("answers", UNSET)
        answers: ScreeningCreateAnswers | Unset
        if isinstance(_answers,  Unset):
            answers = UNSET
        else:
            answers = ScreeningCreateAnswers.from_dict(_answers)




        declined = cast(list[str], d.pop("declined", UNSET))


        _outcome = d.pop("outcome", UNSET)
        outcome: Outcome | Unset
        if isinstance(_outcome,  Unset):
            outcome = UNSET
        else:
            outcome = Outcome(_outcome)




        reason = d.pop("reason", UNSET)

        _flags = d.pop("flags", UNSET)
        flags: list[ScreeningFlag] | Unset = UNSET
        if _flags is not UNSET:
            flags = []
            for flags_item_data in _flags:
                flags_item = ScreeningFlag(flags_item_data)



                flags.append(flags_item)


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        screening_create = cls(
            method=method,
            form_version=form_version,
            answers=answers,
            declined=declined,
            outcome=outcome,
            reason=reason,
            flags=flags,
            notes=notes,
        )

        return screening_create

