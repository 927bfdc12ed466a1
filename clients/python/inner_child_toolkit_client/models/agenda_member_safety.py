from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.agenda_member_safety_recent_crisis_type_0 import AgendaMemberSafetyRecentCrisisType0





T = TypeVar("T", bound="AgendaMemberSafety")



@_attrs_define
class AgendaMemberSafety:
    """ Facilitators: what to know about one member before the session.

        Attributes:
            member_name (str): Who (display name).
            computed_outcome (None | str | Unset): The outcome the rules gave.
            outcome (None | str | Unset): The effective outcome.
            override (None | str | Unset): The override: who, when and why.
            crisis_hold (bool | Unset): Held at defer until a crisis review and a new screening.
            findings (list[str] | Unset): Alcohol and drug notes, incomplete instruments.
            expires_before_session (list[str] | Unset): The sessions that end after the screening expires.
            notes (list[str] | Unset): Other facts, e.g. why there is no screening.
            progress (list[str] | Unset): The person's unreviewed `reliable_deterioration` (against their one baseline) and
                other progress notes.
            recent_crisis (AgendaMemberSafetyRecentCrisisType0 | None | Unset): A crisis screening of the last 90 days:
                {screening_id, on, reviewed_by, follow_up_on} (null when none); deep items wait for a second crisis-free
                screening after its review.
     """

    member_name: str
    computed_outcome: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    override: None | str | Unset = UNSET
    crisis_hold: bool | Unset = UNSET
    findings: list[str] | Unset = UNSET
    expires_before_session: list[str] | Unset = UNSET
    notes: list[str] | Unset = UNSET
    progress: list[str] | Unset = UNSET
    recent_crisis: AgendaMemberSafetyRecentCrisisType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.agenda_member_safety_recent_crisis_type_0 import AgendaMemberSafetyRecentCrisisType0 # noqa: PLC0415
        member_name = self.member_name

        computed_outcome: None | str | Unset
        if isinstance(self.computed_outcome, Unset):
            computed_outcome = UNSET
        else:
            computed_outcome = self.computed_outcome

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        override: None | str | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        else:
            override = self.override

        crisis_hold = self.crisis_hold

        findings: list[str] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = self.findings



        expires_before_session: list[str] | Unset = UNSET
        if not isinstance(self.expires_before_session, Unset):
            expires_before_session = self.expires_before_session



        notes: list[str] | Unset = UNSET
        if not isinstance(self.notes, Unset):
            notes = self.notes



        progress: list[str] | Unset = UNSET
        if not isinstance(self.progress, Unset):
            progress = self.progress



        recent_crisis: dict[str, Any] | None | Unset
        if isinstance(self.recent_crisis, Unset):
            recent_crisis = UNSET
        elif isinstance(self.recent_crisis, AgendaMemberSafetyRecentCrisisType0):
            recent_crisis = self.recent_crisis.to_dict()
        else:
            recent_crisis = self.recent_crisis


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "member_name": member_name,
        })
        if computed_outcome is not UNSET:
            field_dict["computed_outcome"] = computed_outcome
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if override is not UNSET:
            field_dict["override"] = override
        if crisis_hold is not UNSET:
            field_dict["crisis_hold"] = crisis_hold
        if findings is not UNSET:
            field_dict["findings"] = findings
        if expires_before_session is not UNSET:
            field_dict["expires_before_session"] = expires_before_session
        if notes is not UNSET:
            field_dict["notes"] = notes
        if progress is not UNSET:
            field_dict["progress"] = progress
        if recent_crisis is not UNSET:
            field_dict["recent_crisis"] = recent_crisis

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agenda_member_safety_recent_crisis_type_0 import AgendaMemberSafetyRecentCrisisType0 # noqa: PLC0415
        d = dict(src_dict)
        member_name = d.pop("member_name")

        def _parse_computed_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        computed_outcome = _parse_computed_outcome(d.pop("computed_outcome", UNSET))


        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))


        def _parse_override(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        override = _parse_override(d.pop("override", UNSET))


        crisis_hold = d.pop("crisis_hold", UNSET)

        findings = cast(list[str], d.pop("findings", UNSET))


        expires_before_session = cast(list[str], d.pop("expires_before_session", UNSET))


        notes = cast(list[str], d.pop("notes", UNSET))


        progress = cast(list[str], d.pop("progress", UNSET))


        def _parse_recent_crisis(data: object) -> AgendaMemberSafetyRecentCrisisType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recent_crisis_type_0 = AgendaMemberSafetyRecentCrisisType0.from_dict(data)



                return recent_crisis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgendaMemberSafetyRecentCrisisType0 | None | Unset, data)

        recent_crisis = _parse_recent_crisis(d.pop("recent_crisis", UNSET))


        agenda_member_safety = cls(
            member_name=member_name,
            computed_outcome=computed_outcome,
            outcome=outcome,
            override=override,
            crisis_hold=crisis_hold,
            findings=findings,
            expires_before_session=expires_before_session,
            notes=notes,
            progress=progress,
            recent_crisis=recent_crisis,
        )


        agenda_member_safety.additional_properties = d
        return agenda_member_safety

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
