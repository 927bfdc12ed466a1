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






T = TypeVar("T", bound="AlertSummary")



@_attrs_define
class AlertSummary:
    """ One unresolved alert of a participant, as the participant and clearance show it (the whole alert is at
    GET /api/v1/alerts/{alert_id}).

        Attributes:
            id (str):
            kind (AlertKind): What raised an alert: a crisis or a reliable deterioration on a screening, a follow-up date
                passed, a screening due, a self-report received, a note left unsigned, or a webhook switched off after repeated
                failure.
            status (AlertStatus): Where an alert stands: open, acknowledged (seen), resolved (closed, with who, when and
                why).
            raised_at (datetime.datetime):
     """

    id: str
    kind: AlertKind
    status: AlertStatus
    raised_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        status = self.status.value

        raised_at = self.raised_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "kind": kind,
            "status": status,
            "raised_at": raised_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = AlertKind(d.pop("kind"))




        status = AlertStatus(d.pop("status"))




        raised_at = datetime.datetime.fromisoformat(d.pop("raised_at"))




        alert_summary = cls(
            id=id,
            kind=kind,
            status=status,
            raised_at=raised_at,
        )

        return alert_summary

