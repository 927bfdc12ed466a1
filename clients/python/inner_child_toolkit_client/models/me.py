from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from typing import cast

if TYPE_CHECKING:
  from ..models.practice import Practice





T = TypeVar("T", bound="Me")



@_attrs_define
class Me:
    """ A therapist account, as its owner sees it.

        Attributes:
            id (str):
            name (str):
            email (str):
            role (Role): A therapist's role in the practice: an admin also manages accounts and reads the audit.
            credentials (None | str):
            trauma_informed (bool):
            clinical_lead (bool): May lower screening outcomes and record crisis reviews and clinician assessments.
            active (bool):
            practice (Practice): A practice: the tenant every record belongs to, with its settings.
            totp_enabled (bool): Signs in with a TOTP code too.
            must_enrol_totp (bool): The practice requires two-factor sign-in and this account has none yet: until it enrols
                (`POST /me/totp`, then `POST /me/totp/confirm`) every other operation answers 403.
     """

    id: str
    name: str
    email: str
    role: Role
    credentials: None | str
    trauma_informed: bool
    clinical_lead: bool
    active: bool
    practice: Practice
    totp_enabled: bool
    must_enrol_totp: bool





    def to_dict(self) -> dict[str, Any]:
        from ..models.practice import Practice # noqa: PLC0415
        id = self.id

        name = self.name

        email = self.email

        role = self.role.value

        credentials: None | str
        credentials = self.credentials

        trauma_informed = self.trauma_informed

        clinical_lead = self.clinical_lead

        active = self.active

        practice = self.practice.to_dict()

        totp_enabled = self.totp_enabled

        must_enrol_totp = self.must_enrol_totp


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "email": email,
            "role": role,
            "credentials": credentials,
            "trauma_informed": trauma_informed,
            "clinical_lead": clinical_lead,
            "active": active,
            "practice": practice,
            "totp_enabled": totp_enabled,
            "must_enrol_totp": must_enrol_totp,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.practice import Practice # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        email = d.pop("email")

        role = Role(d.pop("role"))




        def _parse_credentials(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        credentials = _parse_credentials(d.pop("credentials"))


        trauma_informed = d.pop("trauma_informed")

        clinical_lead = d.pop("clinical_lead")

        active = d.pop("active")

        practice = Practice.from_dict(d.pop("practice"))




        totp_enabled = d.pop("totp_enabled")

        must_enrol_totp = d.pop("must_enrol_totp")

        me = cls(
            id=id,
            name=name,
            email=email,
            role=role,
            credentials=credentials,
            trauma_informed=trauma_informed,
            clinical_lead=clinical_lead,
            active=active,
            practice=practice,
            totp_enabled=totp_enabled,
            must_enrol_totp=must_enrol_totp,
        )

        return me

