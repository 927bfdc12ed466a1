from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.override_create import OverrideCreate
from ...models.screening import Screening
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    screening_id: str,
    *,
    body: OverrideCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/screenings/{screening_id}/override".format(screening_id=quote(str(screening_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Screening:
    if response.status_code == 201:
        response_201 = Screening.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Screening]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    screening_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: OverrideCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Screening]:
    """ Override a screening's outcome (reason required)

     Any therapist may make the outcome more restrictive. Making it less restrictive needs a clinical
    lead (403 otherwise) and a reason of at least 20 characters (422). A screening whose computed flags
    include `acute_crisis` cannot go below `refer` (409: record a crisis review and screen again). The
    override changes the outcome, never the flags: their module adaptations still apply. The computed
    outcome stays on the record beside the override. Audited, refusals too.

    Args:
        screening_id (str):
        idempotency_key (str | Unset):
        body (OverrideCreate): An override of a screening's outcome; the reason is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Screening]
     """


    kwargs = _get_kwargs(
        screening_id=screening_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    screening_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: OverrideCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Screening | None:
    """ Override a screening's outcome (reason required)

     Any therapist may make the outcome more restrictive. Making it less restrictive needs a clinical
    lead (403 otherwise) and a reason of at least 20 characters (422). A screening whose computed flags
    include `acute_crisis` cannot go below `refer` (409: record a crisis review and screen again). The
    override changes the outcome, never the flags: their module adaptations still apply. The computed
    outcome stays on the record beside the override. Audited, refusals too.

    Args:
        screening_id (str):
        idempotency_key (str | Unset):
        body (OverrideCreate): An override of a screening's outcome; the reason is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Screening
     """


    return sync_detailed(
        screening_id=screening_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    screening_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: OverrideCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Screening]:
    """ Override a screening's outcome (reason required)

     Any therapist may make the outcome more restrictive. Making it less restrictive needs a clinical
    lead (403 otherwise) and a reason of at least 20 characters (422). A screening whose computed flags
    include `acute_crisis` cannot go below `refer` (409: record a crisis review and screen again). The
    override changes the outcome, never the flags: their module adaptations still apply. The computed
    outcome stays on the record beside the override. Audited, refusals too.

    Args:
        screening_id (str):
        idempotency_key (str | Unset):
        body (OverrideCreate): An override of a screening's outcome; the reason is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Screening]
     """


    kwargs = _get_kwargs(
        screening_id=screening_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    screening_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: OverrideCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Screening | None:
    """ Override a screening's outcome (reason required)

     Any therapist may make the outcome more restrictive. Making it less restrictive needs a clinical
    lead (403 otherwise) and a reason of at least 20 characters (422). A screening whose computed flags
    include `acute_crisis` cannot go below `refer` (409: record a crisis review and screen again). The
    override changes the outcome, never the flags: their module adaptations still apply. The computed
    outcome stays on the record beside the override. Audited, refusals too.

    Args:
        screening_id (str):
        idempotency_key (str | Unset):
        body (OverrideCreate): An override of a screening's outcome; the reason is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Screening
     """


    return (await asyncio_detailed(
        screening_id=screening_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
