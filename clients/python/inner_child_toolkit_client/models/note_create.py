from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.entry_in import EntryIn





T = TypeVar("T", bound="NoteCreate")



@_attrs_define
class NoteCreate:
    """ A new session note (draft): a shared part and one entry per member on the roster.

        Attributes:
            shared (str | Unset): Written once for the whole session (what was done, themes): every member's record shows
                it. Default when left out: `""`. Example: Week 3: needs of the younger self; letters begun..
            entries (list[EntryIn] | Unset): One per member on the session's roster, seen only in that member's record.
     """

    shared: str | Unset = UNSET
    entries: list[EntryIn] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.entry_in import EntryIn # noqa: PLC0415
        shared = self.shared

        entries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.entries, Unset):
            entries = []
            for entries_item_data in self.entries:
                entries_item = entries_item_data.to_dict()
                entries.append(entries_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if shared is not UNSET:
            field_dict["shared"] = shared
        if entries is not UNSET:
            field_dict["entries"] = entries

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_in import EntryIn # noqa: PLC0415
        d = dict(src_dict)
        shared = d.pop("shared", UNSET)

        _entries = d.pop("entries", UNSET)
        entries: list[EntryIn] | Unset = UNSET
        if _entries is not UNSET:
            entries = []
            for entries_item_data in _entries:
                entries_item = EntryIn.from_dict(entries_item_data)



                entries.append(entries_item)


        note_create = cls(
            shared=shared,
            entries=entries,
        )

        return note_create

