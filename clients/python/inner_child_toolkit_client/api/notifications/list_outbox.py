from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.outbox_message import OutboxMessage
from ...models.outbox_status import OutboxStatus
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: OutboxStatus | Unset = UNSET,
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

    params["page"] = page

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/outbox",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | list[OutboxMessage]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = OutboxMessage.from_dict(response_200_item_data)



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | list[OutboxMessage]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: OutboxStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[OutboxMessage]]:
    """ The practice's outgoing emails (admin), newest first

     Every email the service wrote for the practice and what became of it. Without `SMTP_URL` messages
    are
    `kept` here (nothing is sent); with it the background worker sends them (`queued` -> `sent`, retried
    with backoff, `failed` after about a day or on a permanent refusal). The body and link of a password
    reset or a participant's invitation are withheld: only their recipient may see the link.

    Args:
        status (OutboxStatus | Unset): Where an email stands: kept in the outbox (no SMTP server
            set), queued, sent, or failed after retries.
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[OutboxMessage]]
     """


    kwargs = _get_kwargs(
        status=status,
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
    status: OutboxStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[OutboxMessage] | None:
    """ The practice's outgoing emails (admin), newest first

     Every email the service wrote for the practice and what became of it. Without `SMTP_URL` messages
    are
    `kept` here (nothing is sent); with it the background worker sends them (`queued` -> `sent`, retried
    with backoff, `failed` after about a day or on a permanent refusal). The body and link of a password
    reset or a participant's invitation are withheld: only their recipient may see the link.

    Args:
        status (OutboxStatus | Unset): Where an email stands: kept in the outbox (no SMTP server
            set), queued, sent, or failed after retries.
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[OutboxMessage]
     """


    return sync_detailed(
        client=client,
status=status,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    status: OutboxStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[OutboxMessage]]:
    """ The practice's outgoing emails (admin), newest first

     Every email the service wrote for the practice and what became of it. Without `SMTP_URL` messages
    are
    `kept` here (nothing is sent); with it the background worker sends them (`queued` -> `sent`, retried
    with backoff, `failed` after about a day or on a permanent refusal). The body and link of a password
    reset or a participant's invitation are withheld: only their recipient may see the link.

    Args:
        status (OutboxStatus | Unset): Where an email stands: kept in the outbox (no SMTP server
            set), queued, sent, or failed after retries.
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[OutboxMessage]]
     """


    kwargs = _get_kwargs(
        status=status,
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
    status: OutboxStatus | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[OutboxMessage] | None:
    """ The practice's outgoing emails (admin), newest first

     Every email the service wrote for the practice and what became of it. Without `SMTP_URL` messages
    are
    `kept` here (nothing is sent); with it the background worker sends them (`queued` -> `sent`, retried
    with backoff, `failed` after about a day or on a permanent refusal). The body and link of a password
    reset or a participant's invitation are withheld: only their recipient may see the link.

    Args:
        status (OutboxStatus | Unset): Where an email stands: kept in the outbox (no SMTP server
            set), queued, sent, or failed after retries.
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[OutboxMessage]
     """


    return (await asyncio_detailed(
        client=client,
status=status,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )).parsed
