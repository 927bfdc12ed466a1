from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clearance_participant_validity import ClearanceParticipantValidity
from ..models.outcome import Outcome
from ..models.screening_method import ScreeningMethod
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.alert_summary import AlertSummary
  from ..models.clearance_override import ClearanceOverride
  from ..models.clearance_verdict import ClearanceVerdict
  from ..models.member_warning import MemberWarning
  from ..models.recent_crisis import RecentCrisis





T = TypeVar("T", bound="ClearanceParticipant")



@_attrs_define
class ClearanceParticipant:
    """ One member's screening outcome and verdicts.

        Attributes:
            participant_id (str):
            display_name (str):
            screening_id (None | str):
            outcome (None | Outcome): The effective outcome: defer during a crisis hold, else the latest override's or the
                computed one; null without a screening valid at the session.
            computed_outcome (None | Outcome):
            override (ClearanceOverride | None):
            crisis_hold (bool):
            findings (list[str]): Notes that do not change the outcome on their own (alcohol and drug use, incomplete
                instruments).
            validity (ClearanceParticipantValidity):
            expires_before_session (bool):
            valid_until (datetime.datetime | None):
            method (None | ScreeningMethod):
            reasons (list[str]):
            warnings (list[MemberWarning]): Named warnings on this member, e.g. `reliable_deterioration` (since the person's
                one baseline across all their groups, not yet reviewed by a clinical lead after the latest screening: `deep`
                items and modules with `gate_on_deterioration` are excluded).
            recent_crisis (None | RecentCrisis): The person's latest crisis screening of the last 90 days (null when none):
                `deep` items are excluded until a second screening free of crisis after its review.
            items (list[ClearanceVerdict]):
            alerts (list[AlertSummary]): The member's open and acknowledged alerts, newest first (GET /api/v1/alerts).
     """

    participant_id: str
    display_name: str
    screening_id: None | str
    outcome: None | Outcome
    computed_outcome: None | Outcome
    override: ClearanceOverride | None
    crisis_hold: bool
    findings: list[str]
    validity: ClearanceParticipantValidity
    expires_before_session: bool
    valid_until: datetime.datetime | None
    method: None | ScreeningMethod
    reasons: list[str]
    warnings: list[MemberWarning]
    recent_crisis: None | RecentCrisis
    items: list[ClearanceVerdict]
    alerts: list[AlertSummary]





    def to_dict(self) -> dict[str, Any]:
        from ..models.alert_summary import AlertSummary # noqa: PLC0415
        from ..models.clearance_override import ClearanceOverride # noqa: PLC0415
        from ..models.clearance_verdict import ClearanceVerdict # noqa: PLC0415
        from ..models.member_warning import MemberWarning # noqa: PLC0415
        from ..models.recent_crisis import RecentCrisis # noqa: PLC0415
        participant_id = self.participant_id

        display_name = self.display_name

        screening_id: None | str
        screening_id = self.screening_id

        outcome: None | str
        if isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        computed_outcome: None | str
        if isinstance(self.computed_outcome, Outcome):
            computed_outcome = self.computed_outcome.value
        else:
            computed_outcome = self.computed_outcome

        override: dict[str, Any] | None
        if isinstance(self.override, ClearanceOverride):
            override = self.override.to_dict()
        else:
            override = self.override

        crisis_hold = self.crisis_hold

        findings = self.findings



        validity = self.validity.value

        expires_before_session = self.expires_before_session

        valid_until: None | str
        if isinstance(self.valid_until, datetime.datetime):
            valid_until = self.valid_until.isoformat()
        else:
            valid_until = self.valid_until

        method: None | str
        if isinstance(self.method, ScreeningMethod):
            method = self.method.value
        else:
            method = self.method

        reasons = self.reasons



        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)



        recent_crisis: dict[str, Any] | None
        if isinstance(self.recent_crisis, RecentCrisis):
            recent_crisis = self.recent_crisis.to_dict()
        else:
            recent_crisis = self.recent_crisis

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        alerts = []
        for alerts_item_data in self.alerts:
            alerts_item = alerts_item_data.to_dict()
            alerts.append(alerts_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "participant_id": participant_id,
            "display_name": display_name,
            "screening_id": screening_id,
            "outcome": outcome,
            "computed_outcome": computed_outcome,
            "override": override,
            "crisis_hold": crisis_hold,
            "findings": findings,
            "validity": validity,
            "expires_before_session": expires_before_session,
            "valid_until": valid_until,
            "method": method,
            "reasons": reasons,
            "warnings": warnings,
            "recent_crisis": recent_crisis,
            "items": items,
            "alerts": alerts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_summary import AlertSummary # noqa: PLC0415
        from ..models.clearance_override import ClearanceOverride # noqa: PLC0415
        from ..models.clearance_verdict import ClearanceVerdict # noqa: PLC0415
        from ..models.member_warning import MemberWarning # noqa: PLC0415
        from ..models.recent_crisis import RecentCrisis # noqa: PLC0415
        d = dict(src_dict)
        participant_id = d.pop("participant_id")

        display_name = d.pop("display_name")

        def _parse_screening_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        screening_id = _parse_screening_id(d.pop("screening_id"))


        def _parse_outcome(data: object) -> None | Outcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = Outcome(data)



                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome, data)

        outcome = _parse_outcome(d.pop("outcome"))


        def _parse_computed_outcome(data: object) -> None | Outcome:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                computed_outcome_type_0 = Outcome(data)



                return computed_outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome, data)

        computed_outcome = _parse_computed_outcome(d.pop("computed_outcome"))


        def _parse_override(data: object) -> ClearanceOverride | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = ClearanceOverride.from_dict(data)



                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClearanceOverride | None, data)

        override = _parse_override(d.pop("override"))


        crisis_hold = d.pop("crisis_hold")

        findings = cast(list[str], d.pop("findings"))


        validity = ClearanceParticipantValidity(d.pop("validity"))




        expires_before_session = d.pop("expires_before_session")

        def _parse_valid_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_until_type_0 = datetime.datetime.fromisoformat(data)



                return valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        valid_until = _parse_valid_until(d.pop("valid_until"))


        def _parse_method(data: object) -> None | ScreeningMethod:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                method_type_0 = ScreeningMethod(data)



                return method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScreeningMethod, data)

        method = _parse_method(d.pop("method"))


        reasons = cast(list[str], d.pop("reasons"))


        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in (_warnings):
            warnings_item = MemberWarning.from_dict(warnings_item_data)



            warnings.append(warnings_item)


        def _parse_recent_crisis(data: object) -> None | RecentCrisis:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recent_crisis_type_0 = RecentCrisis.from_dict(data)



                return recent_crisis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecentCrisis, data)

        recent_crisis = _parse_recent_crisis(d.pop("recent_crisis"))


        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = ClearanceVerdict.from_dict(items_item_data)



            items.append(items_item)


        alerts = []
        _alerts = d.pop("alerts")
        for alerts_item_data in (_alerts):
            alerts_item = AlertSummary.from_dict(alerts_item_data)



            alerts.append(alerts_item)


        clearance_participant = cls(
            participant_id=participant_id,
            display_name=display_name,
            screening_id=screening_id,
            outcome=outcome,
            computed_outcome=computed_outcome,
            override=override,
            crisis_hold=crisis_hold,
            findings=findings,
            validity=validity,
            expires_before_session=expires_before_session,
            valid_until=valid_until,
            method=method,
            reasons=reasons,
            warnings=warnings,
            recent_crisis=recent_crisis,
            items=items,
            alerts=alerts,
        )

        return clearance_participant

