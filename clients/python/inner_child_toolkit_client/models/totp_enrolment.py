from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TotpEnrolment")



@_attrs_define
class TotpEnrolment:
    """ A new TOTP secret, shown this once: add it to an authenticator app, then confirm with its first code.

        Attributes:
            otpauth_uri (str):  Example: otpauth://totp/Inner%20Child%20Group%20Toolkit:alex%40example.org?secret=JBSWY3DPEH
                PK3PXP&issuer=Inner%20Child%20Group%20Toolkit.
            secret (str):  Example: JBSWY3DPEHPK3PXP.
     """

    otpauth_uri: str
    secret: str





    def to_dict(self) -> dict[str, Any]:
        otpauth_uri = self.otpauth_uri

        secret = self.secret


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "otpauth_uri": otpauth_uri,
            "secret": secret,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        otpauth_uri = d.pop("otpauth_uri")

        secret = d.pop("secret")

        totp_enrolment = cls(
            otpauth_uri=otpauth_uri,
            secret=secret,
        )

        return totp_enrolment

