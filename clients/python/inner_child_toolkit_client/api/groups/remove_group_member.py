from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    group_id: str,
    participant_id: str,
    *,
    left_on: datetime.date | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_left_on: str | Unset = UNSET
    if not isinstance(left_on, Unset):
        json_left_on = left_on.isoformat()
    params["left_on"] = json_left_on


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/groups/{group_id}/members/{participant_id}".format(group_id=quote(str(group_id), safe=""),participant_id=quote(str(participant_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

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
    group_id: str,
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    left_on: datetime.date | Unset = UNSET,

) -> Response[Any | Error]:
    """ End a participant's membership

     Ends the current membership period on `left_on` (default today): the period stays in the history,
    so earlier rosters, attendance and notes still show the person. Not a current member: 404.

    Args:
        group_id (str):
        participant_id (str):
        left_on (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
participant_id=participant_id,
left_on=left_on,

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
    left_on: datetime.date | Unset = UNSET,

) -> Any | Error | None:
    """ End a participant's membership

     Ends the current membership period on `left_on` (default today): the period stays in the history,
    so earlier rosters, attendance and notes still show the person. Not a current member: 404.

    Args:
        group_id (str):
        participant_id (str):
        left_on (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return sync_detailed(
        group_id=group_id,
participant_id=participant_id,
client=client,
left_on=left_on,

    ).parsed

async def asyncio_detailed(
    group_id: str,
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    left_on: datetime.date | Unset = UNSET,

) -> Response[Any | Error]:
    """ End a participant's membership

     Ends the current membership period on `left_on` (default today): the period stays in the history,
    so earlier rosters, attendance and notes still show the person. Not a current member: 404.

    Args:
        group_id (str):
        participant_id (str):
        left_on (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
participant_id=participant_id,
left_on=left_on,

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
    left_on: datetime.date | Unset = UNSET,

) -> Any | Error | None:
    """ End a participant's membership

     Ends the current membership period on `left_on` (default today): the period stays in the history,
    so earlier rosters, attendance and notes still show the person. Not a current member: 404.

    Args:
        group_id (str):
        participant_id (str):
        left_on (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return (await asyncio_detailed(
        group_id=group_id,
participant_id=participant_id,
client=client,
left_on=left_on,

    )).parsed
