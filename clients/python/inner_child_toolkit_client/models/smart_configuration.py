from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="SmartConfiguration")



@_attrs_define
class SmartConfiguration:
    """ SMART App Launch discovery (`.well-known/smart-configuration`): what is supported. No SMART launch yet.

        Attributes:
            issuer (str): The FHIR base URL.
            token_endpoint (str): Where a token is obtained today: the API's login (not an OAuth token endpoint).
            capabilities (list[str]): SMART capabilities supported: none yet.
            grant_types_supported (list[str]): None yet.
            code_challenge_methods_supported (list[str]): None yet.
            scopes_supported (list[str]): None yet.
            response_types_supported (list[str]): None yet.
            token_endpoint_auth_methods_supported (list[str]): None yet.
            x_toolkit_auth (str): How to authenticate today, in words (an extension member of this document).
     """

    issuer: str
    token_endpoint: str
    capabilities: list[str]
    grant_types_supported: list[str]
    code_challenge_methods_supported: list[str]
    scopes_supported: list[str]
    response_types_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]
    x_toolkit_auth: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        token_endpoint = self.token_endpoint

        capabilities = self.capabilities



        grant_types_supported = self.grant_types_supported



        code_challenge_methods_supported = self.code_challenge_methods_supported



        scopes_supported = self.scopes_supported



        response_types_supported = self.response_types_supported



        token_endpoint_auth_methods_supported = self.token_endpoint_auth_methods_supported



        x_toolkit_auth = self.x_toolkit_auth


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "issuer": issuer,
            "token_endpoint": token_endpoint,
            "capabilities": capabilities,
            "grant_types_supported": grant_types_supported,
            "code_challenge_methods_supported": code_challenge_methods_supported,
            "scopes_supported": scopes_supported,
            "response_types_supported": response_types_supported,
            "token_endpoint_auth_methods_supported": token_endpoint_auth_methods_supported,
            "x-toolkit-auth": x_toolkit_auth,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        token_endpoint = d.pop("token_endpoint")

        capabilities = cast(list[str], d.pop("capabilities"))


        grant_types_supported = cast(list[str], d.pop("grant_types_supported"))


        code_challenge_methods_supported = cast(list[str], d.pop("code_challenge_methods_supported"))


        scopes_supported = cast(list[str], d.pop("scopes_supported"))


        response_types_supported = cast(list[str], d.pop("response_types_supported"))


        token_endpoint_auth_methods_supported = cast(list[str], d.pop("token_endpoint_auth_methods_supported"))


        x_toolkit_auth = d.pop("x-toolkit-auth")

        smart_configuration = cls(
            issuer=issuer,
            token_endpoint=token_endpoint,
            capabilities=capabilities,
            grant_types_supported=grant_types_supported,
            code_challenge_methods_supported=code_challenge_methods_supported,
            scopes_supported=scopes_supported,
            response_types_supported=response_types_supported,
            token_endpoint_auth_methods_supported=token_endpoint_auth_methods_supported,
            x_toolkit_auth=x_toolkit_auth,
        )


        smart_configuration.additional_properties = d
        return smart_configuration

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
