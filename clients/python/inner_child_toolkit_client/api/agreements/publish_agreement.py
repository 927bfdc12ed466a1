from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.agreement import Agreement
from ...models.agreement_create import AgreementCreate
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: AgreementCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/agreements",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Agreement | Error:
    if response.status_code == 201:
        response_201 = Agreement.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Agreement | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AgreementCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Agreement | Error]:
    """ Publish a new version of the group agreement (admin)

     The new version becomes the current one at once: every participant signs it again (an invitation
    with
    `purpose: agreement`). Earlier versions and their signatures are kept.

    Args:
        idempotency_key (str | Unset):
        body (AgreementCreate): A new version of the practice's group agreement.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agreement | Error]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: AgreementCreate,
    idempotency_key: str | Unset = UNSET,

) -> Agreement | Error | None:
    """ Publish a new version of the group agreement (admin)

     The new version becomes the current one at once: every participant signs it again (an invitation
    with
    `purpose: agreement`). Earlier versions and their signatures are kept.

    Args:
        idempotency_key (str | Unset):
        body (AgreementCreate): A new version of the practice's group agreement.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agreement | Error
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AgreementCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Agreement | Error]:
    """ Publish a new version of the group agreement (admin)

     The new version becomes the current one at once: every participant signs it again (an invitation
    with
    `purpose: agreement`). Earlier versions and their signatures are kept.

    Args:
        idempotency_key (str | Unset):
        body (AgreementCreate): A new version of the practice's group agreement.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agreement | Error]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AgreementCreate,
    idempotency_key: str | Unset = UNSET,

) -> Agreement | Error | None:
    """ Publish a new version of the group agreement (admin)

     The new version becomes the current one at once: every participant signs it again (an invitation
    with
    `purpose: agreement`). Earlier versions and their signatures are kept.

    Args:
        idempotency_key (str | Unset):
        body (AgreementCreate): A new version of the practice's group agreement.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agreement | Error
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
