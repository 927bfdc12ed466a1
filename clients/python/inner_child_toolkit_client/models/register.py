from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Register")



@_attrs_define
class Register:
    """ A new practice and its first admin.

        Attributes:
            practice_name (str):  Example: Riverside Counselling.
            name (str):  Example: Dr. Alex Example.
            email (str):  Example: alex@example.org.
            password (str): At least 12 characters, more than three different characters, and not the email address (nor its
                part before the @). Example: a-long-passphrase-42.
     """

    practice_name: str
    name: str
    email: str
    password: str





    def to_dict(self) -> dict[str, Any]:
        practice_name = self.practice_name

        name = self.name

        email = self.email

        password = self.password


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "practice_name": practice_name,
            "name": name,
            "email": email,
            "password": password,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        practice_name = d.pop("practice_name")

        name = d.pop("name")

        email = d.pop("email")

        password = d.pop("password")

        register = cls(
            practice_name=practice_name,
            name=name,
            email=email,
            password=password,
        )

        return register

