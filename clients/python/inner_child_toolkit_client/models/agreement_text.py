from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AgreementText")



@_attrs_define
class AgreementText:
    """ The current group agreement, to read before signing.

        Attributes:
            version (int):
            title (str):
            text (str):
     """

    version: int
    title: str
    text: str





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        title = self.title

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
            "title": title,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        title = d.pop("title")

        text = d.pop("text")

        agreement_text = cls(
            version=version,
            title=title,
            text=text,
        )

        return agreement_text

