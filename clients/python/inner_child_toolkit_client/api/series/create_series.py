from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.series import Series
from ...models.series_create import SeriesCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: SeriesCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/series",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Series:
    if response.status_code == 201:
        response_201 = Series.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Series]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Series]:
    """ Create a series of sessions

     Creates `count` held sessions from the template, every `every_weeks` weeks at the first session's
    wall-clock time in the group's zone (across daylight-saving changes). A `skip_dates` date must be
    one
    of the series' dates; it gets no session and the series runs one slot longer. Each session is an
    ordinary plan with `series_id` and `session_number`, editable on its own.

    Args:
        idempotency_key (str | Unset):
        body (SeriesCreate): A new series: `count` held sessions cloned from a template, every
            `every_weeks` weeks in the group's time
            zone; a skipped date does not count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Series]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Series | None:
    """ Create a series of sessions

     Creates `count` held sessions from the template, every `every_weeks` weeks at the first session's
    wall-clock time in the group's zone (across daylight-saving changes). A `skip_dates` date must be
    one
    of the series' dates; it gets no session and the series runs one slot longer. Each session is an
    ordinary plan with `series_id` and `session_number`, editable on its own.

    Args:
        idempotency_key (str | Unset):
        body (SeriesCreate): A new series: `count` held sessions cloned from a template, every
            `every_weeks` weeks in the group's time
            zone; a skipped date does not count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Series
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Series]:
    """ Create a series of sessions

     Creates `count` held sessions from the template, every `every_weeks` weeks at the first session's
    wall-clock time in the group's zone (across daylight-saving changes). A `skip_dates` date must be
    one
    of the series' dates; it gets no session and the series runs one slot longer. Each session is an
    ordinary plan with `series_id` and `session_number`, editable on its own.

    Args:
        idempotency_key (str | Unset):
        body (SeriesCreate): A new series: `count` held sessions cloned from a template, every
            `every_weeks` weeks in the group's time
            zone; a skipped date does not count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Series]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SeriesCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Series | None:
    """ Create a series of sessions

     Creates `count` held sessions from the template, every `every_weeks` weeks at the first session's
    wall-clock time in the group's zone (across daylight-saving changes). A `skip_dates` date must be
    one
    of the series' dates; it gets no session and the series runs one slot longer. Each session is an
    ordinary plan with `series_id` and `session_number`, editable on its own.

    Args:
        idempotency_key (str | Unset):
        body (SeriesCreate): A new series: `count` held sessions cloned from a template, every
            `every_weeks` weeks in the group's time
            zone; a skipped date does not count.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Series
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
