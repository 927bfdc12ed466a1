from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TherapistUpdate")



@_attrs_define
class TherapistUpdate:
    """ Changes to a therapist account (admins only): only the fields sent change.

        Attributes:
            name (str | Unset): Full name.
            role (Role | Unset): A therapist's role in the practice: an admin also manages accounts and reads the audit.
            credentials (None | str | Unset): Qualifications, free text.
            phone (None | str | Unset): How to reach the therapist quickly.
            trauma_informed (bool | Unset): Trained in trauma-informed care.
            clinical_lead (bool | Unset): Set by an admin: may lower outcomes, record crisis reviews and clinician
                assessments.
            active (bool | Unset): false deactivates the account and ends its logins.
            email (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            id (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
            created_at (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object
                can be sent back.
            etag (Any | Unset): Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be
                sent back.
     """

    name: str | Unset = UNSET
    role: Role | Unset = UNSET
    credentials: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    trauma_informed: bool | Unset = UNSET
    clinical_lead: bool | Unset = UNSET
    active: bool | Unset = UNSET
    email: Any | Unset = UNSET
    id: Any | Unset = UNSET
    created_at: Any | Unset = UNSET
    etag: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

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

        active = self.active

        email = self.email

        id = self.id

        created_at = self.created_at

        etag = self.etag


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
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
        if active is not UNSET:
            field_dict["active"] = active
        if email is not UNSET:
            field_dict["email"] = email
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if etag is not UNSET:
            field_dict["etag"] = etag

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

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

        active = d.pop("active", UNSET)

        email = d.pop("email", UNSET)

        id = d.pop("id", UNSET)

        created_at = d.pop("created_at", UNSET)

        etag = d.pop("etag", UNSET)

        therapist_update = cls(
            name=name,
            role=role,
            credentials=credentials,
            phone=phone,
            trauma_informed=trauma_informed,
            clinical_lead=clinical_lead,
            active=active,
            email=email,
            id=id,
            created_at=created_at,
            etag=etag,
        )

        return therapist_update

