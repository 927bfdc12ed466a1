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
    group_id: str,
    participant_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/groups/{group_id}/members/{participant_id}/calendar-feed".format(group_id=quote(str(group_id), safe=""),participant_id=quote(str(participant_id), safe=""),),
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

) -> Response[Any | Error]:
    """ Revoke one member's own calendar feed

     The member's feed URL stops working at once (404). 404 when they have none.

    Args:
        group_id (str):
        participant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
participant_id=participant_id,

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

) -> Any | Error | None:
    """ Revoke one member's own calendar feed

     The member's feed URL stops working at once (404). 404 when they have none.

    Args:
        group_id (str):
        participant_id (str):

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

    ).parsed

async def asyncio_detailed(
    group_id: str,
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Any | Error]:
    """ Revoke one member's own calendar feed

     The member's feed URL stops working at once (404). 404 when they have none.

    Args:
        group_id (str):
        participant_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
participant_id=participant_id,

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

) -> Any | Error | None:
    """ Revoke one member's own calendar feed

     The member's feed URL stops working at once (404). 404 when they have none.

    Args:
        group_id (str):
        participant_id (str):

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

    )).parsed
