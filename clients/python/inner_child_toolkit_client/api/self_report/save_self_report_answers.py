from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.answers import Answers
from ...models.error import Error
from ...models.self_report import SelfReport
from typing import cast



def _get_kwargs(
    token: str,
    *,
    body: Answers,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/self-report/{token}/answers".format(token=quote(str(token), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SelfReport:
    if response.status_code == 200:
        response_200 = SelfReport.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | SelfReport]:
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
    body: Answers,

) -> Response[Error | SelfReport]:
    """ Keep the answers so far

     Replaces the saved draft (answers to items no longer asked are dropped). Unanswered items are fine
    here. A critical item answered positively (or declined) raises the practice's `crisis` alert now,
    before the form is sent, and the answer carries the crisis text to show.

    Args:
        token (str):
        body (Answers): The whole draft so far: it replaces the saved one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SelfReport]
     """


    kwargs = _get_kwargs(
        token=token,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Answers,

) -> Error | SelfReport | None:
    """ Keep the answers so far

     Replaces the saved draft (answers to items no longer asked are dropped). Unanswered items are fine
    here. A critical item answered positively (or declined) raises the practice's `crisis` alert now,
    before the form is sent, and the answer carries the crisis text to show.

    Args:
        token (str):
        body (Answers): The whole draft so far: it replaces the saved one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SelfReport
     """


    return sync_detailed(
        token=token,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Answers,

) -> Response[Error | SelfReport]:
    """ Keep the answers so far

     Replaces the saved draft (answers to items no longer asked are dropped). Unanswered items are fine
    here. A critical item answered positively (or declined) raises the practice's `crisis` alert now,
    before the form is sent, and the answer carries the crisis text to show.

    Args:
        token (str):
        body (Answers): The whole draft so far: it replaces the saved one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SelfReport]
     """


    kwargs = _get_kwargs(
        token=token,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    token: str,
    *,
    client: AuthenticatedClient | Client,
    body: Answers,

) -> Error | SelfReport | None:
    """ Keep the answers so far

     Replaces the saved draft (answers to items no longer asked are dropped). Unanswered items are fine
    here. A critical item answered positively (or declined) raises the practice's `crisis` alert now,
    before the form is sent, and the answer carries the crisis text to show.

    Args:
        token (str):
        body (Answers): The whole draft so far: it replaces the saved one.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SelfReport
     """


    return (await asyncio_detailed(
        token=token,
client=client,
body=body,

    )).parsed
