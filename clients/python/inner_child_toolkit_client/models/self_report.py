from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_purpose import InvitationPurpose
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.agreement_text import AgreementText
  from ..models.crisis import Crisis
  from ..models.self_report_answers import SelfReportAnswers
  from ..models.self_report_form_type_0 import SelfReportFormType0





T = TypeVar("T", bound="SelfReport")



@_attrs_define
class SelfReport:
    """ What a participant's page needs: the form, the answers kept so far, and the crisis text when a critical
    item is positive.

        Attributes:
            purpose (InvitationPurpose): What a participant's secure link is for.
            expires_at (datetime.datetime):
            form (None | SelfReportFormType0): The current intake form (as GET /screening/form gives it: instruments in
                their validated wording, option values); null for an agreement.
            answers (SelfReportAnswers):
            declined (list[str]):
            asked (list[str]): The items asked with these answers, in order (follow-ups open as answers come in).
            unanswered (list[str]): Asked items neither answered nor declined yet.
            crisis (Crisis | None): Present when a critical item is answered positively (or declined): show it at once. The
                practice's crisis alert was raised when that answer was saved. The person may still finish, or send what they
                have (unanswered items are then allowed).
            agreement (AgreementText | None): For an `agreement` invitation: the current text to sign.
     """

    purpose: InvitationPurpose
    expires_at: datetime.datetime
    form: None | SelfReportFormType0
    answers: SelfReportAnswers
    declined: list[str]
    asked: list[str]
    unanswered: list[str]
    crisis: Crisis | None
    agreement: AgreementText | None





    def to_dict(self) -> dict[str, Any]:
        from ..models.agreement_text import AgreementText # noqa: PLC0415
        from ..models.crisis import Crisis # noqa: PLC0415
        from ..models.self_report_answers import SelfReportAnswers # noqa: PLC0415
        from ..models.self_report_form_type_0 import SelfReportFormType0 # noqa: PLC0415
        purpose = self.purpose.value

        expires_at = self.expires_at.isoformat()

        form: dict[str, Any] | None
        if isinstance(self.form, SelfReportFormType0):
            form = self.form.to_dict()
        else:
            form = self.form

        answers = self.answers.to_dict()

        declined = self.declined



        asked = self.asked



        unanswered = self.unanswered



        crisis: dict[str, Any] | None
        if isinstance(self.crisis, Crisis):
            crisis = self.crisis.to_dict()
        else:
            crisis = self.crisis

        agreement: dict[str, Any] | None
        if isinstance(self.agreement, AgreementText):
            agreement = self.agreement.to_dict()
        else:
            agreement = self.agreement


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "purpose": purpose,
            "expires_at": expires_at,
            "form": form,
            "answers": answers,
            "declined": declined,
            "asked": asked,
            "unanswered": unanswered,
            "crisis": crisis,
            "agreement": agreement,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_text import AgreementText # noqa: PLC0415
        from ..models.crisis import Crisis # noqa: PLC0415
        from ..models.self_report_answers import SelfReportAnswers # noqa: PLC0415
        from ..models.self_report_form_type_0 import SelfReportFormType0 # noqa: PLC0415
        d = dict(src_dict)
        purpose = InvitationPurpose(d.pop("purpose"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        def _parse_form(data: object) -> None | SelfReportFormType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                form_type_0 = SelfReportFormType0.from_dict(data)



                return form_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SelfReportFormType0, data)

        form = _parse_form(d.pop("form"))


        answers = SelfReportAnswers.from_dict(d.pop("answers"))




        declined = cast(list[str], d.pop("declined"))


        asked = cast(list[str], d.pop("asked"))


        unanswered = cast(list[str], d.pop("unanswered"))


        def _parse_crisis(data: object) -> Crisis | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                crisis_type_0 = Crisis.from_dict(data)



                return crisis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Crisis | None, data)

        crisis = _parse_crisis(d.pop("crisis"))


        def _parse_agreement(data: object) -> AgreementText | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                agreement_type_0 = AgreementText.from_dict(data)



                return agreement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgreementText | None, data)

        agreement = _parse_agreement(d.pop("agreement"))


        self_report = cls(
            purpose=purpose,
            expires_at=expires_at,
            form=form,
            answers=answers,
            declined=declined,
            asked=asked,
            unanswered=unanswered,
            crisis=crisis,
            agreement=agreement,
        )

        return self_report

