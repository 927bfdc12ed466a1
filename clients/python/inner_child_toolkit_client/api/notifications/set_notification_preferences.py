from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.preferences import Preferences
from ...models.preferences_in import PreferencesIn
from typing import cast



def _get_kwargs(
    *,
    body: PreferencesIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/me/notification-preferences",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Preferences:
    if response.status_code == 200:
        response_200 = Preferences.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Preferences]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreferencesIn,

) -> Response[Error | Preferences]:
    """ Choose which alerts email you

     Replaces your choice. A clinical lead cannot switch crisis alerts off (422 naming `alert_kinds`).
    Alerts you do not take by email are still listed at `GET /alerts`.

    Args:
        body (PreferencesIn): What emails you: the alert kinds, and the weekly digest. Replaces
            your earlier choice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Preferences]
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
    body: PreferencesIn,

) -> Error | Preferences | None:
    """ Choose which alerts email you

     Replaces your choice. A clinical lead cannot switch crisis alerts off (422 naming `alert_kinds`).
    Alerts you do not take by email are still listed at `GET /alerts`.

    Args:
        body (PreferencesIn): What emails you: the alert kinds, and the weekly digest. Replaces
            your earlier choice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Preferences
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PreferencesIn,

) -> Response[Error | Preferences]:
    """ Choose which alerts email you

     Replaces your choice. A clinical lead cannot switch crisis alerts off (422 naming `alert_kinds`).
    Alerts you do not take by email are still listed at `GET /alerts`.

    Args:
        body (PreferencesIn): What emails you: the alert kinds, and the weekly digest. Replaces
            your earlier choice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Preferences]
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
    body: PreferencesIn,

) -> Error | Preferences | None:
    """ Choose which alerts email you

     Replaces your choice. A clinical lead cannot switch crisis alerts off (422 naming `alert_kinds`).
    Alerts you do not take by email are still listed at `GET /alerts`.

    Args:
        body (PreferencesIn): What emails you: the alert kinds, and the weekly digest. Replaces
            your earlier choice.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Preferences
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
