from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.note_person import NotePerson





T = TypeVar("T", bound="Addendum")



@_attrs_define
class Addendum:
    """ An addendum to a signed note, with its author and time.

        Attributes:
            id (str):
            author (NotePerson): A therapist named on a note (author, signer).
            at (datetime.datetime):
            text (str):
     """

    id: str
    author: NotePerson
    at: datetime.datetime
    text: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.note_person import NotePerson # noqa: PLC0415
        id = self.id

        author = self.author.to_dict()

        at = self.at.isoformat()

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "author": author,
            "at": at,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.note_person import NotePerson # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        author = NotePerson.from_dict(d.pop("author"))




        at = datetime.datetime.fromisoformat(d.pop("at"))




        text = d.pop("text")

        addendum = cls(
            id=id,
            author=author,
            at=at,
            text=text,
        )

        return addendum

