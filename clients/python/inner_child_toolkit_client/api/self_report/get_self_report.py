from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.self_report import SelfReport
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    token: str,
    *,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/self-report/{token}".format(token=quote(str(token), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | SelfReport:
    if response.status_code == 200:
        response_200 = SelfReport.from_dict(response.json())



        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | SelfReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | SelfReport]:
    """ A participant's form by their link

     The form (the instruments in their validated wording), the answers kept so far and, when a critical
    item is positive, the crisis text to show at once. Opening marks the invitation `opened`. 404 for
    any
    link that cannot be used (made up, expired, revoked, or already sent). Rate-limited per address.

    Args:
        token (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | SelfReport]
     """


    kwargs = _get_kwargs(
        token=token,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | SelfReport | None:
    """ A participant's form by their link

     The form (the instruments in their validated wording), the answers kept so far and, when a critical
    item is positive, the crisis text to show at once. Opening marks the invitation `opened`. 404 for
    any
    link that cannot be used (made up, expired, revoked, or already sent). Rate-limited per address.

    Args:
        token (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | SelfReport
     """


    return sync_detailed(
        token=token,
client=client,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | SelfReport]:
    """ A participant's form by their link

     The form (the instruments in their validated wording), the answers kept so far and, when a critical
    item is positive, the crisis text to show at once. Opening marks the invitation `opened`. 404 for
    any
    link that cannot be used (made up, expired, revoked, or already sent). Rate-limited per address.

    Args:
        token (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | SelfReport]
     """


    kwargs = _get_kwargs(
        token=token,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | SelfReport | None:
    """ A participant's form by their link

     The form (the instruments in their validated wording), the answers kept so far and, when a critical
    item is positive, the crisis text to show at once. Opening marks the invitation `opened`. 404 for
    any
    link that cannot be used (made up, expired, revoked, or already sent). Rate-limited per address.

    Args:
        token (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | SelfReport
     """


    return (await asyncio_detailed(
        token=token,
client=client,
if_none_match=if_none_match,

    )).parsed
