from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.note_status import NoteStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.addendum import Addendum
  from ..models.entry import Entry
  from ..models.note_person import NotePerson





T = TypeVar("T", bound="Note")



@_attrs_define
class Note:
    """ A session note: shared part, entries, status (draft or signed), signature and addenda. Clinical data.

        Attributes:
            id (str):
            plan_id (str):
            status (NoteStatus): draft: editable; signed: locked, addenda only.
            shared (str):
            entries (list[Entry]):
            author (NotePerson): A therapist named on a note (author, signer).
            signed_by (None | NotePerson):
            signed_at (datetime.datetime | None):
            addenda (list[Addendum]):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            etag (str): The note's ETag, as the ETag header gives it: send it as If-Match to change it. Example:
                "3f2a9c0d1e4b5a6f7a8b".
     """

    id: str
    plan_id: str
    status: NoteStatus
    shared: str
    entries: list[Entry]
    author: NotePerson
    signed_by: None | NotePerson
    signed_at: datetime.datetime | None
    addenda: list[Addendum]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    etag: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.addendum import Addendum # noqa: PLC0415
        from ..models.entry import Entry # noqa: PLC0415
        from ..models.note_person import NotePerson # noqa: PLC0415
        id = self.id

        plan_id = self.plan_id

        status = self.status.value

        shared = self.shared

        entries = []
        for entries_item_data in self.entries:
            entries_item = entries_item_data.to_dict()
            entries.append(entries_item)



        author = self.author.to_dict()

        signed_by: dict[str, Any] | None
        if isinstance(self.signed_by, NotePerson):
            signed_by = self.signed_by.to_dict()
        else:
            signed_by = self.signed_by

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        addenda = []
        for addenda_item_data in self.addenda:
            addenda_item = addenda_item_data.to_dict()
            addenda.append(addenda_item)



        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        etag = self.etag


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "plan_id": plan_id,
            "status": status,
            "shared": shared,
            "entries": entries,
            "author": author,
            "signed_by": signed_by,
            "signed_at": signed_at,
            "addenda": addenda,
            "created_at": created_at,
            "updated_at": updated_at,
            "etag": etag,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.addendum import Addendum # noqa: PLC0415
        from ..models.entry import Entry # noqa: PLC0415
        from ..models.note_person import NotePerson # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        plan_id = d.pop("plan_id")

        status = NoteStatus(d.pop("status"))




        shared = d.pop("shared")

        entries = []
        _entries = d.pop("entries")
        for entries_item_data in (_entries):
            entries_item = Entry.from_dict(entries_item_data)



            entries.append(entries_item)


        author = NotePerson.from_dict(d.pop("author"))




        def _parse_signed_by(data: object) -> None | NotePerson:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                signed_by_type_0 = NotePerson.from_dict(data)



                return signed_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | NotePerson, data)

        signed_by = _parse_signed_by(d.pop("signed_by"))


        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)



                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))


        addenda = []
        _addenda = d.pop("addenda")
        for addenda_item_data in (_addenda):
            addenda_item = Addendum.from_dict(addenda_item_data)



            addenda.append(addenda_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        etag = d.pop("etag")

        note = cls(
            id=id,
            plan_id=plan_id,
            status=status,
            shared=shared,
            entries=entries,
            author=author,
            signed_by=signed_by,
            signed_at=signed_at,
            addenda=addenda,
            created_at=created_at,
            updated_at=updated_at,
            etag=etag,
        )

        return note

