from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="Rhythm")



@_attrs_define
class Rhythm:
    """ The practice's re-screen rhythm: every N sessions of a series and/or every N days.

        Attributes:
            every_sessions (int | None): Screen again every N sessions of a series (null: not used). Example: 4.
            every_days (int | None): Screen again every N days (null: not used). Example: 90.
            etag (str): The rhythm's ETag, as the ETag header gives it: send it as If-Match to change it.
     """

    every_sessions: int | None
    every_days: int | None
    etag: str





    def to_dict(self) -> dict[str, Any]:
        every_sessions: int | None
        every_sessions = self.every_sessions

        every_days: int | None
        every_days = self.every_days

        etag = self.etag


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "every_sessions": every_sessions,
            "every_days": every_days,
            "etag": etag,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_every_sessions(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        every_sessions = _parse_every_sessions(d.pop("every_sessions"))


        def _parse_every_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        every_days = _parse_every_days(d.pop("every_days"))


        etag = d.pop("etag")

        rhythm = cls(
            every_sessions=every_sessions,
            every_days=every_days,
            etag=etag,
        )

        return rhythm

