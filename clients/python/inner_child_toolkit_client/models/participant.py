from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sex_at_birth import SexAtBirth
from typing import cast
import datetime






T = TypeVar("T", bound="Participant")



@_attrs_define
class Participant:
    """ A participant as the API shows it: every field is always present (null when not set).

        Attributes:
            display_name (str): How the practice names them. Example: Pat Example.
            date_of_birth (datetime.date | None): Date of birth. Example: 1988-05-17.
            sex_at_birth (None | SexAtBirth): Optional; used only for the AUDIT-C cutoff (the lower cutoff applies when
                unknown).
            contact (None | str): How to reach them. Example: pat@example.org.
            emergency_contact (None | str): Whom to call in an emergency.
            dietary_notes (None | str): Dietary needs and allergies.
            consent_date (datetime.date | None): When they gave consent to the work.
            notes (None | str): Clinical notes (audited, never logged).
            id (str): Opaque id.
            archived (bool): Archived participants are hidden in lists.
            etag (str): The record's ETag, as the ETag header gives it: send it as If-Match to change the record. Example:
                "3f2a9c0d1e4b5a6f7a8b".
            created_at (datetime.datetime): When the record was created.
            updated_at (datetime.datetime): When the record last changed.
     """

    display_name: str
    date_of_birth: datetime.date | None
    sex_at_birth: None | SexAtBirth
    contact: None | str
    emergency_contact: None | str
    dietary_notes: None | str
    consent_date: datetime.date | None
    notes: None | str
    id: str
    archived: bool
    etag: str
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        date_of_birth: None | str
        if isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        sex_at_birth: None | str
        if isinstance(self.sex_at_birth, SexAtBirth):
            sex_at_birth = self.sex_at_birth.value
        else:
            sex_at_birth = self.sex_at_birth

        contact: None | str
        contact = self.contact

        emergency_contact: None | str
        emergency_contact = self.emergency_contact

        dietary_notes: None | str
        dietary_notes = self.dietary_notes

        consent_date: None | str
        if isinstance(self.consent_date, datetime.date):
            consent_date = self.consent_date.isoformat()
        else:
            consent_date = self.consent_date

        notes: None | str
        notes = self.notes

        id = self.id

        archived = self.archived

        etag = self.etag

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "display_name": display_name,
            "date_of_birth": date_of_birth,
            "sex_at_birth": sex_at_birth,
            "contact": contact,
            "emergency_contact": emergency_contact,
            "dietary_notes": dietary_notes,
            "consent_date": consent_date,
            "notes": notes,
            "id": id,
            "archived": archived,
            "etag": etag,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        def _parse_date_of_birth(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)



                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth"))


        def _parse_sex_at_birth(data: object) -> None | SexAtBirth:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_at_birth_type_0 = SexAtBirth(data)



                return sex_at_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SexAtBirth, data)

        sex_at_birth = _parse_sex_at_birth(d.pop("sex_at_birth"))


        def _parse_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contact = _parse_contact(d.pop("contact"))


        def _parse_emergency_contact(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact"))


        def _parse_dietary_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dietary_notes = _parse_dietary_notes(d.pop("dietary_notes"))


        def _parse_consent_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_date_type_0 = datetime.date.fromisoformat(data)



                return consent_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        consent_date = _parse_consent_date(d.pop("consent_date"))


        def _parse_notes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        notes = _parse_notes(d.pop("notes"))


        id = d.pop("id")

        archived = d.pop("archived")

        etag = d.pop("etag")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        participant = cls(
            display_name=display_name,
            date_of_birth=date_of_birth,
            sex_at_birth=sex_at_birth,
            contact=contact,
            emergency_contact=emergency_contact,
            dietary_notes=dietary_notes,
            consent_date=consent_date,
            notes=notes,
            id=id,
            archived=archived,
            etag=etag,
            created_at=created_at,
            updated_at=updated_at,
        )

        return participant

