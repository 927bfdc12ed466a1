from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.group import Group
from ...models.group_update import GroupUpdate
from typing import cast



def _get_kwargs(
    group_id: str,
    *,
    body: GroupUpdate,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/groups/{group_id}".format(group_id=quote(str(group_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Group:
    if response.status_code == 200:
        response_200 = Group.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Group]:
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
    body: GroupUpdate,
    if_match: str,

) -> Response[Error | Group]:
    """ Change a group

     Send only what changes, or the whole object from a GET (read-only fields equal to the stored values
    are
    ignored). The kind rules are checked again: a retreat needs a capacity, `ends_on` may not be before
    `starts_on`.

    Args:
        group_id (str):
        if_match (str):
        body (GroupUpdate): Changes to a group: only the fields sent are changed; the kind rules
            are checked again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Group]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: GroupUpdate,
    if_match: str,

) -> Error | Group | None:
    """ Change a group

     Send only what changes, or the whole object from a GET (read-only fields equal to the stored values
    are
    ignored). The kind rules are checked again: a retreat needs a capacity, `ends_on` may not be before
    `starts_on`.

    Args:
        group_id (str):
        if_match (str):
        body (GroupUpdate): Changes to a group: only the fields sent are changed; the kind rules
            are checked again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Group
     """


    return sync_detailed(
        group_id=group_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: GroupUpdate,
    if_match: str,

) -> Response[Error | Group]:
    """ Change a group

     Send only what changes, or the whole object from a GET (read-only fields equal to the stored values
    are
    ignored). The kind rules are checked again: a retreat needs a capacity, `ends_on` may not be before
    `starts_on`.

    Args:
        group_id (str):
        if_match (str):
        body (GroupUpdate): Changes to a group: only the fields sent are changed; the kind rules
            are checked again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Group]
     """


    kwargs = _get_kwargs(
        group_id=group_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    group_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: GroupUpdate,
    if_match: str,

) -> Error | Group | None:
    """ Change a group

     Send only what changes, or the whole object from a GET (read-only fields equal to the stored values
    are
    ignored). The kind rules are checked again: a retreat needs a capacity, `ends_on` may not be before
    `starts_on`.

    Args:
        group_id (str):
        if_match (str):
        body (GroupUpdate): Changes to a group: only the fields sent are changed; the kind rules
            are checked again.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Group
     """


    return (await asyncio_detailed(
        group_id=group_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
