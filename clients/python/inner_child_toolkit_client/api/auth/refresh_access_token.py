from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.tokens import Tokens
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/refresh",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Tokens:
    if response.status_code == 200:
        response_200 = Tokens.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Tokens]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[Error | Tokens]:
    """ Get a new access token and a new refresh token

     Send the **refresh** token as the bearer token; returns a new access token and a new refresh token
    for the same login. Refresh tokens rotate: keep the new one. The one you sent, sent again within
    `REFRESH_GRACE_SECONDS` (30 s) of its first use, answers with the very same new pair (two tabs of
    one
    browser refreshing at once both keep the login); sent later than that, it is taken as theft (OAuth
    2.0
    Security BCP): the whole login ends (every token of it answers 401) and the user must log in again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Tokens]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,

) -> Error | Tokens | None:
    """ Get a new access token and a new refresh token

     Send the **refresh** token as the bearer token; returns a new access token and a new refresh token
    for the same login. Refresh tokens rotate: keep the new one. The one you sent, sent again within
    `REFRESH_GRACE_SECONDS` (30 s) of its first use, answers with the very same new pair (two tabs of
    one
    browser refreshing at once both keep the login); sent later than that, it is taken as theft (OAuth
    2.0
    Security BCP): the whole login ends (every token of it answers 401) and the user must log in again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Tokens
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,

) -> Response[Error | Tokens]:
    """ Get a new access token and a new refresh token

     Send the **refresh** token as the bearer token; returns a new access token and a new refresh token
    for the same login. Refresh tokens rotate: keep the new one. The one you sent, sent again within
    `REFRESH_GRACE_SECONDS` (30 s) of its first use, answers with the very same new pair (two tabs of
    one
    browser refreshing at once both keep the login); sent later than that, it is taken as theft (OAuth
    2.0
    Security BCP): the whole login ends (every token of it answers 401) and the user must log in again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Tokens]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,

) -> Error | Tokens | None:
    """ Get a new access token and a new refresh token

     Send the **refresh** token as the bearer token; returns a new access token and a new refresh token
    for the same login. Refresh tokens rotate: keep the new one. The one you sent, sent again within
    `REFRESH_GRACE_SECONDS` (30 s) of its first use, answers with the very same new pair (two tabs of
    one
    browser refreshing at once both keep the login); sent later than that, it is taken as theft (OAuth
    2.0
    Security BCP): the whole login ends (every token of it answers 401) and the user must log in again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Tokens
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
