from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RhythmUpdate")



@_attrs_define
class RhythmUpdate:
    """ A change to the practice's re-screen rhythm: the fields sent change, null switches that rhythm off.

        Attributes:
            every_sessions (int | None | Unset): Screen again every N sessions of a series (null: not used). Example: 4.
            every_days (int | None | Unset): Screen again every N days (null: not used). Example: 90.
            etag (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
     """

    every_sessions: int | None | Unset = UNSET
    every_days: int | None | Unset = UNSET
    etag: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        every_sessions: int | None | Unset
        if isinstance(self.every_sessions, Unset):
            every_sessions = UNSET
        else:
            every_sessions = self.every_sessions

        every_days: int | None | Unset
        if isinstance(self.every_days, Unset):
            every_days = UNSET
        else:
            every_days = self.every_days

        etag = self.etag


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if every_sessions is not UNSET:
            field_dict["every_sessions"] = every_sessions
        if every_days is not UNSET:
            field_dict["every_days"] = every_days
        if etag is not UNSET:
            field_dict["etag"] = etag

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_every_sessions(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        every_sessions = _parse_every_sessions(d.pop("every_sessions", UNSET))


        def _parse_every_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        every_days = _parse_every_days(d.pop("every_days", UNSET))


        etag = d.pop("etag", UNSET)

        rhythm_update = cls(
            every_sessions=every_sessions,
            every_days=every_days,
            etag=etag,
        )

        return rhythm_update

