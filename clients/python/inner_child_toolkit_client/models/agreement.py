from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Agreement")



@_attrs_define
class Agreement:
    """ One version of the group agreement (the highest version is the current one).

        Attributes:
            id (str):
            version (int):  Example: 1.
            title (str):
            text (str):
            published_at (datetime.datetime):
            published_by (None | str): Therapist id.
     """

    id: str
    version: int
    title: str
    text: str
    published_at: datetime.datetime
    published_by: None | str





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        version = self.version

        title = self.title

        text = self.text

        published_at = self.published_at.isoformat()

        published_by: None | str
        published_by = self.published_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "version": version,
            "title": title,
            "text": text,
            "published_at": published_at,
            "published_by": published_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        title = d.pop("title")

        text = d.pop("text")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))




        def _parse_published_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        published_by = _parse_published_by(d.pop("published_by"))


        agreement = cls(
            id=id,
            version=version,
            title=title,
            text=text,
            published_at=published_at,
            published_by=published_by,
        )

        return agreement

