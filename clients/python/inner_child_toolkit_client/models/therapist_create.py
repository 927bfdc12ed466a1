from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TherapistCreate")



@_attrs_define
class TherapistCreate:
    """ A new therapist account of your practice (admins only).

        Attributes:
            name (str): Full name. Example: Sam Therapist.
            email (str): Login email, unique. Example: sam@example.org.
            password (str): The same policy as at registration. Example: another-long-passphrase-7.
            role (Role | Unset): A therapist's role in the practice: an admin also manages accounts and reads the audit.
            credentials (None | str | Unset): Qualifications, free text. Example: MSc, registered psychotherapist.
            phone (None | str | Unset): How to reach the therapist quickly; the facilitator agenda prints it for clinical
                leads in the "What to do" box of a member on a crisis hold. Example: 07700 900123.
            trauma_informed (bool | Unset): Trained in trauma-informed care. Default when left out: `false`.
            clinical_lead (bool | Unset): Set by an admin. A clinical lead may make a screening outcome less restrictive,
                record crisis reviews and clinician assessments. Default when left out: `false`.
     """

    name: str
    email: str
    password: str
    role: Role | Unset = UNSET
    credentials: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    trauma_informed: bool | Unset = UNSET
    clinical_lead: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        password = self.password

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value


        credentials: None | str | Unset
        if isinstance(self.credentials, Unset):
            credentials = UNSET
        else:
            credentials = self.credentials

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        trauma_informed = self.trauma_informed

        clinical_lead = self.clinical_lead


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "email": email,
            "password": password,
        })
        if role is not UNSET:
            field_dict["role"] = role
        if credentials is not UNSET:
            field_dict["credentials"] = credentials
        if phone is not UNSET:
            field_dict["phone"] = phone
        if trauma_informed is not UNSET:
            field_dict["trauma_informed"] = trauma_informed
        if clinical_lead is not UNSET:
            field_dict["clinical_lead"] = clinical_lead

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        password = d.pop("password")

        _role = d.pop("role", UNSET)
        role: Role | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = Role(_role)




        def _parse_credentials(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        credentials = _parse_credentials(d.pop("credentials", UNSET))


        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        trauma_informed = d.pop("trauma_informed", UNSET)

        clinical_lead = d.pop("clinical_lead", UNSET)

        therapist_create = cls(
            name=name,
            email=email,
            password=password,
            role=role,
            credentials=credentials,
            phone=phone,
            trauma_informed=trauma_informed,
            clinical_lead=clinical_lead,
        )

        return therapist_create

