from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.operation_outcome import OperationOutcome
from ...models.smart_configuration import SmartConfiguration
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/fhir/.well-known/smart-configuration",
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | OperationOutcome | SmartConfiguration:
    if response.status_code == 200:
        response_200 = SmartConfiguration.from_dict(response.json())



        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = OperationOutcome.from_dict(response.json())



        return response_400

    if response.status_code == 406:
        response_406 = OperationOutcome.from_dict(response.json())



        return response_406

    response_default = OperationOutcome.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | OperationOutcome | SmartConfiguration]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | OperationOutcome | SmartConfiguration]:
    """ SMART configuration: what is supported

     SMART App Launch (2.x) discovery at the FHIR base. **SMART launch is not supported yet**:
    `capabilities` and the grant types are empty and there is no OAuth authorization endpoint. A client
    authenticates as for the rest of the API, with a bearer token from `POST /api/v1/auth/login`
    (`token_endpoint` points at it); `x-toolkit-auth` says so in words. Public (no token).

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OperationOutcome | SmartConfiguration]
     """


    kwargs = _get_kwargs(
        if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Any | OperationOutcome | SmartConfiguration | None:
    """ SMART configuration: what is supported

     SMART App Launch (2.x) discovery at the FHIR base. **SMART launch is not supported yet**:
    `capabilities` and the grant types are empty and there is no OAuth authorization endpoint. A client
    authenticates as for the rest of the API, with a bearer token from `POST /api/v1/auth/login`
    (`token_endpoint` points at it); `x-toolkit-auth` says so in words. Public (no token).

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OperationOutcome | SmartConfiguration
     """


    return sync_detailed(
        client=client,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | OperationOutcome | SmartConfiguration]:
    """ SMART configuration: what is supported

     SMART App Launch (2.x) discovery at the FHIR base. **SMART launch is not supported yet**:
    `capabilities` and the grant types are empty and there is no OAuth authorization endpoint. A client
    authenticates as for the rest of the API, with a bearer token from `POST /api/v1/auth/login`
    (`token_endpoint` points at it); `x-toolkit-auth` says so in words. Public (no token).

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | OperationOutcome | SmartConfiguration]
     """


    kwargs = _get_kwargs(
        if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Any | OperationOutcome | SmartConfiguration | None:
    """ SMART configuration: what is supported

     SMART App Launch (2.x) discovery at the FHIR base. **SMART launch is not supported yet**:
    `capabilities` and the grant types are empty and there is no OAuth authorization endpoint. A client
    authenticates as for the rest of the API, with a bearer token from `POST /api/v1/auth/login`
    (`token_endpoint` points at it); `x-toolkit-auth` says so in words. Public (no token).

    Args:
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | OperationOutcome | SmartConfiguration
     """


    return (await asyncio_detailed(
        client=client,
if_none_match=if_none_match,

    )).parsed
