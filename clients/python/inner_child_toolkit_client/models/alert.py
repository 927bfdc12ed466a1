from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alert_kind import AlertKind
from ..models.alert_status import AlertStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.alert_person import AlertPerson





T = TypeVar("T", bound="Alert")



@_attrs_define
class Alert:
    """ An alert: what raised it (kind and the record), whom it is about, and who acknowledged and resolved it,
    when. Ids and kinds only: the clinical detail is in the record it names.

        Attributes:
            id (str):
            kind (AlertKind): What raised an alert: a crisis or a reliable deterioration on a screening, a follow-up date
                passed, a screening due, a self-report received, a note left unsigned, or a webhook switched off after repeated
                failure.
            status (AlertStatus): Where an alert stands: open, acknowledged (seen), resolved (closed, with who, when and
                why).
            participant_id (None | str): Whom it is about; null for an alert about no one (an unsigned note, a webhook).
            source_type (str): The kind of record that raised it: screening, crisis_review, plan, note, invitation, webhook.
                Example: screening.
            source_id (str): That record's id.
            raised_at (datetime.datetime):
            acknowledged_by (AlertPerson | None):
            acknowledged_at (datetime.datetime | None):
            resolved_by (AlertPerson | None):
            resolved_at (datetime.datetime | None):
            resolution_reason (None | str):
     """

    id: str
    kind: AlertKind
    status: AlertStatus
    participant_id: None | str
    source_type: str
    source_id: str
    raised_at: datetime.datetime
    acknowledged_by: AlertPerson | None
    acknowledged_at: datetime.datetime | None
    resolved_by: AlertPerson | None
    resolved_at: datetime.datetime | None
    resolution_reason: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.alert_person import AlertPerson # noqa: PLC0415
        id = self.id

        kind = self.kind.value

        status = self.status.value

        participant_id: None | str
        participant_id = self.participant_id

        source_type = self.source_type

        source_id = self.source_id

        raised_at = self.raised_at.isoformat()

        acknowledged_by: dict[str, Any] | None
        if isinstance(self.acknowledged_by, AlertPerson):
            acknowledged_by = self.acknowledged_by.to_dict()
        else:
            acknowledged_by = self.acknowledged_by

        acknowledged_at: None | str
        if isinstance(self.acknowledged_at, datetime.datetime):
            acknowledged_at = self.acknowledged_at.isoformat()
        else:
            acknowledged_at = self.acknowledged_at

        resolved_by: dict[str, Any] | None
        if isinstance(self.resolved_by, AlertPerson):
            resolved_by = self.resolved_by.to_dict()
        else:
            resolved_by = self.resolved_by

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolution_reason: None | str
        resolution_reason = self.resolution_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "kind": kind,
            "status": status,
            "participant_id": participant_id,
            "source_type": source_type,
            "source_id": source_id,
            "raised_at": raised_at,
            "acknowledged_by": acknowledged_by,
            "acknowledged_at": acknowledged_at,
            "resolved_by": resolved_by,
            "resolved_at": resolved_at,
            "resolution_reason": resolution_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_person import AlertPerson # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        kind = AlertKind(d.pop("kind"))




        status = AlertStatus(d.pop("status"))




        def _parse_participant_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        participant_id = _parse_participant_id(d.pop("participant_id"))


        source_type = d.pop("source_type")

        source_id = d.pop("source_id")

        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))




        def _parse_acknowledged_by(data: object) -> AlertPerson | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                acknowledged_by_type_0 = AlertPerson.from_dict(data)



                return acknowledged_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlertPerson | None, data)

        acknowledged_by = _parse_acknowledged_by(d.pop("acknowledged_by"))


        def _parse_acknowledged_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acknowledged_at_type_0 = datetime.datetime.fromisoformat(data)



                return acknowledged_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acknowledged_at = _parse_acknowledged_at(d.pop("acknowledged_at"))


        def _parse_resolved_by(data: object) -> AlertPerson | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resolved_by_type_0 = AlertPerson.from_dict(data)



                return resolved_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AlertPerson | None, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))


        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))


        def _parse_resolution_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution_reason = _parse_resolution_reason(d.pop("resolution_reason"))


        alert = cls(
            id=id,
            kind=kind,
            status=status,
            participant_id=participant_id,
            source_type=source_type,
            source_id=source_id,
            raised_at=raised_at,
            acknowledged_by=acknowledged_by,
            acknowledged_at=acknowledged_at,
            resolved_by=resolved_by,
            resolved_at=resolved_at,
            resolution_reason=resolution_reason,
        )

        return alert

