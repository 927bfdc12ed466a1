from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.review import Review
from ...models.review_create import ReviewCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    participant_id: str,
    *,
    body: ReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/participants/{participant_id}/progress-reviews".format(participant_id=quote(str(participant_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Review:
    if response.status_code == 201:
        response_201 = Review.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Review]:
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
    body: ReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Review]:
    """ Record a progress review

     A clinical lead (403 otherwise) records why deep work may go on after a reliable deterioration.
    It counts until the next screening: a newer screening that still shows the deterioration excludes
    deep items again. Audited, refusals too.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (ReviewCreate): A progress review: why the member may do deep modules again despite a
            reliable deterioration.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Review]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Review | None:
    """ Record a progress review

     A clinical lead (403 otherwise) records why deep work may go on after a reliable deterioration.
    It counts until the next screening: a newer screening that still shows the deterioration excludes
    deep items again. Audited, refusals too.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (ReviewCreate): A progress review: why the member may do deep modules again despite a
            reliable deterioration.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Review
     """


    return sync_detailed(
        participant_id=participant_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Review]:
    """ Record a progress review

     A clinical lead (403 otherwise) records why deep work may go on after a reliable deterioration.
    It counts until the next screening: a newer screening that still shows the deterioration excludes
    deep items again. Audited, refusals too.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (ReviewCreate): A progress review: why the member may do deep modules again despite a
            reliable deterioration.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Review]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReviewCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Review | None:
    """ Record a progress review

     A clinical lead (403 otherwise) records why deep work may go on after a reliable deterioration.
    It counts until the next screening: a newer screening that still shows the deterioration excludes
    deep items again. Audited, refusals too.

    Args:
        participant_id (str):
        idempotency_key (str | Unset):
        body (ReviewCreate): A progress review: why the member may do deep modules again despite a
            reliable deterioration.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Review
     """


    return (await asyncio_detailed(
        participant_id=participant_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
