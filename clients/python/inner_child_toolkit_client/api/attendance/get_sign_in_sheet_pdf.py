from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.get_sign_in_sheet_pdf_response_202 import GetSignInSheetPdfResponse202
from ...models.paper import Paper
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast



def _get_kwargs(
    plan_id: str,
    *,
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_paper: str | Unset = UNSET
    if not isinstance(paper, Unset):
        json_paper = paper.value

    params["paper"] = json_paper


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/sign-in-sheet.pdf".format(plan_id=quote(str(plan_id), safe=""),),
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | File | GetSignInSheetPdfResponse202:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



        return response_200

    if response.status_code == 202:
        response_202 = GetSignInSheetPdfResponse202.from_dict(response.json())



        return response_202

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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | File | GetSignInSheetPdfResponse202]:
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
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | File | GetSignInSheetPdfResponse202]:
    """ Printable sign-in sheet of a session, as PDF

     The sign-in sheet as PDF, the one media type of this operation (exactly what `GET
    /plans/{plan_id}/sign-in-sheet?format=pdf` answers). Laid out by a render worker as agendas are: it
    waits briefly (the sheet is one page), else 202 with `Retry-After`; ask the same URL again for the
    200.
    429 when too many PDFs are waiting for the practice.

    Args:
        plan_id (str):
        paper (Paper | Unset): The paper size of a printed copy.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | File | GetSignInSheetPdfResponse202]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
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
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | File | GetSignInSheetPdfResponse202 | None:
    """ Printable sign-in sheet of a session, as PDF

     The sign-in sheet as PDF, the one media type of this operation (exactly what `GET
    /plans/{plan_id}/sign-in-sheet?format=pdf` answers). Laid out by a render worker as agendas are: it
    waits briefly (the sheet is one page), else 202 with `Retry-After`; ask the same URL again for the
    200.
    429 when too many PDFs are waiting for the practice.

    Args:
        plan_id (str):
        paper (Paper | Unset): The paper size of a printed copy.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | File | GetSignInSheetPdfResponse202
     """


    return sync_detailed(
        plan_id=plan_id,
client=client,
paper=paper,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | File | GetSignInSheetPdfResponse202]:
    """ Printable sign-in sheet of a session, as PDF

     The sign-in sheet as PDF, the one media type of this operation (exactly what `GET
    /plans/{plan_id}/sign-in-sheet?format=pdf` answers). Laid out by a render worker as agendas are: it
    waits briefly (the sheet is one page), else 202 with `Retry-After`; ask the same URL again for the
    200.
    429 when too many PDFs are waiting for the practice.

    Args:
        plan_id (str):
        paper (Paper | Unset): The paper size of a printed copy.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | File | GetSignInSheetPdfResponse202]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
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
    paper: Paper | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | File | GetSignInSheetPdfResponse202 | None:
    """ Printable sign-in sheet of a session, as PDF

     The sign-in sheet as PDF, the one media type of this operation (exactly what `GET
    /plans/{plan_id}/sign-in-sheet?format=pdf` answers). Laid out by a render worker as agendas are: it
    waits briefly (the sheet is one page), else 202 with `Retry-After`; ask the same URL again for the
    200.
    429 when too many PDFs are waiting for the practice.

    Args:
        plan_id (str):
        paper (Paper | Unset): The paper size of a printed copy.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | File | GetSignInSheetPdfResponse202
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
paper=paper,
if_none_match=if_none_match,

    )).parsed
