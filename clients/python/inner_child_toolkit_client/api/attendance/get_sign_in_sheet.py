from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.get_sign_in_sheet_format import GetSignInSheetFormat
from ...models.paper import Paper
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    plan_id: str,
    *,
    format_: GetSignInSheetFormat | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_paper: str | Unset = UNSET
    if not isinstance(paper, Unset):
        json_paper = paper.value

    params["paper"] = json_paper


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/sign-in-sheet".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | str:
    if response.status_code == 200:
        response_200 = response.text
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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | str]:
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
    format_: GetSignInSheetFormat | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | str]:
    """ Printable sign-in sheet of a session

     For the facilitator: the session's roster (members on its date) with boxes to tick and room to sign,
    as an HTML page to print; `?paper=a4` (default) or `letter`. A comment column, spare rows for
    someone
    not yet on the roster, and a footer on every page.

    This operation describes the HTML representation only. For links the same path also answers
    `?format=pdf`, exactly as `getSignInSheetPdf` (GET /plans/{plan_id}/sign-in-sheet.pdf, one media
    type)
    does, 202 while it renders included; generated clients call that instead.

    Args:
        plan_id (str):
        format_ (GetSignInSheetFormat | Unset):
        paper (Paper | Unset): The paper size of a printed copy.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | str]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
format_=format_,
paper=paper,
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
    format_: GetSignInSheetFormat | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | str | None:
    """ Printable sign-in sheet of a session

     For the facilitator: the session's roster (members on its date) with boxes to tick and room to sign,
    as an HTML page to print; `?paper=a4` (default) or `letter`. A comment column, spare rows for
    someone
    not yet on the roster, and a footer on every page.

    This operation describes the HTML representation only. For links the same path also answers
    `?format=pdf`, exactly as `getSignInSheetPdf` (GET /plans/{plan_id}/sign-in-sheet.pdf, one media
    type)
    does, 202 while it renders included; generated clients call that instead.

    Args:
        plan_id (str):
        format_ (GetSignInSheetFormat | Unset):
        paper (Paper | Unset): The paper size of a printed copy.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | str
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
format_=format_,
paper=paper,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    format_: GetSignInSheetFormat | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | str]:
    """ Printable sign-in sheet of a session

     For the facilitator: the session's roster (members on its date) with boxes to tick and room to sign,
    as an HTML page to print; `?paper=a4` (default) or `letter`. A comment column, spare rows for
    someone
    not yet on the roster, and a footer on every page.

    This operation describes the HTML representation only. For links the same path also answers
    `?format=pdf`, exactly as `getSignInSheetPdf` (GET /plans/{plan_id}/sign-in-sheet.pdf, one media
    type)
    does, 202 while it renders included; generated clients call that instead.

    Args:
        plan_id (str):
        format_ (GetSignInSheetFormat | Unset):
        paper (Paper | Unset): The paper size of a printed copy.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | str]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
format_=format_,
paper=paper,
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
    format_: GetSignInSheetFormat | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | str | None:
    """ Printable sign-in sheet of a session

     For the facilitator: the session's roster (members on its date) with boxes to tick and room to sign,
    as an HTML page to print; `?paper=a4` (default) or `letter`. A comment column, spare rows for
    someone
    not yet on the roster, and a footer on every page.

    This operation describes the HTML representation only. For links the same path also answers
    `?format=pdf`, exactly as `getSignInSheetPdf` (GET /plans/{plan_id}/sign-in-sheet.pdf, one media
    type)
    does, 202 while it renders included; generated clients call that instead.

    Args:
        plan_id (str):
        format_ (GetSignInSheetFormat | Unset):
        paper (Paper | Unset): The paper size of a printed copy.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | str
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
format_=format_,
paper=paper,
if_none_match=if_none_match,

    )).parsed
