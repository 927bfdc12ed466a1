from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.framework import Framework
from ...models.group_kind import GroupKind
from ...models.intensity import Intensity
from ...models.list_modules_source import ListModulesSource
from ...models.module import Module
from ...models.module_category import ModuleCategory
from ...models.setting import Setting
from ...models.target import Target
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    kind: GroupKind | Unset = UNSET,
    category: ModuleCategory | Unset = UNSET,
    framework: Framework | Unset = UNSET,
    target: Target | Unset = UNSET,
    intensity: Intensity | Unset = UNSET,
    setting: Setting | Unset = UNSET,
    max_minutes: int | Unset = UNSET,
    q: str | Unset = UNSET,
    source: ListModulesSource | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_category: str | Unset = UNSET
    if not isinstance(category, Unset):
        json_category = category.value

    params["category"] = json_category

    json_framework: str | Unset = UNSET
    if not isinstance(framework, Unset):
        json_framework = framework.value

    params["framework"] = json_framework

    json_target: str | Unset = UNSET
    if not isinstance(target, Unset):
        json_target = target.value

    params["target"] = json_target

    json_intensity: str | Unset = UNSET
    if not isinstance(intensity, Unset):
        json_intensity = intensity.value

    params["intensity"] = json_intensity

    json_setting: str | Unset = UNSET
    if not isinstance(setting, Unset):
        json_setting = setting.value

    params["setting"] = json_setting

    params["max_minutes"] = max_minutes

    params["q"] = q

    json_source: str | Unset = UNSET
    if not isinstance(source, Unset):
        json_source = source.value

    params["source"] = json_source

    params["page"] = page

    params["page_size"] = page_size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/modules",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | list[Module]:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = Module.from_dict(response_200_item_data)



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | list[Module]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: GroupKind | Unset = UNSET,
    category: ModuleCategory | Unset = UNSET,
    framework: Framework | Unset = UNSET,
    target: Target | Unset = UNSET,
    intensity: Intensity | Unset = UNSET,
    setting: Setting | Unset = UNSET,
    max_minutes: int | Unset = UNSET,
    q: str | Unset = UNSET,
    source: ListModulesSource | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[Module]]:
    """ Search the module library

     Built-in modules plus your practice's own, by category then title. Unknown filter values
    answer 422 naming the allowed values.

    Args:
        kind (GroupKind | Unset): The kind of group: it sets how many members it holds.
        category (ModuleCategory | Unset): Where a module belongs in a session.
        framework (Framework | Unset): A therapeutic framework a module draws on.
        target (Target | Unset): A theme a module addresses.
        intensity (Intensity | Unset): How emotionally demanding a module is; a deep module must
            exclude acute_crisis.
        setting (Setting | Unset): Where a module is done.
        max_minutes (int | Unset):
        q (str | Unset):
        source (ListModulesSource | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[Module]]
     """


    kwargs = _get_kwargs(
        kind=kind,
category=category,
framework=framework,
target=target,
intensity=intensity,
setting=setting,
max_minutes=max_minutes,
q=q,
source=source,
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
    kind: GroupKind | Unset = UNSET,
    category: ModuleCategory | Unset = UNSET,
    framework: Framework | Unset = UNSET,
    target: Target | Unset = UNSET,
    intensity: Intensity | Unset = UNSET,
    setting: Setting | Unset = UNSET,
    max_minutes: int | Unset = UNSET,
    q: str | Unset = UNSET,
    source: ListModulesSource | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[Module] | None:
    """ Search the module library

     Built-in modules plus your practice's own, by category then title. Unknown filter values
    answer 422 naming the allowed values.

    Args:
        kind (GroupKind | Unset): The kind of group: it sets how many members it holds.
        category (ModuleCategory | Unset): Where a module belongs in a session.
        framework (Framework | Unset): A therapeutic framework a module draws on.
        target (Target | Unset): A theme a module addresses.
        intensity (Intensity | Unset): How emotionally demanding a module is; a deep module must
            exclude acute_crisis.
        setting (Setting | Unset): Where a module is done.
        max_minutes (int | Unset):
        q (str | Unset):
        source (ListModulesSource | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[Module]
     """


    return sync_detailed(
        client=client,
kind=kind,
category=category,
framework=framework,
target=target,
intensity=intensity,
setting=setting,
max_minutes=max_minutes,
q=q,
source=source,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    kind: GroupKind | Unset = UNSET,
    category: ModuleCategory | Unset = UNSET,
    framework: Framework | Unset = UNSET,
    target: Target | Unset = UNSET,
    intensity: Intensity | Unset = UNSET,
    setting: Setting | Unset = UNSET,
    max_minutes: int | Unset = UNSET,
    q: str | Unset = UNSET,
    source: ListModulesSource | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | list[Module]]:
    """ Search the module library

     Built-in modules plus your practice's own, by category then title. Unknown filter values
    answer 422 naming the allowed values.

    Args:
        kind (GroupKind | Unset): The kind of group: it sets how many members it holds.
        category (ModuleCategory | Unset): Where a module belongs in a session.
        framework (Framework | Unset): A therapeutic framework a module draws on.
        target (Target | Unset): A theme a module addresses.
        intensity (Intensity | Unset): How emotionally demanding a module is; a deep module must
            exclude acute_crisis.
        setting (Setting | Unset): Where a module is done.
        max_minutes (int | Unset):
        q (str | Unset):
        source (ListModulesSource | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[Module]]
     """


    kwargs = _get_kwargs(
        kind=kind,
category=category,
framework=framework,
target=target,
intensity=intensity,
setting=setting,
max_minutes=max_minutes,
q=q,
source=source,
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
    kind: GroupKind | Unset = UNSET,
    category: ModuleCategory | Unset = UNSET,
    framework: Framework | Unset = UNSET,
    target: Target | Unset = UNSET,
    intensity: Intensity | Unset = UNSET,
    setting: Setting | Unset = UNSET,
    max_minutes: int | Unset = UNSET,
    q: str | Unset = UNSET,
    source: ListModulesSource | Unset = UNSET,
    page: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | list[Module] | None:
    """ Search the module library

     Built-in modules plus your practice's own, by category then title. Unknown filter values
    answer 422 naming the allowed values.

    Args:
        kind (GroupKind | Unset): The kind of group: it sets how many members it holds.
        category (ModuleCategory | Unset): Where a module belongs in a session.
        framework (Framework | Unset): A therapeutic framework a module draws on.
        target (Target | Unset): A theme a module addresses.
        intensity (Intensity | Unset): How emotionally demanding a module is; a deep module must
            exclude acute_crisis.
        setting (Setting | Unset): Where a module is done.
        max_minutes (int | Unset):
        q (str | Unset):
        source (ListModulesSource | Unset):
        page (int | Unset):
        page_size (int | Unset):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[Module]
     """


    return (await asyncio_detailed(
        client=client,
kind=kind,
category=category,
framework=framework,
target=target,
intensity=intensity,
setting=setting,
max_minutes=max_minutes,
q=q,
source=source,
page=page,
page_size=page_size,
if_none_match=if_none_match,

    )).parsed
