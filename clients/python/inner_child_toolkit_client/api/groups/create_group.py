from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.group import Group
from ...models.group_create import GroupCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: GroupCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/groups",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Group:
    if response.status_code == 201:
        response_201 = Group.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Group]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GroupCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Group]:
    """ Create a group

     Kind rules: an individual group holds one member, couples two, a family two or more to be
    planned, a retreat up to its `capacity` (required for retreats).

    Args:
        idempotency_key (str | Unset):
        body (GroupCreate): A new group. A retreat needs a `capacity`; `ends_on` may not be before
            `starts_on`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Group]
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
    body: GroupCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Group | None:
    """ Create a group

     Kind rules: an individual group holds one member, couples two, a family two or more to be
    planned, a retreat up to its `capacity` (required for retreats).

    Args:
        idempotency_key (str | Unset):
        body (GroupCreate): A new group. A retreat needs a `capacity`; `ends_on` may not be before
            `starts_on`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Group
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GroupCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Group]:
    """ Create a group

     Kind rules: an individual group holds one member, couples two, a family two or more to be
    planned, a retreat up to its `capacity` (required for retreats).

    Args:
        idempotency_key (str | Unset):
        body (GroupCreate): A new group. A retreat needs a `capacity`; `ends_on` may not be before
            `starts_on`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Group]
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
    body: GroupCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Group | None:
    """ Create a group

     Kind rules: an individual group holds one member, couples two, a family two or more to be
    planned, a retreat up to its `capacity` (required for retreats).

    Args:
        idempotency_key (str | Unset):
        body (GroupCreate): A new group. A retreat needs a `capacity`; `ends_on` may not be before
            `starts_on`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Group
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
