from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="Signature")



@_attrs_define
class Signature:
    """ A participant's signature of one agreement version, as made on their own page.

        Attributes:
            id (str):
            participant_id (str):
            agreement_id (str):
            version (int):
            title (str):
            typed_name (str): The name the participant typed.
            ticked (bool): They ticked "I agree".
            signed_at (datetime.datetime):
            address (None | str): The network address the signature came from.
            invitation_id (None | str):
            current (bool): True when this is a signature of the current version (a new version needs a new one).
     """

    id: str
    participant_id: str
    agreement_id: str
    version: int
    title: str
    typed_name: str
    ticked: bool
    signed_at: datetime.datetime
    address: None | str
    invitation_id: None | str
    current: bool





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        participant_id = self.participant_id

        agreement_id = self.agreement_id

        version = self.version

        title = self.title

        typed_name = self.typed_name

        ticked = self.ticked

        signed_at = self.signed_at.isoformat()

        address: None | str
        address = self.address

        invitation_id: None | str
        invitation_id = self.invitation_id

        current = self.current


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "participant_id": participant_id,
            "agreement_id": agreement_id,
            "version": version,
            "title": title,
            "typed_name": typed_name,
            "ticked": ticked,
            "signed_at": signed_at,
            "address": address,
            "invitation_id": invitation_id,
            "current": current,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        participant_id = d.pop("participant_id")

        agreement_id = d.pop("agreement_id")

        version = d.pop("version")

        title = d.pop("title")

        typed_name = d.pop("typed_name")

        ticked = d.pop("ticked")

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))




        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        def _parse_invitation_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        invitation_id = _parse_invitation_id(d.pop("invitation_id"))


        current = d.pop("current")

        signature = cls(
            id=id,
            participant_id=participant_id,
            agreement_id=agreement_id,
            version=version,
            title=title,
            typed_name=typed_name,
            ticked=ticked,
            signed_at=signed_at,
            address=address,
            invitation_id=invitation_id,
            current=current,
        )

        return signature

