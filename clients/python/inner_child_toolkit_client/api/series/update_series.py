from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.series import Series
from ...models.series_update import SeriesUpdate
from typing import cast



def _get_kwargs(
    series_id: str,
    *,
    body: SeriesUpdate,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/series/{series_id}".format(series_id=quote(str(series_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Series:
    if response.status_code == 200:
        response_200 = Series.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Series]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    series_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesUpdate,
    if_match: str,

) -> Response[Error | Series]:
    """ Rename a series

     Sessions keep their own titles (edit them one by one as plans).

    Args:
        series_id (str):
        if_match (str):
        body (SeriesUpdate): Changes to a series (its title); sessions are edited one by one as
            plans.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Series]
     """


    kwargs = _get_kwargs(
        series_id=series_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    series_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesUpdate,
    if_match: str,

) -> Error | Series | None:
    """ Rename a series

     Sessions keep their own titles (edit them one by one as plans).

    Args:
        series_id (str):
        if_match (str):
        body (SeriesUpdate): Changes to a series (its title); sessions are edited one by one as
            plans.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Series
     """


    return sync_detailed(
        series_id=series_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    series_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesUpdate,
    if_match: str,

) -> Response[Error | Series]:
    """ Rename a series

     Sessions keep their own titles (edit them one by one as plans).

    Args:
        series_id (str):
        if_match (str):
        body (SeriesUpdate): Changes to a series (its title); sessions are edited one by one as
            plans.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Series]
     """


    kwargs = _get_kwargs(
        series_id=series_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    series_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SeriesUpdate,
    if_match: str,

) -> Error | Series | None:
    """ Rename a series

     Sessions keep their own titles (edit them one by one as plans).

    Args:
        series_id (str):
        if_match (str):
        body (SeriesUpdate): Changes to a series (its title); sessions are edited one by one as
            plans.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Series
     """


    return (await asyncio_detailed(
        series_id=series_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
