from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.rhythm import Rhythm
from ...models.rhythm_update import RhythmUpdate
from typing import cast



def _get_kwargs(
    *,
    body: RhythmUpdate,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/practice/rescreen-rhythm",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Rhythm:
    if response.status_code == 200:
        response_200 = Rhythm.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Rhythm]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RhythmUpdate,
    if_match: str,

) -> Response[Error | Rhythm]:
    """ Set the practice's re-screen rhythm (admin)

     Admins only (403), with the rhythm's ETag as `If-Match` (412 when another admin changed it since,
    428 without). Fields left out keep their value; null switches that rhythm off. The object a GET
    returned may be sent back as it is. Audited.

    Args:
        if_match (str):
        body (RhythmUpdate): A change to the practice's re-screen rhythm: the fields sent change,
            null switches that rhythm off.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Rhythm]
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
    body: RhythmUpdate,
    if_match: str,

) -> Error | Rhythm | None:
    """ Set the practice's re-screen rhythm (admin)

     Admins only (403), with the rhythm's ETag as `If-Match` (412 when another admin changed it since,
    428 without). Fields left out keep their value; null switches that rhythm off. The object a GET
    returned may be sent back as it is. Audited.

    Args:
        if_match (str):
        body (RhythmUpdate): A change to the practice's re-screen rhythm: the fields sent change,
            null switches that rhythm off.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Rhythm
     """


    return sync_detailed(
        client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RhythmUpdate,
    if_match: str,

) -> Response[Error | Rhythm]:
    """ Set the practice's re-screen rhythm (admin)

     Admins only (403), with the rhythm's ETag as `If-Match` (412 when another admin changed it since,
    428 without). Fields left out keep their value; null switches that rhythm off. The object a GET
    returned may be sent back as it is. Audited.

    Args:
        if_match (str):
        body (RhythmUpdate): A change to the practice's re-screen rhythm: the fields sent change,
            null switches that rhythm off.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Rhythm]
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
    body: RhythmUpdate,
    if_match: str,

) -> Error | Rhythm | None:
    """ Set the practice's re-screen rhythm (admin)

     Admins only (403), with the rhythm's ETag as `If-Match` (412 when another admin changed it since,
    428 without). Fields left out keep their value; null switches that rhythm off. The object a GET
    returned may be sent back as it is. Audited.

    Args:
        if_match (str):
        body (RhythmUpdate): A change to the practice's re-screen rhythm: the fields sent change,
            null switches that rhythm off.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Rhythm
     """


    return (await asyncio_detailed(
        client=client,
body=body,
if_match=if_match,

    )).parsed
