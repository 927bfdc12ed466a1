from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.calendar_token import CalendarToken
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    group_id: str,
    participant_id: str,
    *,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/groups/{group_id}/members/{participant_id}/calendar-feed".format(group_id=quote(str(group_id), safe=""),participant_id=quote(str(participant_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CalendarToken | Error:
    if response.status_code == 201:
        response_201 = CalendarToken.from_dict(response.json())



        return response_201

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CalendarToken | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group_id: str,
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[CalendarToken | Error]:
    """ Make (or rotate) one member's own calendar feed

     A member's own feed of the group's sessions (the token is shown once). It answers only while they
    are a member: when they leave, it is revoked at once. 404 when they are not a current member.

    Args:
        group_id (str):
        participant_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarToken | Error]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
participant_id=participant_id,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    group_id: str,
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> CalendarToken | Error | None:
    """ Make (or rotate) one member's own calendar feed

     A member's own feed of the group's sessions (the token is shown once). It answers only while they
    are a member: when they leave, it is revoked at once. 404 when they are not a current member.

    Args:
        group_id (str):
        participant_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarToken | Error
     """


    return sync_detailed(
        group_id=group_id,
participant_id=participant_id,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    group_id: str,
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> Response[CalendarToken | Error]:
    """ Make (or rotate) one member's own calendar feed

     A member's own feed of the group's sessions (the token is shown once). It answers only while they
    are a member: when they leave, it is revoked at once. 404 when they are not a current member.

    Args:
        group_id (str):
        participant_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CalendarToken | Error]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
participant_id=participant_id,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    group_id: str,
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    idempotency_key: str | Unset = UNSET,

) -> CalendarToken | Error | None:
    """ Make (or rotate) one member's own calendar feed

     A member's own feed of the group's sessions (the token is shown once). It answers only while they
    are a member: when they leave, it is revoked at once. 404 when they are not a current member.

    Args:
        group_id (str):
        participant_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CalendarToken | Error
     """


    return (await asyncio_detailed(
        group_id=group_id,
participant_id=participant_id,
client=client,
idempotency_key=idempotency_key,

    )).parsed
