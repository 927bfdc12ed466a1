from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.participant import Participant
from ...models.participant_update import ParticipantUpdate
from typing import cast



def _get_kwargs(
    participant_id: str,
    *,
    body: ParticipantUpdate,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/participants/{participant_id}".format(participant_id=quote(str(participant_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Participant:
    if response.status_code == 200:
        response_200 = Participant.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Participant]:
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
    body: ParticipantUpdate,
    if_match: str,

) -> Response[Error | Participant]:
    """ Change a participant

     Send only what changes, or the whole object from a GET: read-only fields equal to the stored values
    are
    ignored. A PATCH that changes nothing keeps the ETag. Audited.

    Args:
        participant_id (str):
        if_match (str):
        body (ParticipantUpdate): Changes to a participant: only the fields sent are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Participant]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
body=body,
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
    body: ParticipantUpdate,
    if_match: str,

) -> Error | Participant | None:
    """ Change a participant

     Send only what changes, or the whole object from a GET: read-only fields equal to the stored values
    are
    ignored. A PATCH that changes nothing keeps the ETag. Audited.

    Args:
        participant_id (str):
        if_match (str):
        body (ParticipantUpdate): Changes to a participant: only the fields sent are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Participant
     """


    return sync_detailed(
        participant_id=participant_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ParticipantUpdate,
    if_match: str,

) -> Response[Error | Participant]:
    """ Change a participant

     Send only what changes, or the whole object from a GET: read-only fields equal to the stored values
    are
    ignored. A PATCH that changes nothing keeps the ETag. Audited.

    Args:
        participant_id (str):
        if_match (str):
        body (ParticipantUpdate): Changes to a participant: only the fields sent are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Participant]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
body=body,
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
    body: ParticipantUpdate,
    if_match: str,

) -> Error | Participant | None:
    """ Change a participant

     Send only what changes, or the whole object from a GET: read-only fields equal to the stored values
    are
    ignored. A PATCH that changes nothing keeps the ETag. Audited.

    Args:
        participant_id (str):
        if_match (str):
        body (ParticipantUpdate): Changes to a participant: only the fields sent are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Participant
     """


    return (await asyncio_detailed(
        participant_id=participant_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
