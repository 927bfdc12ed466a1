from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.practice_settings import PracticeSettings
from ...models.practice_update import PracticeUpdate
from typing import cast



def _get_kwargs(
    *,
    body: PracticeUpdate,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/practice",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | PracticeSettings:
    if response.status_code == 200:
        response_200 = PracticeSettings.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 412:
        response_412 = Error.from_dict(response.json())



        return response_412

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 428:
        response_428 = Error.from_dict(response.json())



        return response_428

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | PracticeSettings]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PracticeUpdate,
    if_match: str,

) -> Response[Error | PracticeSettings]:
    """ Change your practice's settings (admin): name, contact, required two-factor sign-in

     Only an admin, with the settings' ETag as `If-Match` (412 when another admin changed them since,
    428 without). Send only the fields to change; a null or blank `contact` clears it. The contact
    is printed on every participant handout from then on. `require_totp: true` makes every therapist
    sign in with a TOTP code: those without one enrol at their next login (202 `totp_enrolment`).

    Args:
        if_match (str):
        body (PracticeUpdate): The practice's settings an admin may change (send only the fields
            to change).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PracticeSettings]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: PracticeUpdate,
    if_match: str,

) -> Error | PracticeSettings | None:
    """ Change your practice's settings (admin): name, contact, required two-factor sign-in

     Only an admin, with the settings' ETag as `If-Match` (412 when another admin changed them since,
    428 without). Send only the fields to change; a null or blank `contact` clears it. The contact
    is printed on every participant handout from then on. `require_totp: true` makes every therapist
    sign in with a TOTP code: those without one enrol at their next login (202 `totp_enrolment`).

    Args:
        if_match (str):
        body (PracticeUpdate): The practice's settings an admin may change (send only the fields
            to change).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PracticeSettings
     """


    return sync_detailed(
        client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PracticeUpdate,
    if_match: str,

) -> Response[Error | PracticeSettings]:
    """ Change your practice's settings (admin): name, contact, required two-factor sign-in

     Only an admin, with the settings' ETag as `If-Match` (412 when another admin changed them since,
    428 without). Send only the fields to change; a null or blank `contact` clears it. The contact
    is printed on every participant handout from then on. `require_totp: true` makes every therapist
    sign in with a TOTP code: those without one enrol at their next login (202 `totp_enrolment`).

    Args:
        if_match (str):
        body (PracticeUpdate): The practice's settings an admin may change (send only the fields
            to change).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | PracticeSettings]
     """


    kwargs = _get_kwargs(
        body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: PracticeUpdate,
    if_match: str,

) -> Error | PracticeSettings | None:
    """ Change your practice's settings (admin): name, contact, required two-factor sign-in

     Only an admin, with the settings' ETag as `If-Match` (412 when another admin changed them since,
    428 without). Send only the fields to change; a null or blank `contact` clears it. The contact
    is printed on every participant handout from then on. `require_totp: true` makes every therapist
    sign in with a TOTP code: those without one enrol at their next login (202 `totp_enrolment`).

    Args:
        if_match (str):
        body (PracticeUpdate): The practice's settings an admin may change (send only the fields
            to change).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | PracticeSettings
     """


    return (await asyncio_detailed(
        client=client,
body=body,
if_match=if_match,

    )).parsed
