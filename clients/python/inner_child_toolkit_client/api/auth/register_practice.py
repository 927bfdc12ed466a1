from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.register import Register
from ...models.registered import Registered
from typing import cast



def _get_kwargs(
    *,
    body: Register,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/register",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Registered:
    if response.status_code == 201:
        response_201 = Registered.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Registered]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Register,

) -> Response[Error | Registered]:
    """ Register a practice and its first admin

     Creates a new practice (tenant) and its first therapist, with the `admin` role.

    The password needs at least 12 characters, must not be the email address, and must not be one of the
    passwords most often found in breaches or otherwise easy to guess (checked offline with zxcvbn); a
    refused password answers 422 with the reasons in `errors.password`.

    The answer does not tell whether the email already has an account: for such an email nothing is
    created, the answer has the same shape (with ids that lead nowhere), and logging in with the new
    password fails like any wrong password.

    Args:
        body (Register): A new practice and its first admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Registered]
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
    body: Register,

) -> Error | Registered | None:
    """ Register a practice and its first admin

     Creates a new practice (tenant) and its first therapist, with the `admin` role.

    The password needs at least 12 characters, must not be the email address, and must not be one of the
    passwords most often found in breaches or otherwise easy to guess (checked offline with zxcvbn); a
    refused password answers 422 with the reasons in `errors.password`.

    The answer does not tell whether the email already has an account: for such an email nothing is
    created, the answer has the same shape (with ids that lead nowhere), and logging in with the new
    password fails like any wrong password.

    Args:
        body (Register): A new practice and its first admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Registered
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Register,

) -> Response[Error | Registered]:
    """ Register a practice and its first admin

     Creates a new practice (tenant) and its first therapist, with the `admin` role.

    The password needs at least 12 characters, must not be the email address, and must not be one of the
    passwords most often found in breaches or otherwise easy to guess (checked offline with zxcvbn); a
    refused password answers 422 with the reasons in `errors.password`.

    The answer does not tell whether the email already has an account: for such an email nothing is
    created, the answer has the same shape (with ids that lead nowhere), and logging in with the new
    password fails like any wrong password.

    Args:
        body (Register): A new practice and its first admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Registered]
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
    body: Register,

) -> Error | Registered | None:
    """ Register a practice and its first admin

     Creates a new practice (tenant) and its first therapist, with the `admin` role.

    The password needs at least 12 characters, must not be the email address, and must not be one of the
    passwords most often found in breaches or otherwise easy to guess (checked offline with zxcvbn); a
    refused password answers 422 with the reasons in `errors.password`.

    The answer does not tell whether the email already has an account: for such an email nothing is
    created, the answer has the same shape (with ids that lead nowhere), and logging in with the new
    password fails like any wrong password.

    Args:
        body (Register): A new practice and its first admin.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Registered
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
