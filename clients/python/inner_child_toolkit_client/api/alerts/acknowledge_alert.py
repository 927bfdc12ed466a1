from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.alert import Alert
from ...models.error import Error
from typing import cast



def _get_kwargs(
    alert_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/alerts/{alert_id}/acknowledge".format(alert_id=quote(str(alert_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Alert | Error:
    if response.status_code == 200:
        response_200 = Alert.from_dict(response.json())



        return response_200

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Alert | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    alert_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Alert | Error]:
    """ Acknowledge an alert

     Says someone has seen it: `acknowledged`, with who and when. Any therapist of the practice;
    acknowledging again changes nothing; a resolved alert answers 409. Audited.

    Args:
        alert_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Alert | Error]
     """


    kwargs = _get_kwargs(
        alert_id=alert_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    alert_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Alert | Error | None:
    """ Acknowledge an alert

     Says someone has seen it: `acknowledged`, with who and when. Any therapist of the practice;
    acknowledging again changes nothing; a resolved alert answers 409. Audited.

    Args:
        alert_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Alert | Error
     """


    return sync_detailed(
        alert_id=alert_id,
client=client,

    ).parsed

async def asyncio_detailed(
    alert_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Alert | Error]:
    """ Acknowledge an alert

     Says someone has seen it: `acknowledged`, with who and when. Any therapist of the practice;
    acknowledging again changes nothing; a resolved alert answers 409. Audited.

    Args:
        alert_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Alert | Error]
     """


    kwargs = _get_kwargs(
        alert_id=alert_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    alert_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Alert | Error | None:
    """ Acknowledge an alert

     Says someone has seen it: `acknowledged`, with who and when. Any therapist of the practice;
    acknowledging again changes nothing; a resolved alert answers 409. Audited.

    Args:
        alert_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Alert | Error
     """


    return (await asyncio_detailed(
        alert_id=alert_id,
client=client,

    )).parsed
