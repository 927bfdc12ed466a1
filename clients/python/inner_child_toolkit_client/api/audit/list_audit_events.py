from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_event import AuditEvent
from ...models.error import Error
from ...models.list_audit_events_sort import ListAuditEventsSort
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    before_seq: int | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    params["record_type"] = record_type

    params["record_id"] = record_id

    params["actor_id"] = actor_id

    params["action"] = action

    json_since: str | Unset = UNSET
    if not isinstance(since, Unset):
        json_since = since.isoformat()
    params["since"] = json_since

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["after_seq"] = after_seq

    params["before_seq"] = before_seq

    params["page"] = page

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/audit-events",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | list[AuditEvent]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = AuditEvent.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | list[AuditEvent]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    before_seq: int | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[AuditEvent]]:
    """ List audit events (admin), newest first

     Newest first (`sort=seq`: oldest first), filtered by record, actor, action or time. `after_seq` and
    `before_seq` are cursors: read a long trail page by page without offsets. Only admins. Reading the
    trail is itself an event of it (`list` of `audit_event`).

    Args:
        record_type (str | Unset):
        record_id (str | Unset):
        actor_id (str | Unset):
        action (str | Unset):
        since (datetime.datetime | Unset):
        sort (ListAuditEventsSort | Unset):
        after_seq (int | Unset):
        before_seq (int | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[AuditEvent]]
     """


    kwargs = _get_kwargs(
        record_type=record_type,
record_id=record_id,
actor_id=actor_id,
action=action,
since=since,
sort=sort,
after_seq=after_seq,
before_seq=before_seq,
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
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    before_seq: int | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[AuditEvent] | None:
    """ List audit events (admin), newest first

     Newest first (`sort=seq`: oldest first), filtered by record, actor, action or time. `after_seq` and
    `before_seq` are cursors: read a long trail page by page without offsets. Only admins. Reading the
    trail is itself an event of it (`list` of `audit_event`).

    Args:
        record_type (str | Unset):
        record_id (str | Unset):
        actor_id (str | Unset):
        action (str | Unset):
        since (datetime.datetime | Unset):
        sort (ListAuditEventsSort | Unset):
        after_seq (int | Unset):
        before_seq (int | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[AuditEvent]
     """


    return sync_detailed(
        client=client,
record_type=record_type,
record_id=record_id,
actor_id=actor_id,
action=action,
since=since,
sort=sort,
after_seq=after_seq,
before_seq=before_seq,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    before_seq: int | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[AuditEvent]]:
    """ List audit events (admin), newest first

     Newest first (`sort=seq`: oldest first), filtered by record, actor, action or time. `after_seq` and
    `before_seq` are cursors: read a long trail page by page without offsets. Only admins. Reading the
    trail is itself an event of it (`list` of `audit_event`).

    Args:
        record_type (str | Unset):
        record_id (str | Unset):
        actor_id (str | Unset):
        action (str | Unset):
        since (datetime.datetime | Unset):
        sort (ListAuditEventsSort | Unset):
        after_seq (int | Unset):
        before_seq (int | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[AuditEvent]]
     """


    kwargs = _get_kwargs(
        record_type=record_type,
record_id=record_id,
actor_id=actor_id,
action=action,
since=since,
sort=sort,
after_seq=after_seq,
before_seq=before_seq,
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
    record_type: str | Unset = UNSET,
    record_id: str | Unset = UNSET,
    actor_id: str | Unset = UNSET,
    action: str | Unset = UNSET,
    since: datetime.datetime | Unset = UNSET,
    sort: ListAuditEventsSort | Unset = UNSET,
    after_seq: int | Unset = UNSET,
    before_seq: int | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[AuditEvent] | None:
    """ List audit events (admin), newest first

     Newest first (`sort=seq`: oldest first), filtered by record, actor, action or time. `after_seq` and
    `before_seq` are cursors: read a long trail page by page without offsets. Only admins. Reading the
    trail is itself an event of it (`list` of `audit_event`).

    Args:
        record_type (str | Unset):
        record_id (str | Unset):
        actor_id (str | Unset):
        action (str | Unset):
        since (datetime.datetime | Unset):
        sort (ListAuditEventsSort | Unset):
        after_seq (int | Unset):
        before_seq (int | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[AuditEvent]
     """


    return (await asyncio_detailed(
        client=client,
record_type=record_type,
record_id=record_id,
actor_id=actor_id,
action=action,
since=since,
sort=sort,
after_seq=after_seq,
before_seq=before_seq,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )).parsed
