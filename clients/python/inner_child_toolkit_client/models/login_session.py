from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="LoginSession")



@_attrs_define
class LoginSession:
    """ One login (one device) of your account.

        Attributes:
            id (str):
            created_at (datetime.datetime): When the login began.
            last_used_at (datetime.datetime | None): When it last got tokens (signed in or refreshed): within an access
                token's lifetime of its last request.
            user_agent (None | str): The device, summarised from its User-Agent. Example: Firefox on Linux.
            current (bool): The login this request comes from.
     """

    id: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    user_agent: None | str
    current: bool





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        last_used_at: None | str
        if isinstance(self.last_used_at, datetime.datetime):
            last_used_at = self.last_used_at.isoformat()
        else:
            last_used_at = self.last_used_at

        user_agent: None | str
        user_agent = self.user_agent

        current = self.current


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "created_at": created_at,
            "last_used_at": last_used_at,
            "user_agent": user_agent,
            "current": current,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_last_used_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_used_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_used_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_used_at = _parse_last_used_at(d.pop("last_used_at"))


        def _parse_user_agent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_agent = _parse_user_agent(d.pop("user_agent"))


        current = d.pop("current")

        login_session = cls(
            id=id,
            created_at=created_at,
            last_used_at=last_used_at,
            user_agent=user_agent,
            current=current,
        )

        return login_session

