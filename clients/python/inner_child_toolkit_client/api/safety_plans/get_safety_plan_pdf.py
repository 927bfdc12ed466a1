from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...types import File, FileTypes
from ...types import UNSET, Unset
from io import BytesIO
from typing import cast



def _get_kwargs(
    safety_plan_id: str,
    *,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/safety-plans/{safety_plan_id}.pdf".format(safety_plan_id=quote(str(safety_plan_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | File:
    if response.status_code == 200:
        response_200 = File(
             payload = BytesIO(response.content)
        )



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

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    safety_plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | File]:
    """ Print the participant's copy of a safety plan (PDF)

     The participant's own copy, the one media type of this operation (exactly what `GET
    /safety-plans/{safety_plan_id}?format=pdf` answers): only this plan, in their own words, in large
    clear
    type, with the practice's contact and the deployment's crisis line; no name of anyone else, no
    score, no
    flag and no clinical note. Printing is limited like the other PDFs (`PDF_RATE_LIMIT`, shared with
    `?format=pdf`). Audited as an export.

    Args:
        safety_plan_id (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | File]
     """


    kwargs = _get_kwargs(
        safety_plan_id=safety_plan_id,
if_none_match=if_none_match,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    safety_plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | File | None:
    """ Print the participant's copy of a safety plan (PDF)

     The participant's own copy, the one media type of this operation (exactly what `GET
    /safety-plans/{safety_plan_id}?format=pdf` answers): only this plan, in their own words, in large
    clear
    type, with the practice's contact and the deployment's crisis line; no name of anyone else, no
    score, no
    flag and no clinical note. Printing is limited like the other PDFs (`PDF_RATE_LIMIT`, shared with
    `?format=pdf`). Audited as an export.

    Args:
        safety_plan_id (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | File
     """


    return sync_detailed(
        safety_plan_id=safety_plan_id,
client=client,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    safety_plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | File]:
    """ Print the participant's copy of a safety plan (PDF)

     The participant's own copy, the one media type of this operation (exactly what `GET
    /safety-plans/{safety_plan_id}?format=pdf` answers): only this plan, in their own words, in large
    clear
    type, with the practice's contact and the deployment's crisis line; no name of anyone else, no
    score, no
    flag and no clinical note. Printing is limited like the other PDFs (`PDF_RATE_LIMIT`, shared with
    `?format=pdf`). Audited as an export.

    Args:
        safety_plan_id (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | File]
     """


    kwargs = _get_kwargs(
        safety_plan_id=safety_plan_id,
if_none_match=if_none_match,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    safety_plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | File | None:
    """ Print the participant's copy of a safety plan (PDF)

     The participant's own copy, the one media type of this operation (exactly what `GET
    /safety-plans/{safety_plan_id}?format=pdf` answers): only this plan, in their own words, in large
    clear
    type, with the practice's contact and the deployment's crisis line; no name of anyone else, no
    score, no
    flag and no clinical note. Printing is limited like the other PDFs (`PDF_RATE_LIMIT`, shared with
    `?format=pdf`). Audited as an export.

    Args:
        safety_plan_id (str):
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | File
     """


    return (await asyncio_detailed(
        safety_plan_id=safety_plan_id,
client=client,
if_none_match=if_none_match,

    )).parsed
