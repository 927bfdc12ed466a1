from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.note import Note
from ...models.note_create import NoteCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    plan_id: str,
    *,
    body: NoteCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/plans/{plan_id}/notes".format(plan_id=quote(str(plan_id), safe=""),),
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
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: NoteCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Note]:
    """ Write a session's note

     One note per session, as a draft. Entries only for members on the session's roster (422 naming
    the entry otherwise); a second note for the session is a 409.

    Args:
        plan_id (str):
        idempotency_key (str | Unset):
        body (NoteCreate): A new session note (draft): a shared part and one entry per member on
            the roster.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Note]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: NoteCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Note | None:
    """ Write a session's note

     One note per session, as a draft. Entries only for members on the session's roster (422 naming
    the entry otherwise); a second note for the session is a 409.

    Args:
        plan_id (str):
        idempotency_key (str | Unset):
        body (NoteCreate): A new session note (draft): a shared part and one entry per member on
            the roster.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Note
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: NoteCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Note]:
    """ Write a session's note

     One note per session, as a draft. Entries only for members on the session's roster (422 naming
    the entry otherwise); a second note for the session is a 409.

    Args:
        plan_id (str):
        idempotency_key (str | Unset):
        body (NoteCreate): A new session note (draft): a shared part and one entry per member on
            the roster.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Note]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: NoteCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Note | None:
    """ Write a session's note

     One note per session, as a draft. Entries only for members on the session's roster (422 naming
    the entry otherwise); a second note for the session is a 409.

    Args:
        plan_id (str):
        idempotency_key (str | Unset):
        body (NoteCreate): A new session note (draft): a shared part and one entry per member on
            the roster.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Note
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
