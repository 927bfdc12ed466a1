from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.accepted import Accepted
from ...models.error import Error
from ...models.password_reset_request import PasswordResetRequest
from typing import cast



def _get_kwargs(
    *,
    body: PasswordResetRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/password-reset",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Accepted | Error:
    if response.status_code == 202:
        response_202 = Accepted.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Accepted | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordResetRequest,

) -> Response[Accepted | Error]:
    """ Ask for a password reset link by email

     Always 202, whatever the email, in the same time (at least `PASSWORD_RESET_MIN_SECONDS`) whether an
    account has it or not. For an active account, a one-time link is emailed to its address: it holds a
    256-bit secret (only its hash is kept), works once, and expires after `PASSWORD_RESET_MINUTES` (30).

    Args:
        body (PasswordResetRequest): The email address of the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Error]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordResetRequest,

) -> Accepted | Error | None:
    """ Ask for a password reset link by email

     Always 202, whatever the email, in the same time (at least `PASSWORD_RESET_MIN_SECONDS`) whether an
    account has it or not. For an active account, a one-time link is emailed to its address: it holds a
    256-bit secret (only its hash is kept), works once, and expires after `PASSWORD_RESET_MINUTES` (30).

    Args:
        body (PasswordResetRequest): The email address of the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Error
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordResetRequest,

) -> Response[Accepted | Error]:
    """ Ask for a password reset link by email

     Always 202, whatever the email, in the same time (at least `PASSWORD_RESET_MIN_SECONDS`) whether an
    account has it or not. For an active account, a one-time link is emailed to its address: it holds a
    256-bit secret (only its hash is kept), works once, and expires after `PASSWORD_RESET_MINUTES` (30).

    Args:
        body (PasswordResetRequest): The email address of the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Accepted | Error]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordResetRequest,

) -> Accepted | Error | None:
    """ Ask for a password reset link by email

     Always 202, whatever the email, in the same time (at least `PASSWORD_RESET_MIN_SECONDS`) whether an
    account has it or not. For an active account, a one-time link is emailed to its address: it holds a
    256-bit secret (only its hash is kept), works once, and expires after `PASSWORD_RESET_MINUTES` (30).

    Args:
        body (PasswordResetRequest): The email address of the account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Accepted | Error
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
