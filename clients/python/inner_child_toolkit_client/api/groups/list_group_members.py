from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.member import Member
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    group_id: str,
    *,
    on: datetime.date | Unset = UNSET,
    history: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_on: str | Unset = UNSET
    if not isinstance(on, Unset):
        json_on = on.isoformat()
    params["on"] = json_on

    params["history"] = history

    params["page"] = page

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/groups/{group_id}/members".format(group_id=quote(str(group_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | list[Member]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = Member.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | list[Member]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    on: datetime.date | Unset = UNSET,
    history: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[Member]]:
    """ List a group's members

     Current members by default; `?on=DATE` is the roster on that date (someone who joined later or had
    left by then is not on it); `?history=true` lists every membership period. Paginated like every
    list.

    Args:
        group_id (str):
        on (datetime.date | Unset):
        history (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[Member]]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
on=on,
history=history,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    on: datetime.date | Unset = UNSET,
    history: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[Member] | None:
    """ List a group's members

     Current members by default; `?on=DATE` is the roster on that date (someone who joined later or had
    left by then is not on it); `?history=true` lists every membership period. Paginated like every
    list.

    Args:
        group_id (str):
        on (datetime.date | Unset):
        history (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[Member]
     """


    return sync_detailed(
        group_id=group_id,
client=client,
on=on,
history=history,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    on: datetime.date | Unset = UNSET,
    history: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[Member]]:
    """ List a group's members

     Current members by default; `?on=DATE` is the roster on that date (someone who joined later or had
    left by then is not on it); `?history=true` lists every membership period. Paginated like every
    list.

    Args:
        group_id (str):
        on (datetime.date | Unset):
        history (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[Member]]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
on=on,
history=history,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    on: datetime.date | Unset = UNSET,
    history: bool | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[Member] | None:
    """ List a group's members

     Current members by default; `?on=DATE` is the roster on that date (someone who joined later or had
    left by then is not on it); `?history=true` lists every membership period. Paginated like every
    list.

    Args:
        group_id (str):
        on (datetime.date | Unset):
        history (bool | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[Member]
     """


    return (await asyncio_detailed(
        group_id=group_id,
client=client,
on=on,
history=history,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )).parsed
