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





T = TypeVar("T", bound="ParticipantNote")



@_attrs_define
class ParticipantNote:
    """ A session note as seen on one participant's record: the shared part and only their own entry.

        Attributes:
            note_id (str):
            plan_id (str):
            plan_title (str):
            session_starts_at (datetime.datetime):
            session_number (int | None):
            status (NoteStatus): draft: editable; signed: locked, addenda only.
            shared (str):
            entry (None | str): This participant's own entry (never another member's); null when none.
            signed_at (datetime.datetime | None):
            addenda (list[Addendum]):
     """

    note_id: str
    plan_id: str
    plan_title: str
    session_starts_at: datetime.datetime
    session_number: int | None
    status: NoteStatus
    shared: str
    entry: None | str
    signed_at: datetime.datetime | None
    addenda: list[Addendum]





    def to_dict(self) -> dict[str, Any]:
        from ..models.addendum import Addendum # noqa: PLC0415
        note_id = self.note_id

        plan_id = self.plan_id

        plan_title = self.plan_title

        session_starts_at = self.session_starts_at.isoformat()

        session_number: int | None
        session_number = self.session_number

        status = self.status.value

        shared = self.shared

        entry: None | str
        entry = self.entry

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        addenda = []
        for addenda_item_data in self.addenda:
            addenda_item = addenda_item_data.to_dict()
            addenda.append(addenda_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "note_id": note_id,
            "plan_id": plan_id,
            "plan_title": plan_title,
            "session_starts_at": session_starts_at,
            "session_number": session_number,
            "status": status,
            "shared": shared,
            "entry": entry,
            "signed_at": signed_at,
            "addenda": addenda,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.addendum import Addendum # noqa: PLC0415
        d = dict(src_dict)
        note_id = d.pop("note_id")

        plan_id = d.pop("plan_id")

        plan_title = d.pop("plan_title")

        session_starts_at = datetime.datetime.fromisoformat(d.pop("session_starts_at"))




        def _parse_session_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        session_number = _parse_session_number(d.pop("session_number"))


        status = NoteStatus(d.pop("status"))




        shared = d.pop("shared")

        def _parse_entry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        entry = _parse_entry(d.pop("entry"))


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


        participant_note = cls(
            note_id=note_id,
            plan_id=plan_id,
            plan_title=plan_title,
            session_starts_at=session_starts_at,
            session_number=session_number,
            status=status,
            shared=shared,
            entry=entry,
            signed_at=signed_at,
            addenda=addenda,
        )

        return participant_note

