from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast
import datetime






T = TypeVar("T", bound="Therapist")



@_attrs_define
class Therapist:
    """ A therapist account as the API shows it: every field is always present.

        Attributes:
            name (str): Full name. Example: Sam Therapist.
            email (str): Login email, unique. Example: sam@example.org.
            role (Role): A therapist's role in the practice: an admin also manages accounts and reads the audit.
            credentials (None | str): Qualifications, free text. Example: MSc, registered psychotherapist.
            phone (None | str): How to reach the therapist quickly; the facilitator agenda prints it for clinical leads in
                the "What to do" box of a member on a crisis hold. Example: 07700 900123.
            trauma_informed (bool): Trained in trauma-informed care. Default when left out: `false`.
            clinical_lead (bool): Set by an admin. A clinical lead may make a screening outcome less restrictive, record
                crisis reviews and clinician assessments. Default when left out: `false`.
            id (str): Opaque id.
            active (bool): Deactivated accounts cannot log in.
            created_at (datetime.datetime): When the account was created.
            etag (str): The record's ETag, as the ETag header gives it: send it as If-Match to change the record. Example:
                "3f2a9c0d1e4b5a6f7a8b".
     """

    name: str
    email: str
    role: Role
    credentials: None | str
    phone: None | str
    trauma_informed: bool
    clinical_lead: bool
    id: str
    active: bool
    created_at: datetime.datetime
    etag: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        email = self.email

        role = self.role.value

        credentials: None | str
        credentials = self.credentials

        phone: None | str
        phone = self.phone

        trauma_informed = self.trauma_informed

        clinical_lead = self.clinical_lead

        id = self.id

        active = self.active

        created_at = self.created_at.isoformat()

        etag = self.etag


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "email": email,
            "role": role,
            "credentials": credentials,
            "phone": phone,
            "trauma_informed": trauma_informed,
            "clinical_lead": clinical_lead,
            "id": id,
            "active": active,
            "created_at": created_at,
            "etag": etag,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        email = d.pop("email")

        role = Role(d.pop("role"))




        def _parse_credentials(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credentials = _parse_credentials(d.pop("credentials"))


        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))


        trauma_informed = d.pop("trauma_informed")

        clinical_lead = d.pop("clinical_lead")

        id = d.pop("id")

        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        etag = d.pop("etag")

        therapist = cls(
            name=name,
            email=email,
            role=role,
            credentials=credentials,
            phone=phone,
            trauma_informed=trauma_informed,
            clinical_lead=clinical_lead,
            id=id,
            active=active,
            created_at=created_at,
            etag=etag,
        )

        return therapist

