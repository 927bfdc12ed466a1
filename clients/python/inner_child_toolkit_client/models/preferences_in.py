from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alert_kind import AlertKind
from typing import cast






T = TypeVar("T", bound="PreferencesIn")



@_attrs_define
class PreferencesIn:
    """ What emails you: the alert kinds, and the weekly digest. Replaces your earlier choice.

        Attributes:
            alert_kinds (list[AlertKind]): The alert kinds that email you (the others are still in `GET /alerts`). A
                clinical lead must keep `crisis` (422 naming this field otherwise). Example: ['crisis', 'deterioration',
                'follow_up_due'].
            weekly_digest (bool): A Monday email with this week's counts (open alerts, re-screens due, unsigned notes).
                Example: True.
     """

    alert_kinds: list[AlertKind]
    weekly_digest: bool





    def to_dict(self) -> dict[str, Any]:
        alert_kinds = []
        for alert_kinds_item_data in self.alert_kinds:
            alert_kinds_item = alert_kinds_item_data.value
            alert_kinds.append(alert_kinds_item)



        weekly_digest = self.weekly_digest


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "alert_kinds": alert_kinds,
            "weekly_digest": weekly_digest,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alert_kinds = []
        _alert_kinds = d.pop("alert_kinds")
        for alert_kinds_item_data in (_alert_kinds):
            alert_kinds_item = AlertKind(alert_kinds_item_data)



            alert_kinds.append(alert_kinds_item)


        weekly_digest = d.pop("weekly_digest")

        preferences_in = cls(
            alert_kinds=alert_kinds,
            weekly_digest=weekly_digest,
        )

        return preferences_in

