from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.list_plans_sort import ListPlansSort
from ...models.plan import Plan
from ...models.plan_status import PlanStatus
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    group_id: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    starts_from: datetime.datetime | Unset = UNSET,
    starts_before: datetime.datetime | Unset = UNSET,
    status: PlanStatus | Unset = UNSET,
    sort: ListPlansSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    params["group_id"] = group_id

    params["template"] = template

    json_starts_from: str | Unset = UNSET
    if not isinstance(starts_from, Unset):
        json_starts_from = starts_from.isoformat()
    params["starts_from"] = json_starts_from

    json_starts_before: str | Unset = UNSET
    if not isinstance(starts_before, Unset):
        json_starts_before = starts_before.isoformat()
    params["starts_before"] = json_starts_before

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["page"] = page

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | list[Plan]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = Plan.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | list[Plan]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    group_id: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    starts_from: datetime.datetime | Unset = UNSET,
    starts_before: datetime.datetime | Unset = UNSET,
    status: PlanStatus | Unset = UNSET,
    sort: ListPlansSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[Plan]]:
    """ List plans

     By start time by default: a retreat's plans in order.

    Args:
        group_id (str | Unset):
        template (bool | Unset):
        starts_from (datetime.datetime | Unset):
        starts_before (datetime.datetime | Unset):
        status (PlanStatus | Unset): Whether a plan is still being drafted.
        sort (ListPlansSort | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[Plan]]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
template=template,
starts_from=starts_from,
starts_before=starts_before,
status=status,
sort=sort,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    group_id: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    starts_from: datetime.datetime | Unset = UNSET,
    starts_before: datetime.datetime | Unset = UNSET,
    status: PlanStatus | Unset = UNSET,
    sort: ListPlansSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[Plan] | None:
    """ List plans

     By start time by default: a retreat's plans in order.

    Args:
        group_id (str | Unset):
        template (bool | Unset):
        starts_from (datetime.datetime | Unset):
        starts_before (datetime.datetime | Unset):
        status (PlanStatus | Unset): Whether a plan is still being drafted.
        sort (ListPlansSort | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[Plan]
     """


    return sync_detailed(
        client=client,
group_id=group_id,
template=template,
starts_from=starts_from,
starts_before=starts_before,
status=status,
sort=sort,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    group_id: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    starts_from: datetime.datetime | Unset = UNSET,
    starts_before: datetime.datetime | Unset = UNSET,
    status: PlanStatus | Unset = UNSET,
    sort: ListPlansSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[Plan]]:
    """ List plans

     By start time by default: a retreat's plans in order.

    Args:
        group_id (str | Unset):
        template (bool | Unset):
        starts_from (datetime.datetime | Unset):
        starts_before (datetime.datetime | Unset):
        status (PlanStatus | Unset): Whether a plan is still being drafted.
        sort (ListPlansSort | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[Plan]]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
template=template,
starts_from=starts_from,
starts_before=starts_before,
status=status,
sort=sort,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    group_id: str | Unset = UNSET,
    template: bool | Unset = UNSET,
    starts_from: datetime.datetime | Unset = UNSET,
    starts_before: datetime.datetime | Unset = UNSET,
    status: PlanStatus | Unset = UNSET,
    sort: ListPlansSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[Plan] | None:
    """ List plans

     By start time by default: a retreat's plans in order.

    Args:
        group_id (str | Unset):
        template (bool | Unset):
        starts_from (datetime.datetime | Unset):
        starts_before (datetime.datetime | Unset):
        status (PlanStatus | Unset): Whether a plan is still being drafted.
        sort (ListPlansSort | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[Plan]
     """


    return (await asyncio_detailed(
        client=client,
group_id=group_id,
template=template,
starts_from=starts_from,
starts_before=starts_before,
status=status,
sort=sort,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )).parsed
