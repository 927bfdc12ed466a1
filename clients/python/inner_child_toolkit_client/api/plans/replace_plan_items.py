from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.plan import Plan
from ...models.plan_items import PlanItems
from typing import cast



def _get_kwargs(
    plan_id: str,
    *,
    body: PlanItems,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/plans/{plan_id}/items".format(plan_id=quote(str(plan_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Plan:
    if response.status_code == 200:
        response_200 = Plan.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Plan]:
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
    body: PlanItems,
    if_match: str,

) -> Response[Error | Plan]:
    """ Replace a plan's items

     Replaces the whole ordered list in one transaction. An item with `module_id: null` is a break.

    Args:
        plan_id (str):
        if_match (str):
        body (PlanItems): The whole ordered list of a plan's items, replacing the old one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Plan]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
body=body,
if_match=if_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PlanItems,
    if_match: str,

) -> Error | Plan | None:
    """ Replace a plan's items

     Replaces the whole ordered list in one transaction. An item with `module_id: null` is a break.

    Args:
        plan_id (str):
        if_match (str):
        body (PlanItems): The whole ordered list of a plan's items, replacing the old one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Plan
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
body=body,
if_match=if_match,

    ).parsed

async def asyncio_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PlanItems,
    if_match: str,

) -> Response[Error | Plan]:
    """ Replace a plan's items

     Replaces the whole ordered list in one transaction. An item with `module_id: null` is a break.

    Args:
        plan_id (str):
        if_match (str):
        body (PlanItems): The whole ordered list of a plan's items, replacing the old one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Plan]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
body=body,
if_match=if_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PlanItems,
    if_match: str,

) -> Error | Plan | None:
    """ Replace a plan's items

     Replaces the whole ordered list in one transaction. An item with `module_id: null` is a break.

    Args:
        plan_id (str):
        if_match (str):
        body (PlanItems): The whole ordered list of a plan's items, replacing the old one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Plan
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
