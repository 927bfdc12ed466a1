from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.addendum_in import AddendumIn
from ...models.error import Error
from ...models.note import Note
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    note_id: str,
    *,
    body: AddendumIn,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/notes/{note_id}/addenda".format(note_id=quote(str(note_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Note:
    if response.status_code == 201:
        response_201 = Note.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

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
    body: AddendumIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Note]:
    """ Add an addendum to a signed note

     Kept with its author and time beside the signed text; a draft answers 409 (edit it instead).

    Args:
        note_id (str):
        idempotency_key (str | Unset):
        body (AddendumIn): An addendum to a signed note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Note]
     """


    kwargs = _get_kwargs(
        note_id=note_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    note_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddendumIn,
    idempotency_key: str | Unset = UNSET,

) -> Error | Note | None:
    """ Add an addendum to a signed note

     Kept with its author and time beside the signed text; a draft answers 409 (edit it instead).

    Args:
        note_id (str):
        idempotency_key (str | Unset):
        body (AddendumIn): An addendum to a signed note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Note
     """


    return sync_detailed(
        note_id=note_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    note_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddendumIn,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Note]:
    """ Add an addendum to a signed note

     Kept with its author and time beside the signed text; a draft answers 409 (edit it instead).

    Args:
        note_id (str):
        idempotency_key (str | Unset):
        body (AddendumIn): An addendum to a signed note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Note]
     """


    kwargs = _get_kwargs(
        note_id=note_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    note_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: AddendumIn,
    idempotency_key: str | Unset = UNSET,

) -> Error | Note | None:
    """ Add an addendum to a signed note

     Kept with its author and time beside the signed text; a draft answers 409 (edit it instead).

    Args:
        note_id (str):
        idempotency_key (str | Unset):
        body (AddendumIn): An addendum to a signed note.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Note
     """


    return (await asyncio_detailed(
        note_id=note_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
