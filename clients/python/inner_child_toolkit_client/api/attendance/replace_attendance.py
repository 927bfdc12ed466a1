from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.attendance_sheet import AttendanceSheet
from ...models.attendance_sheet_in import AttendanceSheetIn
from ...models.error import Error
from typing import cast



def _get_kwargs(
    plan_id: str,
    *,
    body: AttendanceSheetIn,
    if_match: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/plans/{plan_id}/attendance".format(plan_id=quote(str(plan_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AttendanceSheet | Error:
    if response.status_code == 200:
        response_200 = AttendanceSheet.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AttendanceSheet | Error]:
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
    body: AttendanceSheetIn,
    if_match: str,

) -> Response[AttendanceSheet | Error]:
    """ Record a session's attendance

     Replaces the whole sheet in one transaction. A participant not on the session's roster is a 422
    naming the record; a session that has not started is a 409; a stale If-Match is a 412, also when two
    editors send the same tag at once (exactly one wins).

    Args:
        plan_id (str):
        if_match (str):
        body (AttendanceSheetIn): The whole attendance sheet of a session, for members on its
            roster; replaced in one transaction.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttendanceSheet | Error]
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
    body: AttendanceSheetIn,
    if_match: str,

) -> AttendanceSheet | Error | None:
    """ Record a session's attendance

     Replaces the whole sheet in one transaction. A participant not on the session's roster is a 422
    naming the record; a session that has not started is a 409; a stale If-Match is a 412, also when two
    editors send the same tag at once (exactly one wins).

    Args:
        plan_id (str):
        if_match (str):
        body (AttendanceSheetIn): The whole attendance sheet of a session, for members on its
            roster; replaced in one transaction.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttendanceSheet | Error
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
    body: AttendanceSheetIn,
    if_match: str,

) -> Response[AttendanceSheet | Error]:
    """ Record a session's attendance

     Replaces the whole sheet in one transaction. A participant not on the session's roster is a 422
    naming the record; a session that has not started is a 409; a stale If-Match is a 412, also when two
    editors send the same tag at once (exactly one wins).

    Args:
        plan_id (str):
        if_match (str):
        body (AttendanceSheetIn): The whole attendance sheet of a session, for members on its
            roster; replaced in one transaction.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttendanceSheet | Error]
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
    body: AttendanceSheetIn,
    if_match: str,

) -> AttendanceSheet | Error | None:
    """ Record a session's attendance

     Replaces the whole sheet in one transaction. A participant not on the session's roster is a 422
    naming the record; a session that has not started is a 409; a stale If-Match is a 412, also when two
    editors send the same tag at once (exactly one wins).

    Args:
        plan_id (str):
        if_match (str):
        body (AttendanceSheetIn): The whole attendance sheet of a session, for members on its
            roster; replaced in one transaction.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttendanceSheet | Error
     """


    return (await asyncio_detailed(
        plan_id=plan_id,
client=client,
body=body,
if_match=if_match,

    )).parsed
