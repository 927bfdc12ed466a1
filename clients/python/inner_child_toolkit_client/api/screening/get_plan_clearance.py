from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.clearance import Clearance
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    plan_id: str,
    *,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/clearance".format(plan_id=quote(str(plan_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Clearance | Error:
    if response.status_code == 200:
        response_200 = Clearance.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Clearance | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Clearance | Error]:
    """ Who may take part in which item of a plan

     Every member × every item: `ok`, `adapt` (with the module's adaptation) or `exclude`, each with
    reasons. `status` is `blocked` if any member is `refer`/`defer` or has no valid screening, `caution`
    if any verdict is adapt/exclude or a member with unresolved trauma has no trauma-informed
    facilitator, else `clear`. A missing or expired screening is never clear.

    Args:
        plan_id (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Clearance | Error]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Any | Clearance | Error | None:
    """ Who may take part in which item of a plan

     Every member × every item: `ok`, `adapt` (with the module's adaptation) or `exclude`, each with
    reasons. `status` is `blocked` if any member is `refer`/`defer` or has no valid screening, `caution`
    if any verdict is adapt/exclude or a member with unresolved trauma has no trauma-informed
    facilitator, else `clear`. A missing or expired screening is never clear.

    Args:
        plan_id (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Clearance | Error
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Clearance | Error]:
    """ Who may take part in which item of a plan

     Every member × every item: `ok`, `adapt` (with the module's adaptation) or `exclude`, each with
    reasons. `status` is `blocked` if any member is `refer`/`defer` or has no valid screening, `caution`
    if any verdict is adapt/exclude or a member with unresolved trauma has no trauma-informed
    facilitator, else `clear`. A missing or expired screening is never clear.

    Args:
        plan_id (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Clearance | Error]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Any | Clearance | Error | None:
    """ Who may take part in which item of a plan

     Every member × every item: `ok`, `adapt` (with the module's adaptation) or `exclude`, each with
    reasons. `status` is `blocked` if any member is `refer`/`defer` or has no valid screening, `caution`
    if any verdict is adapt/exclude or a member with unresolved trauma has no trauma-informed
    facilitator, else `clear`. A missing or expired screening is never clear.

    Args:
        plan_id (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Clearance | Error
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
if_none_match=if_none_match,

    )).parsed
