from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.agenda_detail_level import AgendaDetailLevel
from ...models.audience import Audience
from ...models.error import Error
from ...models.paper import Paper
from ...models.print_size import PrintSize
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    plan_id: str,
    *,
    audience: Audience | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    detail: AgendaDetailLevel | Unset = UNSET,
    print_: PrintSize | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match



    

    params: dict[str, Any] = {}

    json_audience: str | Unset = UNSET
    if not isinstance(audience, Unset):
        json_audience = audience.value

    params["audience"] = json_audience

    json_paper: str | Unset = UNSET
    if not isinstance(paper, Unset):
        json_paper = paper.value

    params["paper"] = json_paper

    json_detail: str | Unset = UNSET
    if not isinstance(detail, Unset):
        json_detail = detail.value

    params["detail"] = json_detail

    json_print_: str | Unset = UNSET
    if not isinstance(print_, Unset):
        json_print_ = print_.value

    params["print"] = json_print_


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/plans/{plan_id}/agenda.ics".format(plan_id=quote(str(plan_id), safe=""),),
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

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

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
    audience: Audience | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    detail: AgendaDetailLevel | Unset = UNSET,
    print_: PrintSize | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | str]:
    """ One session's agenda as iCalendar

     One session's agenda as iCalendar, the one media type of this operation: exactly what `GET
    /plans/{plan_id}/agenda?format=ics` answers (`getPlanAgenda`'s path, negotiated), with the same
    `audience`, `paper`, `detail` and `print`, the same ETag (`If-None-Match` answers 304), rate limit,
    audit and errors. A calendar file: `detail=plans` (the default) gives one event per plan, `items`
    one per item.

    Args:
        plan_id (str):
        audience (Audience | Unset): Who a printed copy is for: the participant copy holds no
            clinical data.
        paper (Paper | Unset): The paper size of a printed copy.
        detail (AgendaDetailLevel | Unset): How much of each session a printed agenda holds.
        print_ (PrintSize | Unset): Large print (16 pt or more) for the participant handout.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | str]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
audience=audience,
paper=paper,
detail=detail,
print_=print_,
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
    audience: Audience | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    detail: AgendaDetailLevel | Unset = UNSET,
    print_: PrintSize | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | str | None:
    """ One session's agenda as iCalendar

     One session's agenda as iCalendar, the one media type of this operation: exactly what `GET
    /plans/{plan_id}/agenda?format=ics` answers (`getPlanAgenda`'s path, negotiated), with the same
    `audience`, `paper`, `detail` and `print`, the same ETag (`If-None-Match` answers 304), rate limit,
    audit and errors. A calendar file: `detail=plans` (the default) gives one event per plan, `items`
    one per item.

    Args:
        plan_id (str):
        audience (Audience | Unset): Who a printed copy is for: the participant copy holds no
            clinical data.
        paper (Paper | Unset): The paper size of a printed copy.
        detail (AgendaDetailLevel | Unset): How much of each session a printed agenda holds.
        print_ (PrintSize | Unset): Large print (16 pt or more) for the participant handout.
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
audience=audience,
paper=paper,
detail=detail,
print_=print_,
if_none_match=if_none_match,

    ).parsed

async def asyncio_detailed(
    plan_id: str,
    *,
    client: AuthenticatedClient | Client,
    audience: Audience | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    detail: AgendaDetailLevel | Unset = UNSET,
    print_: PrintSize | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Response[Any | Error | str]:
    """ One session's agenda as iCalendar

     One session's agenda as iCalendar, the one media type of this operation: exactly what `GET
    /plans/{plan_id}/agenda?format=ics` answers (`getPlanAgenda`'s path, negotiated), with the same
    `audience`, `paper`, `detail` and `print`, the same ETag (`If-None-Match` answers 304), rate limit,
    audit and errors. A calendar file: `detail=plans` (the default) gives one event per plan, `items`
    one per item.

    Args:
        plan_id (str):
        audience (Audience | Unset): Who a printed copy is for: the participant copy holds no
            clinical data.
        paper (Paper | Unset): The paper size of a printed copy.
        detail (AgendaDetailLevel | Unset): How much of each session a printed agenda holds.
        print_ (PrintSize | Unset): Large print (16 pt or more) for the participant handout.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | str]
     """


    kwargs = _get_kwargs(
        plan_id=plan_id,
audience=audience,
paper=paper,
detail=detail,
print_=print_,
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
    audience: Audience | Unset = UNSET,
    paper: Paper | Unset = UNSET,
    detail: AgendaDetailLevel | Unset = UNSET,
    print_: PrintSize | Unset = UNSET,
    if_none_match: str | Unset = UNSET,

) -> Any | Error | str | None:
    """ One session's agenda as iCalendar

     One session's agenda as iCalendar, the one media type of this operation: exactly what `GET
    /plans/{plan_id}/agenda?format=ics` answers (`getPlanAgenda`'s path, negotiated), with the same
    `audience`, `paper`, `detail` and `print`, the same ETag (`If-None-Match` answers 304), rate limit,
    audit and errors. A calendar file: `detail=plans` (the default) gives one event per plan, `items`
    one per item.

    Args:
        plan_id (str):
        audience (Audience | Unset): Who a printed copy is for: the participant copy holds no
            clinical data.
        paper (Paper | Unset): The paper size of a printed copy.
        detail (AgendaDetailLevel | Unset): How much of each session a printed agenda holds.
        print_ (PrintSize | Unset): Large print (16 pt or more) for the participant handout.
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
audience=audience,
paper=paper,
detail=detail,
print_=print_,
if_none_match=if_none_match,

    )).parsed
