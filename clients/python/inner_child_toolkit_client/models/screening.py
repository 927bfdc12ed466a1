from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outcome import Outcome
from ..models.screening_method import ScreeningMethod
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.crisis_guidance import CrisisGuidance
  from ..models.finding import Finding
  from ..models.flag import Flag
  from ..models.override import Override
  from ..models.person import Person
  from ..models.screening_answers import ScreeningAnswers
  from ..models.screening_scores import ScreeningScores





T = TypeVar("T", bound="Screening")



@_attrs_define
class Screening:
    """ A stored screening: answers, scores, flags, outcome and overrides. Immutable; decision support, not a
    diagnosis.

        Attributes:
            id (str):
            participant_id (str):
            form_version (str):
            method (ScreeningMethod): How a screening was taken: the form by a therapist, a clinician's assessment, or the
                person by their secure link.
            complete (bool): False when instruments were left unanswered (stopped at a crisis) or items declined.
            declined (list[str]):
            crisis_hold (bool): Taken while the participant was held after a defer, and it does not lift the hold (no crisis
                review since the defer, a `high` risk review, less than 24 hours after the review, or itself a crisis): its
                `effective_outcome` is `defer` and it carries crisis guidance.
            reason (None | str): A clinician assessment's reason (null for a form screening).
            answers (ScreeningAnswers):
            scores (ScreeningScores):
            flags (list[Flag]):
            findings (list[Finding]):
            outcome (Outcome): A screening outcome, from least to most restrictive.
            computed_outcome (Outcome): A screening outcome, from least to most restrictive.
            effective_outcome (Outcome): A screening outcome, from least to most restrictive.
            override (None | Override):
            overrides (list[Override]):
            crisis_guidance (CrisisGuidance | None): Present whenever the computed flags include `acute_crisis`, the
                screening carries `crisis_hold: true` or the outcome is `defer`, whatever an override says; null otherwise.
                `kind` is `acute` when the ASQ acuity question is positive, declined, or asked and left unanswered (unknown
                acuity is acute).
            screened_by (Person): A therapist, by id and name.
            screened_at (datetime.datetime):
            valid_until (datetime.datetime):
            is_valid (bool): False once valid_until has passed.
            notes (None | str | Unset):
     """

    id: str
    participant_id: str
    form_version: str
    method: ScreeningMethod
    complete: bool
    declined: list[str]
    crisis_hold: bool
    reason: None | str
    answers: ScreeningAnswers
    scores: ScreeningScores
    flags: list[Flag]
    findings: list[Finding]
    outcome: Outcome
    computed_outcome: Outcome
    effective_outcome: Outcome
    override: None | Override
    overrides: list[Override]
    crisis_guidance: CrisisGuidance | None
    screened_by: Person
    screened_at: datetime.datetime
    valid_until: datetime.datetime
    is_valid: bool
    notes: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.crisis_guidance import CrisisGuidance # noqa: PLC0415
        from ..models.finding import Finding # noqa: PLC0415
        from ..models.flag import Flag # noqa: PLC0415
        from ..models.override import Override # noqa: PLC0415
        from ..models.person import Person # noqa: PLC0415
        from ..models.screening_answers import ScreeningAnswers # noqa: PLC0415
        from ..models.screening_scores import ScreeningScores # noqa: PLC0415
        id = self.id

        participant_id = self.participant_id

        form_version = self.form_version

        method = self.method.value

        complete = self.complete

        declined = self.declined



        crisis_hold = self.crisis_hold

        reason: None | str
        reason = self.reason

        answers = self.answers.to_dict()

        scores = self.scores.to_dict()

        flags = []
        for flags_item_data in self.flags:
            flags_item = flags_item_data.to_dict()
            flags.append(flags_item)



        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)



        outcome = self.outcome.value

        computed_outcome = self.computed_outcome.value

        effective_outcome = self.effective_outcome.value

        override: dict[str, Any] | None
        if isinstance(self.override, Override):
            override = self.override.to_dict()
        else:
            override = self.override

        overrides = []
        for overrides_item_data in self.overrides:
            overrides_item = overrides_item_data.to_dict()
            overrides.append(overrides_item)



        crisis_guidance: dict[str, Any] | None
        if isinstance(self.crisis_guidance, CrisisGuidance):
            crisis_guidance = self.crisis_guidance.to_dict()
        else:
            crisis_guidance = self.crisis_guidance

        screened_by = self.screened_by.to_dict()

        screened_at = self.screened_at.isoformat()

        valid_until = self.valid_until.isoformat()

        is_valid = self.is_valid

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "participant_id": participant_id,
            "form_version": form_version,
            "method": method,
            "complete": complete,
            "declined": declined,
            "crisis_hold": crisis_hold,
            "reason": reason,
            "answers": answers,
            "scores": scores,
            "flags": flags,
            "findings": findings,
            "outcome": outcome,
            "computed_outcome": computed_outcome,
            "effective_outcome": effective_outcome,
            "override": override,
            "overrides": overrides,
            "crisis_guidance": crisis_guidance,
            "screened_by": screened_by,
            "screened_at": screened_at,
            "valid_until": valid_until,
            "is_valid": is_valid,
        })
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.crisis_guidance import CrisisGuidance # noqa: PLC0415
        from ..models.finding import Finding # noqa: PLC0415
        from ..models.flag import Flag # noqa: PLC0415
        from ..models.override import Override # noqa: PLC0415
        from ..models.person import Person # noqa: PLC0415
        from ..models.screening_answers import ScreeningAnswers # noqa: PLC0415
        from ..models.screening_scores import ScreeningScores # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        participant_id = d.pop("participant_id")

        form_version = d.pop("form_version")

        method = ScreeningMethod(d.pop("method"))




        complete = d.pop("complete")

        declined = cast(list[str], d.pop("declined"))


        crisis_hold = d.pop("crisis_hold")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        answers = ScreeningAnswers.from_dict(d.pop("answers"))




        scores = ScreeningScores.from_dict(d.pop("scores"))




        flags = []
        _flags = d.pop("flags")
        for flags_item_data in (_flags):
            flags_item = Flag.from_dict(flags_item_data)



            flags.append(flags_item)


        findings = []
        _findings = d.pop("findings")
        for findings_item_data in (_findings):
            findings_item = Finding.from_dict(findings_item_data)



            findings.append(findings_item)


        outcome = Outcome(d.pop("outcome"))




        computed_outcome = Outcome(d.pop("computed_outcome"))




        effective_outcome = Outcome(d.pop("effective_outcome"))




        def _parse_override(data: object) -> None | Override:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = Override.from_dict(data)



                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Override, data)

        override = _parse_override(d.pop("override"))


        overrides = []
        _overrides = d.pop("overrides")
        for overrides_item_data in (_overrides):
            overrides_item = Override.from_dict(overrides_item_data)



            overrides.append(overrides_item)


        def _parse_crisis_guidance(data: object) -> CrisisGuidance | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                crisis_guidance_type_0 = CrisisGuidance.from_dict(data)



                return crisis_guidance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CrisisGuidance | None, data)

        crisis_guidance = _parse_crisis_guidance(d.pop("crisis_guidance"))


        screened_by = Person.from_dict(d.pop("screened_by"))




        screened_at = datetime.datetime.fromisoformat(d.pop("screened_at"))




        valid_until = datetime.datetime.fromisoformat(d.pop("valid_until"))




        is_valid = d.pop("is_valid")

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        screening = cls(
            id=id,
            participant_id=participant_id,
            form_version=form_version,
            method=method,
            complete=complete,
            declined=declined,
            crisis_hold=crisis_hold,
            reason=reason,
            answers=answers,
            scores=scores,
            flags=flags,
            findings=findings,
            outcome=outcome,
            computed_outcome=computed_outcome,
            effective_outcome=effective_outcome,
            override=override,
            overrides=overrides,
            crisis_guidance=crisis_guidance,
            screened_by=screened_by,
            screened_at=screened_at,
            valid_until=valid_until,
            is_valid=is_valid,
            notes=notes,
        )

        return screening

