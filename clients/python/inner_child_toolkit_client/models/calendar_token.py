from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CalendarToken")



@_attrs_define
class CalendarToken:
    """ A new calendar token: the only time it is shown. Give the URL to a calendar app as a subscription;
    anyone with it can read the sessions' titles, times and location (no names, no clinical data).

        Attributes:
            group_id (str): The group whose sessions the feed shows.
            created_at (datetime.datetime): When the current token was made.
            created_by (None | str): The therapist who made the current token (null if that account is gone).
            token (str): The secret token (not stored: keep the URL). Example: q0Zr3bX2k9YwH1mD8sJ4tV6nC5pL7aE0fG2hK3uR9xQ.
            url (str): The feed's URL: GET it without a bearer token; it answers text/calendar. Example:
                https://toolkit.example.org/api/v1/calendar-feeds/q0Zr3bX2k9YwH1mD8sJ4tV6nC5pL7aE0fG2hK3uR9xQ.
            webcal_url (str): The same URL with the webcal: scheme, which opens a calendar app's subscribe dialog. Example:
                webcal://toolkit.example.org/api/v1/calendar-feeds/q0Zr3bX2k9YwH1mD8sJ4tV6nC5pL7aE0fG2hK3uR9xQ.
     """

    group_id: str
    created_at: datetime.datetime
    created_by: None | str
    token: str
    url: str
    webcal_url: str





    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        created_at = self.created_at.isoformat()

        created_by: None | str
        created_by = self.created_by

        token = self.token

        url = self.url

        webcal_url = self.webcal_url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "group_id": group_id,
            "created_at": created_at,
            "created_by": created_by,
            "token": token,
            "url": url,
            "webcal_url": webcal_url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        group_id = d.pop("group_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_by = _parse_created_by(d.pop("created_by"))


        token = d.pop("token")

        url = d.pop("url")

        webcal_url = d.pop("webcal_url")

        calendar_token = cls(
            group_id=group_id,
            created_at=created_at,
            created_by=created_by,
            token=token,
            url=url,
            webcal_url=webcal_url,
        )

        return calendar_token

