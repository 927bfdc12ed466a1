from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.prerequisite_warning_code import PrerequisiteWarningCode
from typing import cast






T = TypeVar("T", bound="PrerequisiteWarning")



@_attrs_define
class PrerequisiteWarning:
    """ A member who missed a module that an item of this session needs first (`missed_prerequisite`), or a
    member of a `group` or `retreat` without a signature of the group agreement in force (`agreement_missing`:
    item, module, prerequisite and session are null).

        Attributes:
            code (PrerequisiteWarningCode):
            participant_id (str):
            item_id (None | str):
            module (None | str): The item's module (slug).
            prerequisite (None | str): The module (slug) the member missed.
            session (None | str): The earlier session that had it (number, title, date); null when none did.
            message (str):
     """

    code: PrerequisiteWarningCode
    participant_id: str
    item_id: None | str
    module: None | str
    prerequisite: None | str
    session: None | str
    message: str





    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        participant_id = self.participant_id

        item_id: None | str
        item_id = self.item_id

        module: None | str
        module = self.module

        prerequisite: None | str
        prerequisite = self.prerequisite

        session: None | str
        session = self.session

        message = self.message


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "participant_id": participant_id,
            "item_id": item_id,
            "module": module,
            "prerequisite": prerequisite,
            "session": session,
            "message": message,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = PrerequisiteWarningCode(d.pop("code"))




        participant_id = d.pop("participant_id")

        def _parse_item_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        item_id = _parse_item_id(d.pop("item_id"))


        def _parse_module(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        module = _parse_module(d.pop("module"))


        def _parse_prerequisite(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prerequisite = _parse_prerequisite(d.pop("prerequisite"))


        def _parse_session(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session = _parse_session(d.pop("session"))


        message = d.pop("message")

        prerequisite_warning = cls(
            code=code,
            participant_id=participant_id,
            item_id=item_id,
            module=module,
            prerequisite=prerequisite,
            session=session,
            message=message,
        )

        return prerequisite_warning

