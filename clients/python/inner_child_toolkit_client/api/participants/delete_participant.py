from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from typing import cast



def _get_kwargs(
    participant_id: str,
    *,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/participants/{participant_id}".format(participant_id=quote(str(participant_id), safe=""),),
    }


    _kwargs["headers"] = headers
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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,

) -> Response[Any | Error]:
    """ Delete a participant with no clinical history

     A participant with screenings or group memberships is never deleted (409): archive them
    with PATCH `{"archived": true}` instead, so no clinical history is lost.

    Args:
        participant_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,

) -> Any | Error | None:
    """ Delete a participant with no clinical history

     A participant with screenings or group memberships is never deleted (409): archive them
    with PATCH `{"archived": true}` instead, so no clinical history is lost.

    Args:
        participant_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return sync_detailed(
        participant_id=participant_id,
client=client,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,

) -> Response[Any | Error]:
    """ Delete a participant with no clinical history

     A participant with screenings or group memberships is never deleted (409): archive them
    with PATCH `{"archived": true}` instead, so no clinical history is lost.

    Args:
        participant_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_match: str,

) -> Any | Error | None:
    """ Delete a participant with no clinical history

     A participant with screenings or group memberships is never deleted (409): archive them
    with PATCH `{"archived": true}` instead, so no clinical history is lost.

    Args:
        participant_id (str):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
     """


    return (await asyncio_detailed(
        participant_id=participant_id,
client=client,
if_match=if_match,

    )).parsed
