from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alert import Alert
from ...models.alert_kind import AlertKind
from ...models.alert_status import AlertStatus
from ...models.error import Error
from ...models.list_alerts_sort import ListAlertsSort
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: AlertStatus | Unset = UNSET,
    kind: AlertKind | Unset = UNSET,
    participant_id: str | Unset = UNSET,
    sort: ListAlertsSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["participant_id"] = participant_id

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["page"] = page

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/alerts",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | list[Alert]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = Alert.from_dict(response_200_item_data)



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | list[Alert]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: AlertStatus | Unset = UNSET,
    kind: AlertKind | Unset = UNSET,
    participant_id: str | Unset = UNSET,
    sort: ListAlertsSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[Alert]]:
    """ List alerts, newest first

     The practice's alerts, newest first (or in the `sort` order), filtered by `status`, `kind` and
    `participant_id`. A crisis alert is here as soon as the request that saved its screening has
    answered.
    Audited.

    Args:
        status (AlertStatus | Unset): Where an alert stands: open, acknowledged (seen), resolved
            (closed, with who, when and why).
        kind (AlertKind | Unset): What raised an alert: a crisis or a reliable deterioration on a
            screening, a follow-up date passed, a screening due, a self-report received, a note left
            unsigned, or a webhook switched off after repeated failure.
        participant_id (str | Unset):
        sort (ListAlertsSort | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[Alert]]
     """


    kwargs = _get_kwargs(
        status=status,
kind=kind,
participant_id=participant_id,
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
    status: AlertStatus | Unset = UNSET,
    kind: AlertKind | Unset = UNSET,
    participant_id: str | Unset = UNSET,
    sort: ListAlertsSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[Alert] | None:
    """ List alerts, newest first

     The practice's alerts, newest first (or in the `sort` order), filtered by `status`, `kind` and
    `participant_id`. A crisis alert is here as soon as the request that saved its screening has
    answered.
    Audited.

    Args:
        status (AlertStatus | Unset): Where an alert stands: open, acknowledged (seen), resolved
            (closed, with who, when and why).
        kind (AlertKind | Unset): What raised an alert: a crisis or a reliable deterioration on a
            screening, a follow-up date passed, a screening due, a self-report received, a note left
            unsigned, or a webhook switched off after repeated failure.
        participant_id (str | Unset):
        sort (ListAlertsSort | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[Alert]
     """


    return sync_detailed(
        client=client,
status=status,
kind=kind,
participant_id=participant_id,
sort=sort,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: AlertStatus | Unset = UNSET,
    kind: AlertKind | Unset = UNSET,
    participant_id: str | Unset = UNSET,
    sort: ListAlertsSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[Alert]]:
    """ List alerts, newest first

     The practice's alerts, newest first (or in the `sort` order), filtered by `status`, `kind` and
    `participant_id`. A crisis alert is here as soon as the request that saved its screening has
    answered.
    Audited.

    Args:
        status (AlertStatus | Unset): Where an alert stands: open, acknowledged (seen), resolved
            (closed, with who, when and why).
        kind (AlertKind | Unset): What raised an alert: a crisis or a reliable deterioration on a
            screening, a follow-up date passed, a screening due, a self-report received, a note left
            unsigned, or a webhook switched off after repeated failure.
        participant_id (str | Unset):
        sort (ListAlertsSort | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[Alert]]
     """


    kwargs = _get_kwargs(
        status=status,
kind=kind,
participant_id=participant_id,
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
    status: AlertStatus | Unset = UNSET,
    kind: AlertKind | Unset = UNSET,
    participant_id: str | Unset = UNSET,
    sort: ListAlertsSort | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[Alert] | None:
    """ List alerts, newest first

     The practice's alerts, newest first (or in the `sort` order), filtered by `status`, `kind` and
    `participant_id`. A crisis alert is here as soon as the request that saved its screening has
    answered.
    Audited.

    Args:
        status (AlertStatus | Unset): Where an alert stands: open, acknowledged (seen), resolved
            (closed, with who, when and why).
        kind (AlertKind | Unset): What raised an alert: a crisis or a reliable deterioration on a
            screening, a follow-up date passed, a screening due, a self-report received, a note left
            unsigned, or a webhook switched off after repeated failure.
        participant_id (str | Unset):
        sort (ListAlertsSort | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[Alert]
     """


    return (await asyncio_detailed(
        client=client,
status=status,
kind=kind,
participant_id=participant_id,
sort=sort,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )).parsed
