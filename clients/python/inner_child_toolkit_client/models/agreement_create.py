from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AgreementCreate")



@_attrs_define
class AgreementCreate:
    """ A new version of the practice's group agreement.

        Attributes:
            title (str):  Example: Our group agreement.
            text (str): Plain text; blank lines separate paragraphs. Confidentiality inside the group, what happens in a
                crisis, attendance. Example: What is said in the group stays in the group.

                If you are in crisis, we will contact you and, if needed, emergency services.

                Please tell us if you cannot come..
     """

    title: str
    text: str





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "title": title,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        text = d.pop("text")

        agreement_create = cls(
            title=title,
            text=text,
        )

        return agreement_create

