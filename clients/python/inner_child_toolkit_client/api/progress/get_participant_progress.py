from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.json_format import JsonFormat
from ...models.progress import Progress
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    participant_id: str,
    *,
    format_: JsonFormat | Unset = UNSET,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_instrument: list[str] | Unset = UNSET
    if not isinstance(instrument, Unset):
        json_instrument = instrument


    params["instrument"] = json_instrument

    params["group_id"] = group_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/participants/{participant_id}/progress".format(participant_id=quote(str(participant_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | Progress:
    if response.status_code == 200:
        response_200 = Progress.from_dict(response.json())



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

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | Progress]:
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
    format_: JsonFormat | Unset = UNSET,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | Progress]:
    """ A participant's change since baseline

     Per scored instrument: the series (date, score, band), the baseline, the latest score, the change,
    `reliable_change` (improved / deteriorated / none; null without a published threshold) and
    `below_caseness`; `paired`: NHS Talking Therapies' recovery, reliable improvement, reliable recovery
    and reliable deterioration over PHQ-9 and GAD-7. The baseline is the person's one baseline across
    all
    their groups: the latest screening before their earliest membership began (else the first after it;
    no membership: the first ever), moved only by a clinical lead's progress review.

    This operation describes the JSON representation only. For links and pages the same path also
    answers
    `?format=svg` with the chart, exactly as `getParticipantProgressSvg` (GET .../progress.svg, one
    media
    type) does; generated clients call that instead.

    Args:
        participant_id (str):
        format_ (JsonFormat | Unset): `json`: the representation this operation describes (the
            default). Its path also negotiates other representations for browsers and links; each of
            those has its own operation with one media type, named in the operation's description.
        instrument (list[str] | Unset):
        group_id (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Progress]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
format_=format_,
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
    format_: JsonFormat | Unset = UNSET,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | Progress | None:
    """ A participant's change since baseline

     Per scored instrument: the series (date, score, band), the baseline, the latest score, the change,
    `reliable_change` (improved / deteriorated / none; null without a published threshold) and
    `below_caseness`; `paired`: NHS Talking Therapies' recovery, reliable improvement, reliable recovery
    and reliable deterioration over PHQ-9 and GAD-7. The baseline is the person's one baseline across
    all
    their groups: the latest screening before their earliest membership began (else the first after it;
    no membership: the first ever), moved only by a clinical lead's progress review.

    This operation describes the JSON representation only. For links and pages the same path also
    answers
    `?format=svg` with the chart, exactly as `getParticipantProgressSvg` (GET .../progress.svg, one
    media
    type) does; generated clients call that instead.

    Args:
        participant_id (str):
        format_ (JsonFormat | Unset): `json`: the representation this operation describes (the
            default). Its path also negotiates other representations for browsers and links; each of
            those has its own operation with one media type, named in the operation's description.
        instrument (list[str] | Unset):
        group_id (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Progress
     """


    return sync_detailed(
        participant_id=participant_id,
client=client,
format_=format_,
instrument=instrument,
group_id=group_id,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    participant_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: JsonFormat | Unset = UNSET,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | Progress]:
    """ A participant's change since baseline

     Per scored instrument: the series (date, score, band), the baseline, the latest score, the change,
    `reliable_change` (improved / deteriorated / none; null without a published threshold) and
    `below_caseness`; `paired`: NHS Talking Therapies' recovery, reliable improvement, reliable recovery
    and reliable deterioration over PHQ-9 and GAD-7. The baseline is the person's one baseline across
    all
    their groups: the latest screening before their earliest membership began (else the first after it;
    no membership: the first ever), moved only by a clinical lead's progress review.

    This operation describes the JSON representation only. For links and pages the same path also
    answers
    `?format=svg` with the chart, exactly as `getParticipantProgressSvg` (GET .../progress.svg, one
    media
    type) does; generated clients call that instead.

    Args:
        participant_id (str):
        format_ (JsonFormat | Unset): `json`: the representation this operation describes (the
            default). Its path also negotiates other representations for browsers and links; each of
            those has its own operation with one media type, named in the operation's description.
        instrument (list[str] | Unset):
        group_id (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | Progress]
     """


    kwargs = _get_kwargs(
        participant_id=participant_id,
format_=format_,
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
    format_: JsonFormat | Unset = UNSET,
    instrument: list[str] | Unset = UNSET,
    group_id: str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | Progress | None:
    """ A participant's change since baseline

     Per scored instrument: the series (date, score, band), the baseline, the latest score, the change,
    `reliable_change` (improved / deteriorated / none; null without a published threshold) and
    `below_caseness`; `paired`: NHS Talking Therapies' recovery, reliable improvement, reliable recovery
    and reliable deterioration over PHQ-9 and GAD-7. The baseline is the person's one baseline across
    all
    their groups: the latest screening before their earliest membership began (else the first after it;
    no membership: the first ever), moved only by a clinical lead's progress review.

    This operation describes the JSON representation only. For links and pages the same path also
    answers
    `?format=svg` with the chart, exactly as `getParticipantProgressSvg` (GET .../progress.svg, one
    media
    type) does; generated clients call that instead.

    Args:
        participant_id (str):
        format_ (JsonFormat | Unset): `json`: the representation this operation describes (the
            default). Its path also negotiates other representations for browsers and links; each of
            those has its own operation with one media type, named in the operation's description.
        instrument (list[str] | Unset):
        group_id (str | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | Progress
     """


    return (await asyncio_detailed(
        participant_id=participant_id,
client=client,
format_=format_,
instrument=instrument,
group_id=group_id,
if_none_match=if_none_match,

    )).parsed
