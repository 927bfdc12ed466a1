from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.json_format import JsonFormat
from ...models.safety_plan import SafetyPlan
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    safety_plan_id: str,
    *,
    format_: JsonFormat | Unset = UNSET,
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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/safety-plans/{safety_plan_id}".format(safety_plan_id=quote(str(safety_plan_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | SafetyPlan:
    if response.status_code == 200:
        response_200 = SafetyPlan.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | SafetyPlan]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    safety_plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: JsonFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | SafetyPlan]:
    """ Get a safety plan

     The plan as JSON: its seven sections, version and status. Audited.

    This operation describes the JSON representation only. For links the same path also answers
    `?format=pdf` with the participant's printed copy, exactly as `getSafetyPlanPdf` (GET
    /safety-plans/{safety_plan_id}.pdf, one media type) does; generated clients call that instead.

    Args:
        safety_plan_id (str):
        format_ (JsonFormat | Unset): `json`: the representation this operation describes (the
            default). Its path also negotiates other representations for browsers and links; each of
            those has its own operation with one media type, named in the operation's description.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | SafetyPlan]
     """


    kwargs = _get_kwargs(
        safety_plan_id=safety_plan_id,
format_=format_,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    safety_plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: JsonFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | SafetyPlan | None:
    """ Get a safety plan

     The plan as JSON: its seven sections, version and status. Audited.

    This operation describes the JSON representation only. For links the same path also answers
    `?format=pdf` with the participant's printed copy, exactly as `getSafetyPlanPdf` (GET
    /safety-plans/{safety_plan_id}.pdf, one media type) does; generated clients call that instead.

    Args:
        safety_plan_id (str):
        format_ (JsonFormat | Unset): `json`: the representation this operation describes (the
            default). Its path also negotiates other representations for browsers and links; each of
            those has its own operation with one media type, named in the operation's description.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | SafetyPlan
     """


    return sync_detailed(
        safety_plan_id=safety_plan_id,
client=client,
format_=format_,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    safety_plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: JsonFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | SafetyPlan]:
    """ Get a safety plan

     The plan as JSON: its seven sections, version and status. Audited.

    This operation describes the JSON representation only. For links the same path also answers
    `?format=pdf` with the participant's printed copy, exactly as `getSafetyPlanPdf` (GET
    /safety-plans/{safety_plan_id}.pdf, one media type) does; generated clients call that instead.

    Args:
        safety_plan_id (str):
        format_ (JsonFormat | Unset): `json`: the representation this operation describes (the
            default). Its path also negotiates other representations for browsers and links; each of
            those has its own operation with one media type, named in the operation's description.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | SafetyPlan]
     """


    kwargs = _get_kwargs(
        safety_plan_id=safety_plan_id,
format_=format_,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    safety_plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: JsonFormat | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | SafetyPlan | None:
    """ Get a safety plan

     The plan as JSON: its seven sections, version and status. Audited.

    This operation describes the JSON representation only. For links the same path also answers
    `?format=pdf` with the participant's printed copy, exactly as `getSafetyPlanPdf` (GET
    /safety-plans/{safety_plan_id}.pdf, one media type) does; generated clients call that instead.

    Args:
        safety_plan_id (str):
        format_ (JsonFormat | Unset): `json`: the representation this operation describes (the
            default). Its path also negotiates other representations for browsers and links; each of
            those has its own operation with one media type, named in the operation's description.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | SafetyPlan
     """


    return (await asyncio_detailed(
        safety_plan_id=safety_plan_id,
client=client,
format_=format_,
if_none_match=if_none_match,

    )).parsed
