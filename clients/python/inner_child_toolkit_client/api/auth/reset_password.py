from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.password_reset import PasswordReset
from typing import cast



def _get_kwargs(
    token: str,
    *,
    body: PasswordReset,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/password-reset/{token}".format(token=quote(str(token), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: PasswordReset,

) -> Response[Any | Error]:
    """ Set a new password with a reset link

     `token` is the secret of the emailed link. The new password follows the policy (422 naming
    `new_password`); on success the link and any other outstanding link of the account stop working, and
    every
    login of the account ends. An unknown, used or expired link answers 404.

    Args:
        token (str):
        body (PasswordReset): The new password.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        token=token,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: PasswordReset,

) -> Any | Error | None:
    """ Set a new password with a reset link

     `token` is the secret of the emailed link. The new password follows the policy (422 naming
    `new_password`); on success the link and any other outstanding link of the account stop working, and
    every
    login of the account ends. An unknown, used or expired link answers 404.

    Args:
        token (str):
        body (PasswordReset): The new password.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return sync_detailed(
        token=token,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: PasswordReset,

) -> Response[Any | Error]:
    """ Set a new password with a reset link

     `token` is the secret of the emailed link. The new password follows the policy (422 naming
    `new_password`); on success the link and any other outstanding link of the account stop working, and
    every
    login of the account ends. An unknown, used or expired link answers 404.

    Args:
        token (str):
        body (PasswordReset): The new password.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        token=token,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: PasswordReset,

) -> Any | Error | None:
    """ Set a new password with a reset link

     `token` is the secret of the emailed link. The new password follows the policy (422 naming
    `new_password`); on success the link and any other outstanding link of the account stop working, and
    every
    login of the account ends. An unknown, used or expired link answers 404.

    Args:
        token (str):
        body (PasswordReset): The new password.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return (await asyncio_detailed(
        token=token,
client=client,
body=body,

    )).parsed
