from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.note import Note
from typing import cast



def _get_kwargs(
    note_id: str,
    *,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/notes/{note_id}/sign".format(note_id=quote(str(note_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Note:
    if response.status_code == 200:
        response_200 = Note.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 412:
        response_412 = Error.from_dict(response.json())



        return response_412

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 428:
        response_428 = Error.from_dict(response.json())



        return response_428

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Note]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    note_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,

) -> Response[Error | Note]:
    """ Sign a note (locks it)

     From now on the note's text never changes (edits answer 409); add addenda instead.

    Args:
        note_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Note]
     """


    kwargs = _get_kwargs(
        note_id=note_id,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    note_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,

) -> Error | Note | None:
    """ Sign a note (locks it)

     From now on the note's text never changes (edits answer 409); add addenda instead.

    Args:
        note_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Note
     """


    return sync_detailed(
        note_id=note_id,
client=client,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    note_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,

) -> Response[Error | Note]:
    """ Sign a note (locks it)

     From now on the note's text never changes (edits answer 409); add addenda instead.

    Args:
        note_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Note]
     """


    kwargs = _get_kwargs(
        note_id=note_id,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    note_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,

) -> Error | Note | None:
    """ Sign a note (locks it)

     From now on the note's text never changes (edits answer 409); add addenda instead.

    Args:
        note_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Note
     """


    return (await asyncio_detailed(
        note_id=note_id,
client=client,
if_match=if_match,

    )).parsed
