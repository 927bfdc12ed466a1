from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sex_at_birth import SexAtBirth
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ParticipantCreate")



@_attrs_define
class ParticipantCreate:
    """ A new participant (everything but the name is optional); `confirm_new` creates it even when one with the
    same name and date of birth exists.

        Attributes:
            display_name (str): How the practice names them. Example: Pat Example.
            date_of_birth (datetime.date | None | Unset): Date of birth. Example: 1988-05-17.
            sex_at_birth (None | SexAtBirth | Unset): Optional; used only for the AUDIT-C cutoff (the lower cutoff applies
                when unknown).
            contact (None | str | Unset): How to reach them. Example: pat@example.org.
            emergency_contact (None | str | Unset): Whom to call in an emergency.
            dietary_notes (None | str | Unset): Dietary needs and allergies.
            consent_date (datetime.date | None | Unset): When they gave consent to the work.
            notes (None | str | Unset): Clinical notes (audited, never logged).
            confirm_new (bool | Unset): Create it although a participant with the same name (case and spaces ignored) and
                date of birth exists (otherwise 409 with `errors.possible_duplicate` naming the existing id). Default when left
                out: `false`.
     """

    display_name: str
    date_of_birth: datetime.date | None | Unset = UNSET
    sex_at_birth: None | SexAtBirth | Unset = UNSET
    contact: None | str | Unset = UNSET
    emergency_contact: None | str | Unset = UNSET
    dietary_notes: None | str | Unset = UNSET
    consent_date: datetime.date | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    confirm_new: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        date_of_birth: None | str | Unset
        if isinstance(self.date_of_birth, Unset):
            date_of_birth = UNSET
        elif isinstance(self.date_of_birth, datetime.date):
            date_of_birth = self.date_of_birth.isoformat()
        else:
            date_of_birth = self.date_of_birth

        sex_at_birth: None | str | Unset
        if isinstance(self.sex_at_birth, Unset):
            sex_at_birth = UNSET
        elif isinstance(self.sex_at_birth, SexAtBirth):
            sex_at_birth = self.sex_at_birth.value
        else:
            sex_at_birth = self.sex_at_birth

        contact: None | str | Unset
        if isinstance(self.contact, Unset):
            contact = UNSET
        else:
            contact = self.contact

        emergency_contact: None | str | Unset
        if isinstance(self.emergency_contact, Unset):
            emergency_contact = UNSET
        else:
            emergency_contact = self.emergency_contact

        dietary_notes: None | str | Unset
        if isinstance(self.dietary_notes, Unset):
            dietary_notes = UNSET
        else:
            dietary_notes = self.dietary_notes

        consent_date: None | str | Unset
        if isinstance(self.consent_date, Unset):
            consent_date = UNSET
        elif isinstance(self.consent_date, datetime.date):
            consent_date = self.consent_date.isoformat()
        else:
            consent_date = self.consent_date

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        confirm_new = self.confirm_new


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "display_name": display_name,
        })
        if date_of_birth is not UNSET:
            field_dict["date_of_birth"] = date_of_birth
        if sex_at_birth is not UNSET:
            field_dict["sex_at_birth"] = sex_at_birth
        if contact is not UNSET:
            field_dict["contact"] = contact
        if emergency_contact is not UNSET:
            field_dict["emergency_contact"] = emergency_contact
        if dietary_notes is not UNSET:
            field_dict["dietary_notes"] = dietary_notes
        if consent_date is not UNSET:
            field_dict["consent_date"] = consent_date
        if notes is not UNSET:
            field_dict["notes"] = notes
        if confirm_new is not UNSET:
            field_dict["confirm_new"] = confirm_new

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        def _parse_date_of_birth(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_birth_type_0 = datetime.date.fromisoformat(data)



                return date_of_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date_of_birth = _parse_date_of_birth(d.pop("date_of_birth", UNSET))


        def _parse_sex_at_birth(data: object) -> None | SexAtBirth | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_at_birth_type_0 = SexAtBirth(data)



                return sex_at_birth_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SexAtBirth | Unset, data)

        sex_at_birth = _parse_sex_at_birth(d.pop("sex_at_birth", UNSET))


        def _parse_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact = _parse_contact(d.pop("contact", UNSET))


        def _parse_emergency_contact(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        emergency_contact = _parse_emergency_contact(d.pop("emergency_contact", UNSET))


        def _parse_dietary_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dietary_notes = _parse_dietary_notes(d.pop("dietary_notes", UNSET))


        def _parse_consent_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_date_type_0 = datetime.date.fromisoformat(data)



                return consent_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        consent_date = _parse_consent_date(d.pop("consent_date", UNSET))


        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))


        confirm_new = d.pop("confirm_new", UNSET)

        participant_create = cls(
            display_name=display_name,
            date_of_birth=date_of_birth,
            sex_at_birth=sex_at_birth,
            contact=contact,
            emergency_contact=emergency_contact,
            dietary_notes=dietary_notes,
            consent_date=consent_date,
            notes=notes,
            confirm_new=confirm_new,
        )

        return participant_create

