from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    participant_id: str,
    *,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_instrument: list[str] | Unset = UNSET
    if not isinstance(instrument, Unset):
        json_instrument = instrument


    params["instrument"] = json_instrument

    params["group_id"] = group_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/participants/{participant_id}/progress.svg".format(participant_id=quote(str(participant_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | str:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | str]:
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
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | str]:
    """ A participant's change since baseline, as a chart (SVG)

     The progress drawn for a printed record, the one media type of this operation (exactly what
    `GET .../progress?format=svg` answers): the person and date range, each panel's verdict, baseline ±
    the reliable-change threshold shaded, categorical screens as event markers. 503 when the chart
    cannot
    be drawn just now (the JSON progress is still available). Audited like the JSON.

    Args:
        participant_id (str):
        instrument (list[str] | Unset):
        group_id (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | str]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
instrument=instrument,
group_id=group_id,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | str | None:
    """ A participant's change since baseline, as a chart (SVG)

     The progress drawn for a printed record, the one media type of this operation (exactly what
    `GET .../progress?format=svg` answers): the person and date range, each panel's verdict, baseline ±
    the reliable-change threshold shaded, categorical screens as event markers. 503 when the chart
    cannot
    be drawn just now (the JSON progress is still available). Audited like the JSON.

    Args:
        participant_id (str):
        instrument (list[str] | Unset):
        group_id (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | str
     """


    return sync_detailed(
        participant_id=participant_id,
client=client,
instrument=instrument,
group_id=group_id,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | str]:
    """ A participant's change since baseline, as a chart (SVG)

     The progress drawn for a printed record, the one media type of this operation (exactly what
    `GET .../progress?format=svg` answers): the person and date range, each panel's verdict, baseline ±
    the reliable-change threshold shaded, categorical screens as event markers. 503 when the chart
    cannot
    be drawn just now (the JSON progress is still available). Audited like the JSON.

    Args:
        participant_id (str):
        instrument (list[str] | Unset):
        group_id (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | str]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
instrument=instrument,
group_id=group_id,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | str | None:
    """ A participant's change since baseline, as a chart (SVG)

     The progress drawn for a printed record, the one media type of this operation (exactly what
    `GET .../progress?format=svg` answers): the person and date range, each panel's verdict, baseline ±
    the reliable-change threshold shaded, categorical screens as event markers. 503 when the chart
    cannot
    be drawn just now (the JSON progress is still available). Audited like the JSON.

    Args:
        participant_id (str):
        instrument (list[str] | Unset):
        group_id (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | str
     """


    return (await asyncio_detailed(
        participant_id=participant_id,
client=client,
instrument=instrument,
group_id=group_id,
if_none_match=if_none_match,

    )).parsed
