from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.module import Module
from ...models.module_create import ModuleCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: ModuleCreate,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/modules",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Module:
    if response.status_code == 201:
        response_201 = Module.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Module]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ModuleCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Module]:
    """ Add a module of your practice's own

     Validated like the built-ins: min ≤ default ≤ max minutes, one contraindication per flag,
    adaptation text for `adapt`, and a `deep` module must exclude `acute_crisis`.

    Args:
        idempotency_key (str | Unset):
        body (ModuleCreate): A module of your practice's own, validated like the built-ins:
            min_minutes <= default_minutes <=
            max_minutes, at most one contraindication per flag, adaptation text for `adapt`, and a
            `deep` module must
            `exclude` `acute_crisis`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Module]
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
    body: ModuleCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Module | None:
    """ Add a module of your practice's own

     Validated like the built-ins: min ≤ default ≤ max minutes, one contraindication per flag,
    adaptation text for `adapt`, and a `deep` module must exclude `acute_crisis`.

    Args:
        idempotency_key (str | Unset):
        body (ModuleCreate): A module of your practice's own, validated like the built-ins:
            min_minutes <= default_minutes <=
            max_minutes, at most one contraindication per flag, adaptation text for `adapt`, and a
            `deep` module must
            `exclude` `acute_crisis`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Module
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ModuleCreate,
    idempotency_key: str | Unset = UNSET,

) -> Response[Error | Module]:
    """ Add a module of your practice's own

     Validated like the built-ins: min ≤ default ≤ max minutes, one contraindication per flag,
    adaptation text for `adapt`, and a `deep` module must exclude `acute_crisis`.

    Args:
        idempotency_key (str | Unset):
        body (ModuleCreate): A module of your practice's own, validated like the built-ins:
            min_minutes <= default_minutes <=
            max_minutes, at most one contraindication per flag, adaptation text for `adapt`, and a
            `deep` module must
            `exclude` `acute_crisis`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Module]
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
    body: ModuleCreate,
    idempotency_key: str | Unset = UNSET,

) -> Error | Module | None:
    """ Add a module of your practice's own

     Validated like the built-ins: min ≤ default ≤ max minutes, one contraindication per flag,
    adaptation text for `adapt`, and a `deep` module must exclude `acute_crisis`.

    Args:
        idempotency_key (str | Unset):
        body (ModuleCreate): A module of your practice's own, validated like the built-ins:
            min_minutes <= default_minutes <=
            max_minutes, at most one contraindication per flag, adaptation text for `adapt`, and a
            `deep` module must
            `exclude` `acute_crisis`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Module
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
